import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionHost } from '../functions/host';
import { isRecord, isValidFunctionName } from '../functions/config';
import { FunctionError, type FunctionErrorCode } from '../functions/types';
import type { LocalStorage } from '../storage/storage';
import { DEFAULT_URL_MAX_AGE } from '../storage/storage';
import { receiveUpload } from '../storage/upload';
import { findById, findDocuments, type DbHandler, type Doc } from './db-read';
import { parseCookies, readBody, readJson, redirect, requestBaseUrl, safeNext, sameOrigin, sendHtml, sendJson } from '../http';
import { loginPage, messagesPage, type Persona } from './pages';
import { SESSION_COOKIE, SessionSigner, type Session } from './session';

export interface BridgeOptions {
  host: FunctionHost;
  db: DbHandler;
  storage: LocalStorage;
  sessions: SessionSigner;
  env: string;
  /** This server's own URL, used when a request carries no usable Host header. */
  baseUrl: string;
}

const JSON_LIMIT = 5 * 1024 * 1024;
const FORM_LIMIT = 16 * 1024;
const NEW_USER = '__new__';

const STATUS_BY_CODE: Record<FunctionErrorCode, number> = {
  FUNCTION_NOT_FOUND: 404,
  FUNCTIONS_EXECUTE_FAIL: 500,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 504,
  INVALID_PARAM: 400,
  RESOURCE_LIMIT: 429,
  HOST_CLOSED: 503,
};

const UNAUTHENTICATED = { errCode: 'UNAUTHENTICATED', errMsg: '请先登录' };

/**
 * The H5 app's side of the local CloudBase: `callFunction`, `uploadFile`, `getTempFileURL`
 * over HTTP, with identity taken only from the signed `jy_session` cookie, plus the demo sign-in
 * and the message log pages.
 */
export class Bridge {
  constructor(private readonly opts: BridgeOptions) {}

  /** Handles `/api/*` and `/dev/*`; returns false for other paths. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (!path.startsWith('/api/') && !path.startsWith('/dev/')) return false;
    if (method === 'POST' && !sameOrigin(req)) {
      req.resume();
      sendJson(res, 403, { errCode: 'FORBIDDEN', errMsg: '拒绝来自其他网站的请求' });
      return true;
    }
    const fn = /^\/api\/functions\/([^/]+)$/.exec(path);
    if (fn && method === 'POST') {
      await this.callFunction(req, res, decodeSegment(fn[1]));
    } else if (path === '/api/session' && method === 'GET') {
      await this.session(req, res);
    } else if (path === '/api/storage/upload' && method === 'POST') {
      await this.upload(req, res);
    } else if (path === '/api/storage/temp-urls' && method === 'POST') {
      await this.tempUrls(req, res);
    } else if (path === '/api/dev/messages' && method === 'GET') {
      sendJson(res, 200, { messages: await this.messages() });
    } else if (path === '/dev/login' && method === 'GET') {
      await this.loginPage(req, res, url);
    } else if (path === '/dev/login' && method === 'POST') {
      await this.login(req, res);
    } else if (path === '/dev/logout' && method === 'POST') {
      req.resume();
      const form = String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
      const clear = { 'Set-Cookie': SessionSigner.clearCookie() };
      if (form) redirect(res, '/dev/login', clear);
      else sendJson(res, 200, { ok: true }, clear);
    } else if (path === '/dev/messages' && method === 'GET') {
      sendHtml(res, 200, messagesPage(await this.messages()));
    } else {
      req.resume();
      sendJson(res, 404, { errCode: 'NOT_FOUND', errMsg: '接口不存在' });
    }
    return true;
  }

  /** The session of a request, from its signed cookie only. */
  sessionOf(req: IncomingMessage): Session | null {
    return this.opts.sessions.verify(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
  }

  /** The request's session; without one, answers 401 (dropping the body) and returns null. */
  private requireSession(req: IncomingMessage, res: ServerResponse): Session | null {
    const session = this.sessionOf(req);
    if (!session) {
      req.resume();
      sendJson(res, 401, UNAUTHENTICATED);
    }
    return session;
  }

  async personas(): Promise<Persona[]> {
    const docs = await findDocuments(this.opts.db, this.opts.env, 'users', { demo: { $exists: true } }, { limit: 1000 });
    return docs
      .filter((doc) => isRecord(doc.demo) && typeof doc._id === 'string')
      .map((doc) => {
        const demo = doc.demo as { label?: unknown; order?: unknown };
        return {
          openid: doc._id as string,
          name: typeof doc.name === 'string' ? doc.name : '',
          label: typeof demo.label === 'string' ? demo.label : String(doc.name ?? doc._id),
          order: typeof demo.order === 'number' ? demo.order : Number.MAX_SAFE_INTEGER,
        };
      })
      .sort((a, b) => a.order - b.order || a.openid.localeCompare(b.openid));
  }

  private async callFunction(req: IncomingMessage, res: ServerResponse, name: string | null): Promise<void> {
    const session = this.requireSession(req, res);
    if (!session) return;
    const body = await readJson(req, JSON_LIMIT);
    if (!body.ok) {
      if (body.reason === 'invalid_json') {
        sendJson(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'cloud.callFunction:fail 请求内容不是合法的 JSON' });
      } else {
        sendJson(res, 413, { errCode: 'PAYLOAD_TOO_LARGE', errMsg: 'cloud.callFunction:fail 请求内容过大' });
      }
      return;
    }
    const data = body.value ?? {};
    if (!name || !isValidFunctionName(name)) {
      sendJson(res, 404, { errCode: 'FUNCTION_NOT_FOUND', errMsg: 'cloud.callFunction:fail 云函数不存在' });
      return;
    }
    try {
      const { result, requestId } = await this.opts.host.invoke(name, data, { openid: session.openid });
      sendJson(res, 200, { result, requestID: requestId, errMsg: 'cloud.callFunction:ok' });
    } catch (error) {
      if (error instanceof FunctionError) {
        sendJson(res, STATUS_BY_CODE[error.code], {
          errCode: error.code,
          errMsg: `cloud.callFunction:fail ${error.message}`,
          requestID: error.requestId,
        });
      } else {
        sendJson(res, 500, { errCode: 'INTERNAL', errMsg: 'cloud.callFunction:fail 本地云环境内部错误' });
      }
    }
  }

  private async session(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.requireSession(req, res);
    if (session) sendJson(res, 200, await this.describe(session.openid));
  }

  private async describe(openid: string): Promise<{ openid: string; name: string; label: string }> {
    const user = await findById(this.opts.db, this.opts.env, 'users', openid).catch(() => null);
    const demo = user && isRecord(user.demo) ? user.demo : null;
    const name = user && typeof user.name === 'string' ? user.name : '';
    const label = demo && typeof demo.label === 'string' ? demo.label : name || '新用户';
    return { openid, name, label };
  }

  private async upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.requireSession(req, res);
    if (!session) return;
    const outcome = await receiveUpload(req, this.opts.storage, session.openid);
    if (outcome.ok) {
      sendJson(res, 200, { fileID: outcome.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    } else {
      sendJson(res, outcome.status, { errCode: outcome.errCode, errMsg: outcome.errMsg }, { Connection: 'close' });
    }
  }

  private async tempUrls(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.requireSession(req, res)) return;
    const body = await readJson(req, 256 * 1024);
    const parsed = body.ok ? body.value : null;
    const list = isRecord(parsed) && Array.isArray(parsed.fileList) ? parsed.fileList : null;
    if (!list || list.length > 50) {
      sendJson(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'cloud.getTempFileURL:fail fileList 应为不超过 50 项的数组' });
      return;
    }
    const base = requestBaseUrl(req, this.opts.baseUrl);
    const fileList = await Promise.all(
      list.map(async (item: unknown) => {
        const fileID = typeof item === 'string' ? item : isRecord(item) && typeof item.fileID === 'string' ? item.fileID : '';
        const maxAge = isRecord(item) && typeof item.maxAge === 'number' ? item.maxAge : DEFAULT_URL_MAX_AGE;
        const found = await this.opts.storage.tempUrlOf(base, fileID, maxAge);
        if (found.ok) return { fileID, tempFileURL: found.url, maxAge, status: 0, errMsg: 'ok' };
        return { fileID, tempFileURL: '', maxAge, status: -1, errMsg: found.reason === 'invalid' ? 'fileID 不合法' : '文件不存在' };
      }),
    );
    sendJson(res, 200, { fileList, errMsg: 'cloud.getTempFileURL:ok' });
  }

  private async loginPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const session = this.sessionOf(req);
    const current = session ? await this.describe(session.openid) : null;
    sendHtml(res, 200, loginPage(await this.personas(), safeNext(url.searchParams.get('next')), current));
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, FORM_LIMIT);
    const form = new URLSearchParams(body.ok ? body.body.toString('utf8') : '');
    const next = safeNext(form.get('next'));
    let openid = form.get('openid') ?? '';
    if (openid === NEW_USER) {
      openid = `o_local_${randomBytes(10).toString('hex')}`;
    } else {
      const personas = await this.personas();
      if (!personas.some((persona) => persona.openid === openid)) {
        sendHtml(res, 400, loginPage(personas, next, null, '该身份不存在，请重新选择。'));
        return;
      }
    }
    redirect(res, next, { 'Set-Cookie': this.opts.sessions.cookie(openid) });
  }

  /** The newest messages first (the database sorts them). */
  private messages(): Promise<Doc[]> {
    return findDocuments(this.opts.db, this.opts.env, 'messageLog', {}, { order: { createdAt: -1 }, limit: 200 });
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
