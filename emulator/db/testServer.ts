/** Test helper: serves a DbService over HTTP the way CloudBase does, for the real @cloudbase/node-sdk. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tcb from '@cloudbase/node-sdk';
import type { DbService } from './index';

export interface TestServer {
  /** The `serviceUrl` to give `tcb.init`. */
  serviceUrl: string;
  /** A new SDK app (a separate client) pointed at this server. */
  app(): ReturnType<typeof tcb.init>;
  /** Requests received, by action (for assertions on what the SDK sent). */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

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
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          body = {};
        }
        if (requests.length < 10_000) requests.push(body);
        const out = req.method === 'POST' && req.url?.startsWith('/admin') ? await db.handle(body) : { code: 'INVALID_PARAM', message: 'POST /admin only' };
        const text = JSON.stringify(out);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      })();
    });
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
