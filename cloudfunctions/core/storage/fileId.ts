/**
 * CloudBase fileIDs: `cloud://<env>.<bucket>/<path>`. The bucket is
 * `<hex of the env's first letters>-<env>-<appid number>` in CloudBase (e.g.
 * `cloud://test2-4a89da.7465-test2-4a89da-1258717764/a/b.png`) and `<env>-<number>` in the local
 * runtime. User uploads live under `uploads/<openid>/…`.
 */
import tcb from '@cloudbase/node-sdk';

export interface FileRef {
  env: string;
  bucket: string;
  /** The cloud path inside the bucket, e.g. `uploads/<openid>/1.jpg`. */
  path: string;
}

export const UPLOADS_DIR = 'uploads';

const FILE_ID = /^cloud:\/\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.([A-Za-z0-9][A-Za-z0-9_-]{0,127})\/(.{1,850})$/;
const UNSAFE = /[\u0000-\u001f\u007f\\%?#]/;

/** The parts of a fileID, or null when it is not one (or its path is not a plain cloud path). */
export function parseFileId(fileId: string): FileRef | null {
  const m = FILE_ID.exec(fileId);
  if (!m) return null;
  const [, env, bucket, path] = m;
  if (UNSAFE.test(path) || path.split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
  return { env, bucket, path };
}

/** The folder a user's own uploads go to. */
export const uploadPrefix = (openid: string) => `${UPLOADS_DIR}/${openid}/`;

export type FileRefusal = 'format' | 'env' | 'owner';

export const FILE_REFUSALS: Record<FileRefusal, string> = {
  format: '图片地址无效，请重新上传',
  env: '图片不在本小程序的云存储中，请重新上传',
  owner: '只能使用自己上传的图片，请重新上传',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * Why a fileID may not be used by `openid` in environment `env`, or null when it may:
 * it must be in this environment's bucket and under the caller's upload folder.
 */
export function refuseFile(fileId: string, { env, openid }: { env: string; openid: string }): FileRefusal | null {
  const ref = parseFileId(fileId);
  if (!ref) return 'format';
  if (ref.env !== env || !new RegExp(`^(?:[0-9a-f]+-)?${escape(env)}-\\d+$`).test(ref.bucket)) return 'env';
  const prefix = uploadPrefix(openid);
  if (!ref.path.startsWith(prefix) || ref.path.length === prefix.length) return 'owner';
  return null;
}

/** The environment this function runs in, as the SDK resolves `SYMBOL_CURRENT_ENV`. */
export function currentEnv(): string {
  const { TCB_ENV, SCF_NAMESPACE } = tcb.getCloudbaseContext() as { TCB_ENV?: string; SCF_NAMESPACE?: string };
  return TCB_ENV || SCF_NAMESPACE || '';
}
