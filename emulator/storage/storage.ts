import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { escapeHtml, sendFile, sendText } from '../http';
import { contentTypeFor } from './mime';

/** Largest file the H5 app may upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest file a function may upload through the SDK. */
export const MAX_SDK_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Temp URL lifetime when the caller gives none, and the longest allowed. */
export const DEFAULT_URL_MAX_AGE = 2 * 3600;
export const LONGEST_URL_MAX_AGE = 24 * 3600;

export type StorageErrorCode = 'FILE_TOO_LARGE' | 'INVALID_PATH' | 'FORBIDDEN' | 'WRITE_FAILED';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface ReceivedFile {
  tmpFile: string;
  size: number;
}

/** A file about to be written: an existing one with its owner, or a new one owned by the writer. */
export interface WriteTarget {
  cloudPath: string;
  exists: boolean;
  owner: string | null;
}

export interface FileMeta {
  owner: string | null;
  size: number;
  uploadedAt: string;
}

export interface LocalStorageOptions {
  dataDir: string;
  /** CloudBase environment id; part of every fileID. */
  env: string;
  /** Key for signing URLs. */
  secret: Buffer;
}

const UNSAFE_CHARS = /[\u0000-\u001f\u007f\\%?#]/;

/**
 * A cloud path as CloudBase accepts it (`dir/name.ext`), or null: no leading slash, no empty,
 * `.` or `..` segments, no backslash, `%`, `?`, `#` or control characters.
 */
export function normalizeCloudPath(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 850) return null;
  if (UNSAFE_CHARS.test(input) || input.startsWith('/')) return null;
  const segments = input.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return input;
}

/**
 * Files under `<dataDir>/storage/`, addressed by CloudBase fileIDs
 * (`cloud://<env>.<bucket>/<cloudPath>`), read through HMAC-signed, expiring URLs. Each file's
 * metadata records its owner: the uploader's openid, or null when a function uploaded it. Who may
 * upload or get a URL from the app is the bridge's decision (security rules); functions may do anything.
 */
export class LocalStorage {
  readonly root: string;
  readonly bucket: string;
  private readonly tmpDir: string;
  private readonly metaDir: string;
  private readonly key: Buffer;

  constructor(private readonly opts: LocalStorageOptions) {
    this.root = resolve(opts.dataDir, 'storage');
    this.tmpDir = resolve(opts.dataDir, 'storage-tmp');
    this.metaDir = resolve(opts.dataDir, 'storage-meta');
    this.bucket = `${opts.env}-1300000000`;
    this.key = createHmac('sha256', opts.secret).update('storage-url').digest();
  }

  async init(): Promise<void> {
    await Promise.all([mkdir(this.root, { recursive: true }), mkdir(this.metaDir, { recursive: true })]);
    // Leftovers of interrupted uploads.
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { recursive: true });
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.opts.env}.${this.bucket}/${cloudPath}`;
  }

  /** The cloud path of one of this environment's fileIDs, or null. */
  cloudPathOf(fileId: unknown): string | null {
    const prefix = `cloud://${this.opts.env}.${this.bucket}/`;
    if (typeof fileId !== 'string' || !fileId.startsWith(prefix)) return null;
    return normalizeCloudPath(fileId.slice(prefix.length));
  }

  /** Absolute path inside the storage root, or null if the cloud path is not acceptable. */
  filePath(cloudPath: string): string | null {
    const normalized = normalizeCloudPath(cloudPath);
    if (!normalized) return null;
    const full = resolve(this.root, normalized);
    return full.startsWith(this.root + sep) ? full : null;
  }

  sign(purpose: 'get' | 'put', cloudPath: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${cloudPath}\n${expires}`).digest('base64url');
  }

  verify(purpose: 'get' | 'put', cloudPath: string, expires: string | null, signature: string | null, now = Date.now()): boolean {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < now) return false;
    const expected = Buffer.from(this.sign(purpose, cloudPath, Number(expires)));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A signed download URL. The path stays unencoded, as CloudBase's (the SDK runs encodeURI on it). */
  tempUrl(baseUrl: string, cloudPath: string, maxAgeSeconds = DEFAULT_URL_MAX_AGE, now = Date.now()): string {
    const age = Math.min(Math.max(Math.floor(maxAgeSeconds) || DEFAULT_URL_MAX_AGE, 1), LONGEST_URL_MAX_AGE);
    const expires = Math.floor(now / 1000) + age;
    return `${baseUrl}/storage/${cloudPath}?sign=${this.sign('get', cloudPath, expires)}&t=${expires}`;
  }

  /** A signed download URL for one of this environment's fileIDs, or why there is none. */
  async tempUrlOf(
    baseUrl: string,
    fileId: unknown,
    maxAgeSeconds?: number,
  ): Promise<{ ok: true; url: string } | { ok: false; reason: 'invalid' | 'missing' }> {
    const cloudPath = this.cloudPathOf(fileId);
    if (!cloudPath) return { ok: false, reason: 'invalid' };
    if (!(await this.exists(cloudPath))) return { ok: false, reason: 'missing' };
    return { ok: true, url: this.tempUrl(baseUrl, cloudPath, maxAgeSeconds) };
  }

  uploadUrl(baseUrl: string, cloudPath: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + 600;
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/');
    return `${baseUrl}/__cos/${encoded}?sign=${this.sign('put', cloudPath, expires)}&t=${expires}`;
  }

  async exists(cloudPath: string): Promise<boolean> {
    const full = this.filePath(cloudPath);
    if (!full) return false;
    try {
      return (await stat(full)).isFile();
    } catch {
      return false;
    }
  }

  /**
   * Streams `source` to a temporary file. Past `limit` bytes it stops writing but keeps reading
   * (so the client gets an answer), then deletes the partial file and throws FILE_TOO_LARGE.
   */
  async receive(source: Readable, limit: number): Promise<ReceivedFile> {
    const tmpFile = join(this.tmpDir, randomUUID());
    const out = createWriteStream(tmpFile);
    let writeError: Error | null = null;
    out.on('error', (error) => {
      writeError = error;
    });
    let size = 0;
    let failure: StorageError | null = null;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit * 4) break; // Stop reading an abusive body; the connection is dropped.
        if (failure) continue;
        if (size > limit) {
          failure = new StorageError('FILE_TOO_LARGE', `文件不能超过 ${Math.round(limit / 1024 / 1024)} MB`);
          continue;
        }
        if (writeError) {
          failure = new StorageError('WRITE_FAILED', `文件写入失败：${(writeError as Error).message}`);
          continue;
        }
        if (!out.write(chunk)) await once(out, 'drain');
      }
      if (size > limit * 4) failure ??= new StorageError('FILE_TOO_LARGE', `文件不能超过 ${Math.round(limit / 1024 / 1024)} MB`);
    } catch (error) {
      failure ??= new StorageError('WRITE_FAILED', `文件接收失败：${(error as Error).message}`);
    }
    await new Promise<void>((done) => out.end(() => done()));
    if (writeError && !failure) failure = new StorageError('WRITE_FAILED', `文件写入失败：${(writeError as Error).message}`);
    if (failure) {
      await unlink(tmpFile).catch(() => undefined);
      throw failure;
    }
    return { tmpFile, size };
  }

  async discard(file: ReceivedFile): Promise<void> {
    await unlink(file.tmpFile).catch(() => undefined);
  }

  /**
   * Moves a received file to `cloudPath`, owned by `owner` (an app user's openid; null for a
   * function's SDK call). `authorize` sees the file as it would be written to (an existing file with
   * its owner, or the new one) and returns a refusal message or null.
   */
  async commit(file: ReceivedFile, cloudPath: string, owner: string | null, authorize?: (target: WriteTarget) => string | null): Promise<string> {
    const full = this.filePath(cloudPath);
    if (!full) {
      await this.discard(file);
      throw new StorageError('INVALID_PATH', '文件路径不合法');
    }
    try {
      if (authorize) {
        const exists = await this.exists(cloudPath);
        const refusal = authorize({ cloudPath, exists, owner: exists ? ((await this.meta(cloudPath))?.owner ?? null) : owner });
        if (refusal !== null) throw new StorageError('FORBIDDEN', refusal);
      }
      await mkdir(dirname(full), { recursive: true });
      await rename(file.tmpFile, full);
    } catch (error) {
      await this.discard(file);
      if (error instanceof StorageError) throw error;
      throw new StorageError('INVALID_PATH', '文件路径与已有文件或目录冲突');
    }
    const metaFile = this.metaFile(cloudPath);
    const meta: FileMeta = { owner, size: file.size, uploadedAt: new Date().toISOString() };
    await mkdir(dirname(metaFile), { recursive: true });
    await writeFile(metaFile, JSON.stringify(meta));
    return this.fileId(cloudPath);
  }

  async meta(cloudPath: string): Promise<FileMeta | null> {
    try {
      return JSON.parse(await readFile(this.metaFile(cloudPath), 'utf8')) as FileMeta;
    } catch {
      return null;
    }
  }

  /** Deletes a file; false when there was none. */
  async remove(cloudPath: string): Promise<boolean> {
    const full = this.filePath(cloudPath);
    if (!full || !(await this.exists(cloudPath))) return false;
    try {
      await unlink(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    await unlink(this.metaFile(cloudPath)).catch(() => undefined);
    return true;
  }

  /** `GET|HEAD /storage/<cloudPath>?sign=…&t=…`. */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = decodePath(url.pathname.slice('/storage/'.length));
    const full = cloudPath ? this.filePath(cloudPath) : null;
    if (!cloudPath || !full || !this.verify('get', cloudPath, url.searchParams.get('t'), url.searchParams.get('sign'))) {
      sendText(res, 403, '链接无效或已过期');
      return;
    }
    let size: number;
    try {
      const info = await stat(full);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      sendText(res, 404, '文件不存在');
      return;
    }
    const maxAge = Math.max(0, Number(url.searchParams.get('t')) - Math.floor(Date.now() / 1000));
    await sendFile(req, res, full, size, {
      'Content-Type': contentTypeFor(cloudPath),
      'Cache-Control': `private, max-age=${maxAge}`,
      // Uploaded content must not run scripts in the app's origin.
      'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
  }

  /** `PUT /__cos/<cloudPath>?sign=…&t=…`: the upload URL `storage.getUploadMetadata` hands out. */
  async receivePut(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = decodePath(url.pathname.slice('/__cos/'.length));
    if (!cloudPath || !this.verify('put', cloudPath, url.searchParams.get('t'), url.searchParams.get('sign'))) {
      sendCosError(res, 403, 'AccessDenied', 'Invalid or expired upload signature');
      req.resume();
      return;
    }
    let file: ReceivedFile;
    try {
      file = await this.receive(req, MAX_SDK_UPLOAD_BYTES);
      await this.commit(file, cloudPath, null);
    } catch (error) {
      const code = error instanceof StorageError && error.code === 'FILE_TOO_LARGE' ? 'EntityTooLarge' : 'InvalidRequest';
      sendCosError(res, code === 'EntityTooLarge' ? 400 : 409, code, (error as Error).message);
      req.resume();
      return;
    }
    res.writeHead(200, { 'Content-Length': 0 });
    res.end();
  }

  /** The SDK's `storage.*` actions (`getTempFileURL`, `deleteFile`, `uploadFile`, `downloadFile`). */
  async handleSdk(body: Record<string, unknown>, baseUrl: string): Promise<Record<string, unknown>> {
    const requestId = randomUUID();
    switch (body.action) {
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(body.file_list) ? body.file_list : null;
        if (!list) return { code: 'INVALID_PARAM', message: 'file_list 必须是数组', requestId };
        const download_list = await Promise.all(
          list.map(async (item: unknown) => {
            const entry = (typeof item === 'object' && item !== null ? item : {}) as { fileid?: unknown; max_age?: unknown };
            const fileID = typeof entry.fileid === 'string' ? entry.fileid : '';
            const found = await this.tempUrlOf(baseUrl, fileID, typeof entry.max_age === 'number' ? entry.max_age : undefined);
            if (found.ok) return { fileID, tempFileURL: found.url, code: 'SUCCESS' };
            return { fileID, tempFileURL: '', code: found.reason === 'invalid' ? 'INVALID_PARAM' : 'STORAGE_FILE_NONEXIST' };
          }),
        );
        return { requestId, data: { download_list } };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(body.fileid_list) ? body.fileid_list : null;
        if (!list) return { code: 'INVALID_PARAM', message: 'fileid_list 必须是数组', requestId };
        const delete_list: { fileID: unknown; code: string }[] = [];
        for (const fileID of list as unknown[]) {
          const cloudPath = this.cloudPathOf(fileID);
          if (!cloudPath) delete_list.push({ fileID, code: 'INVALID_PARAM' });
          else delete_list.push({ fileID, code: (await this.remove(cloudPath)) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' });
        }
        return { requestId, data: { delete_list } };
      }
      case 'storage.getUploadMetadata': {
        const cloudPath = normalizeCloudPath(body.path);
        if (!cloudPath) return { code: 'INVALID_PARAM', message: '文件路径不合法', requestId };
        const fileId = this.fileId(cloudPath);
        return {
          requestId,
          data: {
            url: this.uploadUrl(baseUrl, cloudPath),
            token: 'local',
            authorization: 'local',
            fileId,
            // Sent back by the SDK as an HTTP header, so ASCII only.
            cosFileId: createHash('sha1').update(fileId).digest('hex'),
            download_url: this.tempUrl(baseUrl, cloudPath),
          },
        };
      }
      default:
        return { code: 'INVALID_ACTION', message: `本地云环境不支持 ${String(body.action)}`, requestId };
    }
  }

  private metaFile(cloudPath: string): string {
    return join(this.metaDir, `${cloudPath}.meta.json`);
  }
}

function decodePath(raw: string): string | null {
  try {
    return normalizeCloudPath(raw.split('/').map(decodeURIComponent).join('/'));
  } catch {
    return null;
  }
}

function sendCosError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(
    `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${escapeHtml(message)}</Message>` +
      `<Resource></Resource><RequestId>${requestId}</RequestId><TraceId>${requestId}</TraceId></Error>`,
  );
}
