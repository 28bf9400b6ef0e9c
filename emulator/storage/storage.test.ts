import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSecret, SessionSigner } from '../bridge/session';
import { startFixtureCloud, type FixtureCloud } from '../functions/fixtures/cloud';
import { MemoryDb } from '../functions/fixtures/memory-db';
import { MAX_UPLOAD_BYTES, normalizeCloudPath } from './storage';

describe('cloud paths', () => {
  it('accepts ordinary paths, including Chinese names', () => {
    expect(normalizeCloudPath('appeals/2024/a.jpg')).toBe('appeals/2024/a.jpg');
    expect(normalizeCloudPath('图片/门牌 1.png')).toBe('图片/门牌 1.png');
  });

  it.each(['', '../x.txt', 'a/../../x', '/etc/passwd', 'a//b', 'a\\..\\b', '%2e%2e/x', 'a/./b', 'a?b', 'a#b', 'a\u0000b', 7])(
    'rejects %j',
    (path) => {
      expect(normalizeCloudPath(path)).toBeNull();
    },
  );
});

describe('storage over HTTP', () => {
  let cloud: FixtureCloud;
  let alice: string;
  let bob: string;

  const upload = (cookie: string | null, cloudPath: string, content: Blob | string, filename = 'a.png') => {
    const form = new FormData();
    form.append('cloudPath', cloudPath);
    form.append('file', typeof content === 'string' ? new Blob([content], { type: 'image/png' }) : content, filename);
    return fetch(`${cloud.url}/api/storage/upload`, { method: 'POST', body: form, headers: cookie ? { cookie } : {} });
  };
  const tempUrls = async (cookie: string, fileList: unknown[]) => {
    const res = await fetch(`${cloud.url}/api/storage/temp-urls`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ fileList }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { fileList: { fileID: string; tempFileURL: string; status: number }[] }).fileList;
  };
  const storedFiles = () => {
    const files: string[] = [];
    const walk = (dir: string, prefix: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
        else files.push(`${prefix}${entry.name}`);
      }
    };
    walk(join(cloud.dataDir, 'storage'), '');
    return files.sort();
  };

  beforeAll(async () => {
    cloud = await startFixtureCloud({ instancesPerFunction: 1, db: new MemoryDb({}) });
    const signer = new SessionSigner(loadSecret(cloud.dataDir));
    alice = `jy_session=${signer.issue('o_alice')}`;
    bob = `jy_session=${signer.issue('o_bob')}`;
  });

  afterAll(() => cloud.close());

  it('requires a session to upload or ask for URLs', async () => {
    const res = await upload(null, 'x/a.png', 'png');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errCode: 'UNAUTHENTICATED', errMsg: '请先登录' });
    const urls = await fetch(`${cloud.url}/api/storage/temp-urls`, { method: 'POST', body: '{"fileList":[]}' });
    expect(urls.status).toBe(401);
    expect(storedFiles()).toEqual([]);
  });

  it('uploads, hands out a signed temp URL, and serves the file with its content type', async () => {
    const res = await upload(alice, 'appeals/门牌 1.png', 'fake-png-bytes');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fileID: string; statusCode: number; errMsg: string };
    expect(body).toEqual({ fileID: 'cloud://local.local-1300000000/appeals/门牌 1.png', statusCode: 200, errMsg: 'cloud.uploadFile:ok' });

    const [item] = await tempUrls(alice, [body.fileID]);
    expect(item.status).toBe(0);
    expect(item.fileID).toBe(body.fileID);
    expect(item.tempFileURL.startsWith(`${cloud.url}/storage/appeals/`)).toBe(true);
    const file = await fetch(item.tempFileURL);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await file.text()).toBe('fake-png-bytes');
    const head = await fetch(item.tempFileURL, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('fake-png-bytes'.length));
  });

  it('refuses forged, tampered and expired URLs', async () => {
    await upload(alice, 'docs/a.txt', 'hello');
    await upload(alice, 'docs/b.txt', 'secret');
    const [a] = await tempUrls(alice, ['cloud://local.local-1300000000/docs/a.txt']);
    const url = new URL(a.tempFileURL);

    const forged = new URL(url);
    forged.searchParams.set('sign', 'A'.repeat(43));
    expect((await fetch(forged)).status).toBe(403);

    const otherFile = new URL(url);
    otherFile.pathname = '/storage/docs/b.txt';
    expect((await fetch(otherFile)).status).toBe(403);

    const extended = new URL(url);
    extended.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600));
    expect((await fetch(extended)).status).toBe(403);

    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);

    const expired = cloud.storage.tempUrl(cloud.url, 'docs/a.txt', 60, Date.now() - 3600_000);
    const res = await fetch(expired);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('链接无效或已过期');
  });

  it('rejects a file over 10 MB with 413 and leaves nothing behind', async () => {
    const before = storedFiles();
    const res = await upload(alice, 'big/too-big.bin', new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]), 'big.bin');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errCode: 'FILE_TOO_LARGE', errMsg: '文件不能超过 10 MB' });
    expect(storedFiles()).toEqual(before);
    expect(readdirSync(join(cloud.dataDir, 'storage-tmp'))).toEqual([]);
    // Exactly 10 MB is allowed.
    const ok = await upload(alice, 'big/just-right.bin', new Blob([new Uint8Array(MAX_UPLOAD_BYTES)]), 'ok.bin');
    expect(ok.status).toBe(200);
  });

  it('rejects path traversal and malformed uploads', async () => {
    const before = storedFiles();
    for (const cloudPath of ['../escape.txt', 'a/../../escape.txt', '/abs.txt', '']) {
      const res = await upload(alice, cloudPath, 'x');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errCode: string }).errCode).toBe('INVALID_PATH');
    }
    const noFile = new FormData();
    noFile.append('cloudPath', 'x/y.txt');
    const res = await fetch(`${cloud.url}/api/storage/upload`, { method: 'POST', body: noFile, headers: { cookie: alice } });
    expect(res.status).toBe(400);
    const notMultipart = await fetch(`${cloud.url}/api/storage/upload`, { method: 'POST', body: 'x', headers: { cookie: alice } });
    expect(notMultipart.status).toBe(400);
    expect(existsSync(join(cloud.dataDir, 'escape.txt'))).toBe(false);
    expect(storedFiles()).toEqual(before);
    const traversal = await fetch(`${cloud.url}/storage/..%2F..%2Flocal-secret?sign=x&t=9999999999`);
    expect(traversal.status).toBe(403);
  });

  it('lets only the uploader overwrite a file', async () => {
    expect((await upload(alice, 'avatars/alice.png', 'v1')).status).toBe(200);
    const res = await upload(bob, 'avatars/alice.png', 'bob was here');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errCode: string }).errCode).toBe('FORBIDDEN');
    expect((await upload(alice, 'avatars/alice.png', 'v2')).status).toBe(200);
    const [item] = await tempUrls(bob, ['cloud://local.local-1300000000/avatars/alice.png']);
    expect(await (await fetch(item.tempFileURL)).text()).toBe('v2');
  });

  it('reports missing and foreign fileIDs in temp-urls', async () => {
    const list = await tempUrls(alice, ['cloud://local.local-1300000000/none.png', 'cloud://other.bucket/x.png']);
    expect(list.map((item) => item.status)).toEqual([-1, -1]);
    expect(list.every((item) => item.tempFileURL === '')).toBe(true);
  });

  it("answers the SDK's own storage calls from a function", async () => {
    const invoke = async (event: Record<string, unknown>) => (await cloud.host.invoke('files', event)).result as Record<string, unknown>;
    const uploaded = await invoke({ op: 'upload', cloudPath: 'reports/周报.txt', text: '本周办结 12 件' });
    expect(uploaded).toEqual({ fileID: 'cloud://local.local-1300000000/reports/周报.txt' });
    expect(storedFiles()).toContain('reports/周报.txt');

    const urls = (await invoke({ op: 'url', fileList: [uploaded.fileID, 'cloud://local.local-1300000000/none.txt'] })) as {
      fileList: { code: string; tempFileURL: string }[];
    };
    expect(urls.fileList.map((f) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
    expect(await (await fetch(encodeURI(urls.fileList[0].tempFileURL))).text()).toBe('本周办结 12 件');

    expect(await invoke({ op: 'download', fileID: uploaded.fileID })).toEqual({ text: '本周办结 12 件' });

    const deleted = (await invoke({ op: 'delete', fileList: [uploaded.fileID, uploaded.fileID] })) as { fileList: { code: string }[] };
    expect(deleted.fileList.map((f) => f.code).sort()).toEqual(['STORAGE_FILE_NONEXIST', 'SUCCESS']);
    expect(storedFiles()).not.toContain('reports/周报.txt');
    expect((await fetch(encodeURI(urls.fileList[0].tempFileURL))).status).toBe(404);
  });
});

describe('storage under owner-only rules', () => {
  let cloud: FixtureCloud;
  let alice: string;
  let bob: string;
  const fileId = (path: string) => `cloud://local.local-1300000000/${path}`;

  const upload = (cookie: string, cloudPath: string, content: string) => {
    const form = new FormData();
    form.append('cloudPath', cloudPath);
    form.append('file', new Blob([content], { type: 'image/jpeg' }), 'a.jpg');
    return fetch(`${cloud.url}/api/storage/upload`, { method: 'POST', body: form, headers: { cookie } });
  };
  const tempUrls = async (cookie: string, fileList: string[]) => {
    const res = await fetch(`${cloud.url}/api/storage/temp-urls`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ fileList }),
    });
    return ((await res.json()) as { fileList: { tempFileURL: string; status: number; errMsg: string }[] }).fileList;
  };

  beforeAll(async () => {
    cloud = await startFixtureCloud({
      instancesPerFunction: 1,
      db: new MemoryDb({}),
      clientUploadPrefix: 'uploads/{openid}/',
      rules: { storage: { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' } },
    });
    const signer = new SessionSigner(loadSecret(cloud.dataDir));
    alice = `jy_session=${signer.issue('o_alice')}`;
    bob = `jy_session=${signer.issue('o_bob')}`;
  });

  afterAll(() => cloud.close());

  it("takes uploads only under the uploader's own folder and records the uploader", async () => {
    for (const path of ['appeals/r1/a.jpg', 'uploads/o_bob/a.jpg', 'uploads/o_alice', 'uploads/o_alice2/a.jpg', 'x/uploads/o_alice/a.jpg']) {
      const res = await upload(alice, path, 'x');
      expect([path, res.status]).toEqual([path, 403]);
      expect(await res.json()).toEqual({ errCode: 'FORBIDDEN', errMsg: '只能上传到 uploads/o_alice/ 目录下' });
    }
    const ok = await upload(alice, 'uploads/o_alice/r1/a.jpg', 'alice-photo');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { fileID: string }).fileID).toBe(fileId('uploads/o_alice/r1/a.jpg'));
    expect(await cloud.storage.meta('uploads/o_alice/r1/a.jpg')).toMatchObject({ owner: 'o_alice', size: 'alice-photo'.length });
  });

  it("hands out URLs for one's own files only; functions are not bound by the rules", async () => {
    await upload(alice, 'uploads/o_alice/r2/b.jpg', 'alice-only');
    const [own] = await tempUrls(alice, [fileId('uploads/o_alice/r2/b.jpg')]);
    expect(own.status).toBe(0);
    expect(await (await fetch(own.tempFileURL)).text()).toBe('alice-only');

    const [foreign] = await tempUrls(bob, [fileId('uploads/o_alice/r2/b.jpg')]);
    expect(foreign).toMatchObject({ status: -1, tempFileURL: '', errMsg: '没有权限读取该文件' });

    // A function's file has no owner: no client may read it, the function itself may.
    const uploaded = (await cloud.host.invoke('files', { op: 'upload', cloudPath: 'reports/r.txt', text: '汇总' })).result as { fileID: string };
    expect((await tempUrls(alice, [uploaded.fileID]))[0].status).toBe(-1);
    const sdk = (await cloud.host.invoke('files', { op: 'url', fileList: [fileId('uploads/o_alice/r2/b.jpg'), uploaded.fileID] })).result as {
      fileList: { code: string; tempFileURL: string }[];
    };
    expect(sdk.fileList.map((f) => f.code)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(await (await fetch(encodeURI(sdk.fileList[0].tempFileURL))).text()).toBe('alice-only');
  });

  it('lets only the owner replace a file', async () => {
    expect((await upload(bob, 'uploads/o_alice/r2/b.jpg', 'bob')).status).toBe(403);
    expect((await upload(alice, 'uploads/o_alice/r2/b.jpg', 'v2')).status).toBe(200);
    const [own] = await tempUrls(alice, [fileId('uploads/o_alice/r2/b.jpg')]);
    expect(await (await fetch(own.tempFileURL)).text()).toBe('v2');
    // Within her folder, a file a function put there is not hers: the write rule refuses it.
    await cloud.host.invoke('files', { op: 'upload', cloudPath: 'uploads/o_alice/by-function.txt', text: 'f' });
    const res = await upload(alice, 'uploads/o_alice/by-function.txt', 'mine now?');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errCode: 'FORBIDDEN', errMsg: '不能覆盖其他用户上传的文件' });
  });
});
