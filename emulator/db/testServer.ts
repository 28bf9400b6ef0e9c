/** Test helper: serves a DbService over HTTP the way CloudBase does, for the real @cloudbase/node-sdk. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tcb from '@cloudbase/node-sdk';
import { readJson, sendJson } from '../http';
import { DbService, DbServiceOptions, openDatabase } from './index';

/** The SDK's database object (`app.database()`). */
export type SdkDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface TestServer {
  /** The `serviceUrl` to give `tcb.init`. */
  serviceUrl: string;
  /** A new SDK app (a separate client) pointed at this server. */
  app(): ReturnType<typeof tcb.init>;
  /** Requests received, by action (for assertions on what the SDK sent). */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const BODY_LIMIT = 64 * 1024 * 1024;

/**
 * POST /admin → JSON.parse → db.handle → JSON with HTTP 200.
 *
 * Also sets TENCENTCLOUD=true (if unset): outside SCF the SDK otherwise looks up
 * metadata.tencentyun.com twice per request (a failing DNS lookup, up to 30 ms each, never cached).
 * With `serviceUrl` and explicit keys the variable changes nothing else.
 */
export async function startTestServer(db: DbService): Promise<TestServer> {
  process.env.TENCENTCLOUD ??= 'true';
  const requests: Array<Record<string, unknown>> = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const read = await readJson(req, BODY_LIMIT);
      // The service answers a body that is not an object itself.
      const body = (read.ok ? (read.value ?? {}) : {}) as Record<string, unknown>;
      if (requests.length < 10_000) requests.push(body);
      const out = req.method === 'POST' && req.url?.startsWith('/admin') ? await db.handle(body) : { code: 'INVALID_PARAM', message: 'POST /admin only' };
      sendJson(res, 200, out);
    })();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const serviceUrl = `http://127.0.0.1:${port}/admin`;
  return {
    serviceUrl,
    requests,
    app: () => tcb.init({ env: 'local', secretId: 'x', secretKey: 'x', serviceUrl }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestDatabase {
  db: DbService;
  server: TestServer;
  /** An SDK database client of `server`. */
  d: SdkDatabase;
  /** Closes the server, then the database. */
  close(): Promise<void>;
}

/** An in-memory database behind a test server, with an SDK client. */
export async function openTestDatabase(opts: Omit<DbServiceOptions, 'file'>): Promise<TestDatabase> {
  const db = openDatabase({ file: ':memory:', ...opts });
  const server = await startTestServer(db);
  return {
    db,
    server,
    d: server.app().database(),
    close: async () => {
      await server.close();
      db.close();
    },
  };
}

/** Empties a collection through the SDK, then adds `docs`. */
export async function resetCollection(d: SdkDatabase, name: string, docs: Array<Record<string, unknown>>): Promise<void> {
  await d.collection(name).where({ _id: d.command.exists(true) }).remove();
  await d.collection(name).add(docs);
}

/** The `{code, message}` a promise rejects with (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    return { code: String(code), message: String(message) };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
