import Taro from '@tarojs/taro';
import { ApiError } from './errors';
import { api } from './index';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

function extensionOf(path: string, fallback = 'jpg'): string {
  const match = /\.(jpe?g|png|webp|gif|heic)(?:$|\?)/i.exec(path);
  return (match?.[1] ?? fallback).toLowerCase();
}

async function uploadH5(filePath: string, cloudPath: string): Promise<string> {
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    throw new ApiError('NETWORK', '读取照片失败，请重新选择');
  }
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', blob, cloudPath.split('/').pop());
  let response: Response;
  try {
    response = await fetch('/api/storage/upload', { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', '照片上传失败，请检查网络后重试');
  }
  const body = (await response.json().catch(() => ({}))) as { fileID?: string; errMsg?: string };
  if (!response.ok || !body.fileID) {
    throw new ApiError(response.status === 413 ? 'INVALID_INPUT' : 'INTERNAL', body.errMsg ?? '照片上传失败，请稍后再试');
  }
  return body.fileID;
}

let ownFolder: Promise<string> | undefined;

/**
 * The caller's own upload folder, `uploads/<openid>`: the storage rules and the functions take a
 * resident's photos only from there. Asked once per app launch (a failure is asked again).
 */
function uploadsOfCaller(): Promise<string> {
  if (!ownFolder) {
    ownFolder = api.users.me({}).then((me) => `uploads/${me.openid}`);
    ownFolder.catch(() => (ownFolder = undefined));
  }
  return ownFolder;
}

/** Uploads one chosen photo to cloud storage under the caller's own folder; returns its `cloud://` file id. */
export async function uploadPhoto(filePath: string, folder: string, size?: number): Promise<string> {
  if (size !== undefined && size > MAX_PHOTO_BYTES) throw new ApiError('INVALID_INPUT', '照片不能超过 10 MB');
  const name = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${extensionOf(filePath)}`;
  const cloudPath = `${await uploadsOfCaller()}/${folder}/${name}`;
  if (process.env.TARO_ENV === 'h5') return uploadH5(filePath, cloudPath);
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return fileID;
  } catch {
    throw new ApiError('NETWORK', '照片上传失败，请检查网络后重试');
  }
}
