import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MAX_UPLOAD_BYTES, normalizeCloudPath, StorageError, type LocalStorage, type ReceivedFile, type WriteTarget } from './storage';

export type UploadOutcome =
  | { ok: true; fileID: string }
  | { ok: false; status: number; errCode: string; errMsg: string };

const TOO_LARGE: UploadOutcome = { ok: false, status: 413, errCode: 'FILE_TOO_LARGE', errMsg: '文件不能超过 10 MB' };

/**
 * `multipart/form-data` upload like `Taro.cloud.uploadFile`: field `cloudPath`, file field `file`.
 * The file is recorded as `owner`'s; `authorize` may refuse it (a message) once its path is known.
 * The whole body is read before answering; nothing is left behind on failure.
 */
export async function receiveUpload(
  req: IncomingMessage,
  storage: LocalStorage,
  owner: string,
  authorize: (target: WriteTarget) => string | null,
): Promise<UploadOutcome> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES * 4) {
    req.resume();
    return TOO_LARGE;
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 8, fieldSize: 4096, parts: 10 },
    });
  } catch {
    req.resume();
    return { ok: false, status: 400, errCode: 'INVALID_REQUEST', errMsg: '请使用 multipart/form-data 上传文件' };
  }

  let cloudPathField: string | undefined;
  let received: Promise<ReceivedFile> | null = null;
  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      if (name === 'cloudPath') cloudPathField = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'file' || received) {
        stream.resume();
        return;
      }
      received = storage.receive(stream, MAX_UPLOAD_BYTES);
      // Settled below; avoid an unhandled rejection while the rest of the body is read.
      received.catch(() => undefined);
    });
    parser.on('close', () => resolve());
    parser.on('error', (error) => reject(error));
  });
  req.pipe(parser);

  try {
    await done;
  } catch {
    if (received) await (received as Promise<ReceivedFile>).then((file) => storage.discard(file), () => undefined);
    req.resume();
    return { ok: false, status: 400, errCode: 'INVALID_REQUEST', errMsg: '上传内容格式不正确' };
  }
  if (!received) return { ok: false, status: 400, errCode: 'INVALID_REQUEST', errMsg: '缺少文件字段 file' };
  let file: ReceivedFile;
  try {
    file = await (received as Promise<ReceivedFile>);
  } catch (error) {
    if (error instanceof StorageError && error.code === 'FILE_TOO_LARGE') return TOO_LARGE;
    return { ok: false, status: 500, errCode: 'WRITE_FAILED', errMsg: '文件保存失败，请重试' };
  }
  const cloudPath = normalizeCloudPath(cloudPathField);
  if (!cloudPath) {
    await storage.discard(file);
    return { ok: false, status: 400, errCode: 'INVALID_PATH', errMsg: '文件路径不合法' };
  }
  try {
    return { ok: true, fileID: await storage.commit(file, cloudPath, owner, authorize) };
  } catch (error) {
    if (error instanceof StorageError) {
      const status = error.code === 'FORBIDDEN' ? 403 : 400;
      return { ok: false, status, errCode: error.code, errMsg: error.message };
    }
    return { ok: false, status: 500, errCode: 'WRITE_FAILED', errMsg: '文件保存失败，请重试' };
  }
}
