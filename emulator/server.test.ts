import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureCloud, type FixtureCloud } from './functions/fixtures/cloud';
import { MemoryDb } from './functions/fixtures/memory-db';
import { ADMIN_BODY_LIMIT } from './server';

/** A raw request, so paths are sent exactly as written. */
function raw(url: string, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local cloud server', () => {
  let dataDir: string;
  let staticDir: string;
  let cloud: FixtureCloud;
  let db: MemoryDb;

  const admin = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${cloud.url}/admin?env=local&seqId=1`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jy-server-'));
    staticDir = join(dataDir, 'h5');
    mkdirSync(join(staticDir, 'js'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>幸福家园</title>');
    writeFileSync(join(staticDir, 'js', 'app.0123abcd.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'favicon.ico'), 'ico');
    writeFileSync(join(dataDir, 'outside.txt'), 'must not be served');
    db = new MemoryDb({ users: [{ _id: 'o_wang', name: '王秀英' }] });
    cloud = await startFixtureCloud({ dataDir, staticDir, instancesPerFunction: 1, db });
  });

  afterAll(() => cloud.close());

  it('listens on 127.0.0.1 with a random port', () => {
    expect(cloud.url).toBe(`http://127.0.0.1:${cloud.port}`);
    expect(cloud.port).toBeGreaterThan(0);
  });

  it('answers bad /admin input with HTTP 200 {code, message} and keeps serving', async () => {
    const malformed = await admin('{"action":');
    expect(malformed.status).toBe(200);
    expect(await malformed.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.any(String), requestId: expect.any(String) });

    const notObject = await admin('[1,2]');
    expect(await notObject.json()).toMatchObject({ code: 'INVALID_PARAM' });

    const unknown = await admin(JSON.stringify({ action: 'wx.openApi', envName: 'local' }));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ code: 'INVALID_ACTION', message: expect.stringContaining('wx.openApi') });

    const missingAction = await admin('{}');
    expect(await missingAction.json()).toMatchObject({ code: 'INVALID_ACTION' });

    const huge = await admin(' '.repeat(ADMIN_BODY_LIMIT + 1024));
    expect(huge.status).toBe(200);
    expect(await huge.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('5 MB') });

    const browser = await admin(JSON.stringify({ action: 'database.getDocument' }), { origin: 'https://evil.example' });
    expect(await browser.json()).toMatchObject({ code: 'PERMISSION_DENIED' });

    const otherEnv = await admin(JSON.stringify({ action: 'database.getDocument', envName: 'prod-123', collectionName: 'users' }));
    expect(await otherEnv.json()).toMatchObject({ code: 'INVALID_ENV', message: expect.stringContaining('local') });

    const get = await fetch(`${cloud.url}/admin`);
    expect(get.status).toBe(405);

    // Still alive: route a database request and a function call.
    const query = await admin(
      JSON.stringify({ action: 'database.getDocument', envName: 'local', collectionName: 'users', query: '{}', limit: 10 }),
    );
    const body = (await query.json()) as { data: { list: string[] } };
    expect(body.data.list).toHaveLength(1);
    expect(db.requests.at(-1)).toMatchObject({ action: 'database.getDocument', collectionName: 'users' });

    const invoke = await admin(
      JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data: '{"delayMs":1,"tag":"raw"}' }),
    );
    const invoked = (await invoke.json()) as { requestId: string; data: { response_data: string } };
    expect(JSON.parse(invoked.data.response_data)).toMatchObject({ before: '', event: { tag: 'raw' } });

    const badData = await admin(JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data: '{x' }));
    expect(await badData.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('serves the H5 build with an index.html fallback and long-cached hashed assets', async () => {
    const index = await fetch(`${cloud.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('幸福家园');

    const route = await fetch(`${cloud.url}/pages/appeal/detail?id=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('幸福家园');

    const asset = await fetch(`${cloud.url}/js/app.0123abcd.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const icon = await fetch(`${cloud.url}/favicon.ico`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');

    expect((await fetch(`${cloud.url}/js/missing.js`)).status).toBe(404);
    expect((await fetch(`${cloud.url}/api/nothing`)).status).toBe(404);

    const traversal = await raw(cloud.url, '/../outside.txt');
    expect(traversal.body).not.toContain('must not be served');
    const encoded = await raw(cloud.url, '/%2e%2e/outside.txt');
    expect(encoded.status).toBe(404);
    expect(encoded.body).not.toContain('must not be served');
  });
});

describe('closing', () => {
  it('stops the server, the instances and the database', async () => {
    const db = new MemoryDb({});
    const cloud = await startFixtureCloud({ timers: true, db });
    try {
      await cloud.host.invoke('whoami', { delayMs: 1 });
      expect(cloud.host.instanceCount('whoami')).toBe(1);
      await cloud.close();
      expect(db.closed).toBe(true);
      expect(cloud.host.instanceCount('whoami')).toBe(0);
      await expect(fetch(`${cloud.url}/api/session`)).rejects.toThrow();
      await expect(cloud.host.invoke('whoami', {})).rejects.toMatchObject({ code: 'HOST_CLOSED' });
    } finally {
      await cloud.close();
    }
  });
});
