import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startFixtureCloud, type FixtureCloud } from '../functions/fixtures/cloud';
import { MemoryDb } from '../functions/fixtures/memory-db';
import { safeNext } from '../http';
import { loadSecret, SessionSigner, SESSION_MAX_AGE_SECONDS } from './session';

/** The fixture's own names: personas in `people.persona`, the message log in `sent`. */
function seedDb(): MemoryDb {
  return new MemoryDb({
    people: [
      { _id: 'o_staff', name: '李建国', roles: ['gridWorker'], persona: { label: '网格员 · 李建国', order: 2 }, createdAt: new Date() },
      { _id: 'o_wang', name: '王秀英', roles: ['resident'], persona: { label: '居民 · 王秀英', order: 1 }, createdAt: new Date() },
      { _id: 'o_plain', name: '张三', roles: ['resident'], createdAt: new Date() },
    ],
    notes: [
      { _id: 'n1', _openid: 'o_wang', text: '王秀英的便签' },
      { _id: 'n2', _openid: 'o_staff', text: '李建国的便签' },
    ],
    sent: [
      { _id: 'm1', touser: 'o_wang', template: '诉求受理通知', data: { thing1: '楼道灯不亮' }, createdAt: new Date('2025-03-01T02:00:00Z') },
      { _id: 'm2', touser: 'o_wang', template: '办结通知', data: { thing1: '已更换灯泡' }, createdAt: new Date('2025-03-02T02:00:00Z') },
    ],
  });
}

describe('session cookies', () => {
  const signer = new SessionSigner(Buffer.alloc(32, 7));

  it('round-trips and refuses tampering, other keys and expiry', () => {
    const value = signer.issue('o_wang');
    expect(signer.verify(value)?.openid).toBe('o_wang');
    const [v, , exp, mac] = value.split('.');
    const forged = [v, Buffer.from('o_staff').toString('base64url'), exp, mac].join('.');
    expect(signer.verify(forged)).toBeNull();
    expect(new SessionSigner(Buffer.alloc(32, 8)).verify(value)).toBeNull();
    expect(signer.verify(signer.issue('o_wang', Date.now() - (SESSION_MAX_AGE_SECONDS + 1) * 1000))).toBeNull();
    expect(signer.verify('garbage')).toBeNull();
    expect(signer.verify(undefined)).toBeNull();
  });

  it('keeps only same-origin relative paths as the return address', () => {
    expect(safeNext('/pages/index/index?x=1#top')).toBe('/pages/index/index?x=1#top');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

/** A raw request, so the Host header is sent as written. */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('H5 bridge', () => {
  let cloud: FixtureCloud;
  let db: MemoryDb;

  const call = (name: string, data: unknown, cookie?: string, extra: Record<string, string> = {}) =>
    fetch(`${cloud.url}/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...extra },
      body: JSON.stringify(data),
    });
  const login = (openid: string, next = '/') =>
    fetch(`${cloud.url}/dev/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ openid, next }).toString(),
    });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

  beforeAll(async () => {
    db = seedDb();
    cloud = await startFixtureCloud({
      instancesPerFunction: 2,
      db,
      personas: { collection: 'people', field: 'persona' },
      messageLog: 'sent',
      rules: {
        database: {
          default: { read: false, write: false },
          collections: { notes: { read: 'doc._openid == auth.openid', write: false }, people: { read: 'auth != null', write: false } },
        },
      },
    });
  });

  afterAll(() => cloud.close());

  it('refuses calls without a valid session', async () => {
    const none = await call('whoami', { delayMs: 1 });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ errCode: 'UNAUTHENTICATED', errMsg: '请先登录' });

    const secret = loadSecret(cloud.dataDir);
    const real = new SessionSigner(secret).issue('o_wang');
    const [v, , exp, mac] = real.split('.');
    const forged = `jy_session=${[v, Buffer.from('o_staff').toString('base64url'), exp, mac].join('.')}`;
    expect((await call('whoami', {}, forged)).status).toBe(401);

    const otherKey = `jy_session=${new SessionSigner(Buffer.alloc(32, 1)).issue('o_staff')}`;
    expect((await call('whoami', {}, otherKey)).status).toBe(401);

    const expired = `jy_session=${new SessionSigner(secret).issue('o_wang', Date.now() - 8 * 24 * 3600_000)}`;
    expect((await call('whoami', {}, expired)).status).toBe(401);

    expect((await fetch(`${cloud.url}/api/session`)).status).toBe(401);
    // An openid in the body is just data.
    const bodyOnly = await call('whoami', { openid: 'o_staff', userInfo: { openId: 'o_staff' } });
    expect(bodyOnly.status).toBe(401);
  });

  it('serves the demo sign-in page with the seeded personas in order', async () => {
    const res = await fetch(`${cloud.url}/dev/login?next=${encodeURIComponent('/pages/appeal/index')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('选择演示身份');
    expect(html).toContain('name="viewport"');
    expect(html.indexOf('居民 · 王秀英')).toBeGreaterThan(0);
    expect(html.indexOf('居民 · 王秀英')).toBeLessThan(html.indexOf('网格员 · 李建国'));
    expect(html).not.toContain('o_plain');
    expect(html).toContain('value="/pages/appeal/index"');
  });

  it('signs in, calls functions as that user, and signs out', async () => {
    const res = await login('o_wang', '/pages/appeal/index?id=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/pages/appeal/index?id=1');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^jy_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = cookieOf(res);

    const session = await fetch(`${cloud.url}/api/session`, { headers: { cookie } });
    expect(await session.json()).toEqual({ openid: 'o_wang', name: '王秀英', label: '居民 · 王秀英' });

    const ok = await call('whoami', { delayMs: 1, tag: 't1', openid: 'o_staff' }, cookie);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { result: { after: string; event: { tag: string } }; requestID: string; errMsg: string };
    expect(body.errMsg).toBe('cloud.callFunction:ok');
    expect(body.result.after).toBe('o_wang');
    expect(body.result.event.tag).toBe('t1');
    expect(body.requestID).toMatch(/[0-9a-f-]{36}/);

    const logout = await fetch(`${cloud.url}/dev/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('refuses unknown personas and foreign redirects', async () => {
    const bad = await login('o_plain');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect(await bad.text()).toContain('该身份不存在');

    const offsite = await login('o_staff', '//evil.example/steal');
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('signs in a brand-new user', async () => {
    const res = await login('__new__');
    const cookie = cookieOf(res);
    const session = (await (await fetch(`${cloud.url}/api/session`, { headers: { cookie } })).json()) as Record<string, string>;
    expect(session.openid).toMatch(/^o_local_[0-9a-f]{20}$/);
    expect(session.label).toBe('新用户');
  });

  it('maps function failures to non-2xx answers', async () => {
    const cookie = cookieOf(await login('o_wang'));
    const boom = await call('boom', {}, cookie);
    expect(boom.status).toBe(500);
    const boomBody = (await boom.json()) as { errCode: string; errMsg: string };
    expect(boomBody.errCode).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(boomBody.errMsg).toMatch(/^cloud\.callFunction:fail .*boom: 故意失败/);

    const missing = await call('nope', {}, cookie);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errCode: string }).errCode).toBe('FUNCTION_NOT_FOUND');

    const badJson = await fetch(`${cloud.url}/api/functions/whoami`, { method: 'POST', headers: { cookie }, body: '{oops' });
    expect(badJson.status).toBe(400);
  });

  it('refuses cross-site posts', async () => {
    const cookie = cookieOf(await login('o_wang'));
    const res = await call('whoami', {}, cookie, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('lists the message log newest first to a signed-in session, and copes with no log', async () => {
    const headers = { cookie: cookieOf(await login('o_wang')) };
    const json = (await (await fetch(`${cloud.url}/api/dev/messages`, { headers })).json()) as { messages: { _id: string; createdAt: string }[] };
    expect(json.messages.map((m) => m._id)).toEqual(['m2', 'm1']);
    expect(json.messages[0].createdAt).toBe('2025-03-02T02:00:00.000Z');
    const html = await (await fetch(`${cloud.url}/dev/messages`, { headers })).text();
    expect(html).toContain('消息记录');
    expect(html.indexOf('已更换灯泡')).toBeLessThan(html.indexOf('楼道灯不亮'));
    expect(html).toContain('2025/03/02 10:00:00');

    const sent = db.collections.get('sent') ?? [];
    db.collections.delete('sent');
    const empty = (await (await fetch(`${cloud.url}/api/dev/messages`, { headers })).json()) as { messages: unknown[] };
    expect(empty.messages).toEqual([]);
    expect(await (await fetch(`${cloud.url}/dev/messages`, { headers })).text()).toContain('还没有消息');
    db.collections.set('sent', sent);
  });

  it('shows the message log to no one without a session', async () => {
    const api = await fetch(`${cloud.url}/api/dev/messages`);
    expect(api.status).toBe(401);
    expect(await api.text()).not.toContain('楼道灯不亮');
    const page = await fetch(`${cloud.url}/dev/messages`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/dev/login?next=%2Fdev%2Fmessages');
    expect(await page.text()).not.toContain('楼道灯不亮');
    const forged = `jy_session=${new SessionSigner(Buffer.alloc(32, 1)).issue('o_wang')}`;
    expect((await fetch(`${cloud.url}/api/dev/messages`, { headers: { cookie: forged } })).status).toBe(401);
  });

  it('refuses every bridge route under a host name it does not listen on (DNS rebinding)', async () => {
    const evil = `evil.example:${cloud.port}`;
    const signIn = await raw(cloud.port, 'POST', '/dev/login', {
      host: evil,
      origin: `http://${evil}`,
      'content-type': 'application/x-www-form-urlencoded',
    }, 'openid=o_staff&next=%2F');
    expect(signIn.status).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(signIn.body)).toEqual({ errCode: 'FORBIDDEN', errMsg: '拒绝通过该主机名访问本地云环境' });

    const cookie = cookieOf(await login('o_wang'));
    for (const [method, path] of [['GET', '/dev/login'], ['GET', '/dev/messages'], ['GET', '/api/dev/messages'], ['GET', '/api/session'], ['POST', '/api/functions/whoami']]) {
      const res = await raw(cloud.port, method, path, { host: evil, origin: `http://${evil}`, cookie, 'content-type': 'application/json' }, method === 'POST' ? '{}' : undefined);
      expect([path, res.status]).toEqual([path, 403]);
    }
    // The right name on another port, or no Host at all, is refused too.
    expect((await raw(cloud.port, 'GET', '/dev/login', { host: `127.0.0.1:${cloud.port + 1}` })).status).toBe(403);
    expect((await raw(cloud.port, 'GET', '/dev/login', { host: `evil.example` })).status).toBe(403);
  });

  it('answers to loopback names with its port', async () => {
    for (const host of [`127.0.0.1:${cloud.port}`, `localhost:${cloud.port}`, `LOCALHOST:${cloud.port}`, `[::1]:${cloud.port}`]) {
      const res = await raw(cloud.port, 'GET', '/dev/login', { host });
      expect([host, res.status]).toEqual([host, 200]);
    }
  });

  it('reads the database for a client only as the security rules allow', async () => {
    const cookie = cookieOf(await login('o_wang'));
    const get = (body: unknown, headers: Record<string, string> = { cookie }) =>
      fetch(`${cloud.url}/api/database/get`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    expect((await get({ collection: 'notes', query: { _openid: 'o_wang' } }, {})).status).toBe(401);
    // Default rule: no client access.
    const denied = await get({ collection: 'sent' });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ errCode: 'DATABASE_PERMISSION_DENIED', errMsg: 'collection.get:fail 没有权限读取该集合' });
    // `doc._openid == auth.openid`: the query must pin _openid to the caller.
    expect((await get({ collection: 'notes' })).status).toBe(403);
    expect((await get({ collection: 'notes', query: { _openid: 'o_staff' } })).status).toBe(403);
    const own = await get({ collection: 'notes', query: { _openid: '{openid}' } });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { data: { _id: string }[] }).data.map((d) => d._id)).toEqual(['n1']);
    expect((await get({ collection: 'notes', query: { _openid: { $eq: 'o_wang' } } })).status).toBe(200);
    // `auth != null`: any signed-in user.
    expect((await get({ collection: 'people', query: {} })).status).toBe(200);
    expect((await get({ collection: 'people', limit: 0 })).status).toBe(400);
  });

  it('keeps its secret in dataDir and refuses a second cloud on it', async () => {
    await expect(startFixtureCloud({ db: new MemoryDb({}), dataDir: cloud.dataDir })).rejects.toThrow(/正被另一个本地云环境使用/);
    expect(readFileSync(join(cloud.dataDir, 'local-secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });
});
