import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { Bridge, type PersonaSource } from './bridge/bridge';
import type { DbHandler } from './bridge/db-read';
import { HostCheck } from './bridge/hosts';
import type { CollectionSpec, DbService } from './db';
import { isRecord } from './functions/config';
import { readJson, sendFile, sendJson } from './http';
import { loadSecret, SessionSigner } from './bridge/session';
import { invokeFromSdk } from './functions/admin';
import { FunctionHost } from './functions/host';
import { LocalStorage } from './storage/storage';
import { contentTypeFor } from './storage/mime';
import { lockDataDir } from './lock';
import { ClientRules, type SecurityRules } from './security/rules';

export type { CollectionSpec, DbService, PersonaSource, SecurityRules };

export interface LocalCloudOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Durable state: database file, storage, session secret. */
  dataDir: string;
  /** Folder whose sub-folders with a built `index.js` are the functions, the app's functions folder. */
  functionsDir: string;
  /** Built H5 app (e.g. `dist-h5`), served at `/`. */
  staticDir?: string;
  /** Run timer triggers on their schedules. Default true. */
  timers?: boolean;
  /** CloudBase environment id. Default `local`. */
  env?: string;
  /** Instances per function. Default 4. */
  instancesPerFunction?: number;
  /** Use this database service instead of opening `<dataDir>/db.sqlite` (tests). */
  db?: DbService;
  /** Collections and indexes created (and brought in line) in `<dataDir>/db.sqlite`. Default none. */
  collections?: CollectionSpec[];
  /** Where the demo sign-in finds its personas. Without it only "new user" is offered. */
  personas?: PersonaSource;
  /** Collection that `/dev/messages` lists (newest `createdAt` first). Without it the list is empty. */
  messageLog?: string;
  /** Security rules for client access through the H5 bridge. Default: database denied, storage as CloudBase's default. */
  rules?: SecurityRules;
  /** Client uploads must go under this prefix, `{openid}` standing for the uploader's openid (e.g. `uploads/{openid}/`). */
  clientUploadPrefix?: string;
  /** Host names, besides loopback and the bound address, that browsers may use for the bridge. */
  allowedHosts?: string[];
}

export interface LocalCloud {
  url: string;
  port: number;
  env: string;
  db: DbService;
  host: FunctionHost;
  storage: LocalStorage;
  bridge: Bridge;
  close(): Promise<void>;
}

/** Largest `/admin` request body. */
export const ADMIN_BODY_LIMIT = 5 * 1024 * 1024;

async function openDefaultDb(dataDir: string, collections: CollectionSpec[]): Promise<DbService> {
  // Loaded lazily so the database module is only required when no service is injected.
  const { openDatabase } = await import('./db');
  return openDatabase({ file: join(dataDir, 'db.sqlite'), collections });
}

/**
 * Starts the local CloudBase: `/admin` for `@cloudbase/node-sdk`, the function host and its
 * timers, storage, the H5 bridge and the static H5 build, on one HTTP server.
 */
export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const env = opts.env ?? 'local';
  const dataDir = resolve(opts.dataDir);
  const rules = new ClientRules(opts.rules);
  if (opts.collections) {
    const undeclared = rules.undeclared(opts.collections.map((spec) => spec.name));
    if (undeclared.length) throw new Error(`数据库安全规则里的集合未声明：${undeclared.join('、')}`);
  }
  for (const expression of rules.unsupported()) console.warn(`[local-cloud] 不支持的安全规则表达式，按拒绝处理：${expression}`);
  await mkdir(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  let db: DbService;
  let secret: Buffer;
  try {
    secret = loadSecret(dataDir);
    db = opts.db ?? (await openDefaultDb(dataDir, opts.collections ?? []));
  } catch (error) {
    lock.release();
    throw error;
  }

  let ready: Ready | null = null;
  const server = createServer((req, res) => {
    if (!ready) {
      req.resume();
      sendJson(res, 503, { code: 'SYS_ERR', message: '本地云环境正在启动' });
      return;
    }
    route(req, res, ready).catch((error: unknown) => {
      console.error('[local-cloud] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: '本地云环境内部错误' });
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // Idle keep-alive connections outlive every client's own idle timeout (Node's agents keep sockets
  // alive by default): otherwise a request sent as the server closes the idle socket is reset.
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 80_000;

  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (error) {
    db.close();
    lock.release();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const displayHost = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;
  lock.setUrl(url);

  let host: FunctionHost;
  let storage: LocalStorage;
  try {
    host = new FunctionHost({
      functionsDir: resolve(opts.functionsDir),
      adminUrl: `${url}/admin`,
      appUrl: url,
      env,
      instancesPerFunction: opts.instancesPerFunction,
    });
    storage = new LocalStorage({ dataDir, env, secret });
    await storage.init();
  } catch (error) {
    await closeServer(server);
    db.close();
    lock.release();
    throw error;
  }
  const bridge = new Bridge({
    host,
    db,
    storage,
    sessions: new SessionSigner(secret),
    env,
    baseUrl: url,
    hosts: new HostCheck(port, opts.host ?? '127.0.0.1', opts.allowedHosts),
    rules,
    personas: opts.personas,
    messageLog: opts.messageLog,
    clientUploadPrefix: opts.clientUploadPrefix,
  });
  ready = { db, host, storage, bridge, url, env, staticDir: opts.staticDir };
  if (opts.timers ?? true) host.startTimers();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    env,
    db,
    host,
    storage,
    bridge,
    close() {
      closing ??= (async () => {
        host.stopTimers();
        const closed = closeServer(server);
        await host.close();
        await closed;
        db.close();
        lock.release();
      })();
      return closing;
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeIdleConnections();
    // In-flight requests get a moment to finish, then their sockets are dropped.
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}

type Ready = { db: DbHandler; host: FunctionHost; storage: LocalStorage; bridge: Bridge; url: string; env: string; staticDir?: string };

async function route(req: IncomingMessage, res: ServerResponse, ready: Ready): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://local');
  } catch {
    req.resume();
    sendJson(res, 400, { code: 'INVALID_PARAM', message: '请求地址不合法' });
    return;
  }
  const method = req.method ?? 'GET';
  if (url.pathname === '/admin') {
    if (method !== 'POST') {
      req.resume();
      sendJson(res, 405, { code: 'INVALID_PARAM', message: '只接受 POST' });
      return;
    }
    await handleAdmin(req, res, ready);
    return;
  }
  if (url.pathname.startsWith('/__cos/') && method === 'PUT') {
    await ready.storage.receivePut(req, res, url);
    return;
  }
  if (url.pathname.startsWith('/storage/') && (method === 'GET' || method === 'HEAD')) {
    await ready.storage.serve(req, res, url);
    return;
  }
  if (await ready.bridge.handle(req, res, url)) return;
  if ((method === 'GET' || method === 'HEAD') && ready.staticDir) {
    await serveStatic(req, res, url, ready.staticDir);
    return;
  }
  req.resume();
  sendJson(res, 404, { code: 'NOT_FOUND', message: '未找到' });
}

/** One SDK request: `database.*`, `functions.invokeFunction`, `storage.*`. Errors are HTTP 200 `{code, message}`. */
async function handleAdmin(req: IncomingMessage, res: ServerResponse, ready: Ready): Promise<void> {
  const requestId = randomUUID();
  const fail = (code: string, message: string) => sendJson(res, 200, { code, message, requestId });
  // The admin API has no credentials of its own: only this machine may use it, even on a LAN address.
  if (!isLocalPeer(req)) {
    req.resume();
    fail('PERMISSION_DENIED', '只接受本机的请求');
    return;
  }
  // Browsers cannot send a cross-site JSON POST without a CORS preflight, which is never granted.
  if (req.headers.origin !== undefined) {
    req.resume();
    fail('PERMISSION_DENIED', '不接受浏览器跨站请求');
    return;
  }
  const body = await readJson(req, ADMIN_BODY_LIMIT);
  if (!body.ok) {
    if (body.reason === 'too_large') fail('INVALID_PARAM', `请求体超过 ${ADMIN_BODY_LIMIT / 1024 / 1024} MB`);
    if (body.reason === 'invalid_json') fail('INVALID_PARAM', '请求体不是合法的 JSON');
    return;
  }
  const params = body.value;
  if (!isRecord(params)) {
    fail('INVALID_PARAM', '请求体应为 JSON 对象');
    return;
  }
  const action = typeof params.action === 'string' ? params.action : '';
  // An SDK initialised for another environment would reach a different database in CloudBase.
  if (typeof params.envName === 'string' && params.envName !== '' && params.envName !== ready.env) {
    fail('INVALID_ENV', `环境 ${params.envName} 不存在；本地云环境的 env 是 ${ready.env}`);
    return;
  }
  let answer: Record<string, unknown>;
  try {
    if (action.startsWith('database.')) {
      answer = await ready.db.handle(params);
    } else if (action === 'functions.invokeFunction') {
      answer = await invokeFromSdk(ready.host, params, headerValue(req.headers['x-tcb-source']));
    } else if (action.startsWith('storage.')) {
      answer = await ready.storage.handleSdk(params, ready.url);
    } else {
      fail('INVALID_ACTION', `本地云环境不支持 ${action || '(缺少 action)'}`);
      return;
    }
  } catch (error) {
    console.error('[local-cloud] /admin failed:', action, error);
    fail('SYS_ERR', `处理 ${action} 时出错：${(error as Error)?.message ?? String(error)}`);
    return;
  }
  sendJson(res, 200, answer.requestId === undefined ? { ...answer, requestId } : answer);
}

function isLocalPeer(req: IncomingMessage): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1' || remote === req.socket.localAddress;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

const HASHED_ASSET = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

/** The H5 build: files as they are, `index.html` for app routes (paths without an extension). */
async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, staticDir: string): Promise<void> {
  const root = resolve(staticDir);
  let relative: string | null;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    relative = null;
  }
  if (relative === null || relative.includes('\0')) {
    sendJson(res, 400, { code: 'INVALID_PARAM', message: '请求地址不合法' });
    return;
  }
  let file = resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + sep)) {
    sendJson(res, 404, { code: 'NOT_FOUND', message: '未找到' });
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    if (extname(relative) !== '') {
      sendJson(res, 404, { code: 'NOT_FOUND', message: '未找到' });
      return;
    }
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      sendJson(res, 404, { code: 'NOT_FOUND', message: '未找到 H5 构建产物（index.html）' });
      return;
    }
  }
  const immutable = HASHED_ASSET.test(file) && !file.endsWith('.html');
  await sendFile(req, res, file, info.size, {
    'Content-Type': contentTypeFor(file),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
