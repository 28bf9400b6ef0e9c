import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionHost } from '../functions/host';
import { isRecord, isValidFunctionName } from '../functions/config';
import { FunctionError, type FunctionErrorCode } from '../functions/types';
import type { LocalStorage } from '../storage/storage';
import { DEFAULT_URL_MAX_AGE } from '../storage/storage';
import { receiveUpload } from '../storage/upload';
import type { ClientRules } from '../security/rules';
import { equalityView, findById, findDocuments, withOpenid, type DbHandler, type Doc } from './db-read';
import { parseCookies, readBody, readJson, redirect, requestBaseUrl, safeNext, sameOrigin, sendHtml, sendJson } from '../http';
import type { HostCheck } from './hosts';
import { loginPage, messagesPage, type Persona } from './pages';
import { SESSION_COOKIE, SessionSigner, type Session } from './session';

/**
 * Where the demo sign-in finds its personas: documents of `collection` whose `_id` is an openid and
 * that carry `field` = `{ label?: string; order?: number }`. Their `name` field is shown too.
 */
export interface PersonaSource {
  collection: string;
  field: string;
}

export interface BridgeOptions {
  host: FunctionHost;
  db: DbHandler;
  storage: LocalStorage;
  sessions: SessionSigner;
  env: string;
  /** This server's own URL, used when a request carries no usable Host header. */
  baseUrl: string;
  /** Host header names and port this server answers to. */
  hosts: HostCheck;
  /** Security rules for the client's database and storage access. */
  rules: ClientRules;
  personas?: PersonaSource;
  /** Collection listed by the message log pages. */
  messageLog?: string;
  /** Client uploads must go under this prefix; `{openid}` is the uploader's openid. */
  clientUploadPrefix?: string;
}

const JSON_LIMIT = 5 * 1024 * 1024;
const FORM_LIMIT = 16 * 1024;
const NEW_USER = '__new__';
/** The mini-program client SDK's `get()` returns at most 20 documents. */
const CLIENT_GET_LIMIT = 20;

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
 * The H5 app's side of the local CloudBase: `callFunction`, `uploadFile`, `getTempFileURL` and a
 * client `collection.get()` over HTTP, with identity taken only from the signed `jy_session` cookie
 * and client access checked against the security rules, plus the demo sign-in and the message log.
 */
export class Bridge {
  constructor(private readonly opts: BridgeOptions) {}

  /** Handles `/api/*` and `/dev/*`; returns false for other paths. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (!path.startsWith('/api/') && !path.startsWith('/dev/')) return false;
    // A DNS-rebinding page reaches this socket under its own host name; answer only to ours.
    if (!this.opts.hosts.allows(req.headers.host)) {
      req.resume();
      sendJson(res, 403, { errCode: 'FORBIDDEN', errMsg: '拒绝通过该主机名访问本地云环境' });
      return true;
    }
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
    } else if (path === '/api/database/get' && method === 'POST') {
      await this.databaseGet(req, res);
    } else if (path === '/api/dev/messages' && method === 'GET') {
      if (this.requireSession(req, res)) sendJson(res, 200, { messages: await this.messages() });
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
      if (this.sessionOf(req)) sendHtml(res, 200, messagesPage(await this.messages()));
      else redirect(res, `/dev/login?next=${encodeURIComponent('/dev/messages')}`);
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
    const source = this.opts.personas;
    if (!source) return [];
    const docs = await findDocuments(this.opts.db, this.opts.env, source.collection, { [source.field]: { $exists: true } }, { limit: 1000 });
    return docs
      .filter((doc) => isRecord(doc[source.field]) && typeof doc._id === 'string')
      .map((doc) => {
        const demo = doc[source.field] as { label?: unknown; order?: unknown };
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
    const source = this.opts.personas;
    const user = source ? await findById(this.opts.db, this.opts.env, source.collection, openid).catch(() => null) : null;
    const field = user && source ? user[source.field] : null;
    const demo = isRecord(field) ? field : null;
    const name = user && typeof user.name === 'string' ? user.name : '';
    const label = demo && typeof demo.label === 'string' ? demo.label : name || '新用户';
    return { openid, name, label };
  }

  private async upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.requireSession(req, res);
    if (!session) return;
    const { rules, clientUploadPrefix } = this.opts;
    const prefix = clientUploadPrefix?.split('{openid}').join(session.openid);
    const outcome = await receiveUpload(req, this.opts.storage, session.openid, ({ cloudPath, exists, owner }) => {
      if (prefix !== undefined && !cloudPath.startsWith(prefix)) return `只能上传到 ${prefix} 目录下`;
      if (rules.allowsStorage('write', { openid: session.openid }, cloudPath, owner)) return null;
      return exists && owner !== session.openid ? '不能覆盖其他用户上传的文件' : '没有权限写入该文件';
    });
    if (outcome.ok) {
      sendJson(res, 200, { fileID: outcome.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    } else {
      sendJson(res, outcome.status, { errCode: outcome.errCode, errMsg: outcome.errMsg }, { Connection: 'close' });
    }
  }

  private async tempUrls(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.requireSession(req, res);
    if (!session) return;
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
        const cloudPath = this.opts.storage.cloudPathOf(fileID);
        if (cloudPath && (await this.opts.storage.exists(cloudPath))) {
          const owner = (await this.opts.storage.meta(cloudPath))?.owner ?? null;
          if (!this.opts.rules.allowsStorage('read', { openid: session.openid }, cloudPath, owner)) {
            return { fileID, tempFileURL: '', maxAge, status: -1, errMsg: '没有权限读取该文件' };
          }
        }
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

  /**
   * `db.collection(name).where(query).limit(n).get()` from the client: the collection's read rule is
   * evaluated with `doc` = the query's equality conditions (`'{openid}'` stands for the caller), so a
   * query that does not pin what the rule requires is refused as a whole, as in CloudBase.
   */
  private async databaseGet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.requireSession(req, res);
    if (!session) return;
    const body = await readJson(req, 256 * 1024);
    const parsed = body.ok ? body.value : null;
    const collection = isRecord(parsed) && typeof parsed.collection === 'string' ? parsed.collection : '';
    const rawQuery = isRecord(parsed) && parsed.query !== undefined ? parsed.query : {};
    const rawLimit = isRecord(parsed) ? parsed.limit : undefined;
    if (!collection || !isRecord(rawQuery) || (rawLimit !== undefined && (typeof rawLimit !== 'number' || !(rawLimit >= 1)))) {
      sendJson(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'collection.get:fail 参数应为 {collection, query?, limit?}' });
      return;
    }
    const query = withOpenid(rawQuery, session.openid);
    if (!this.opts.rules.allowsDatabase(collection, 'read', { openid: session.openid }, equalityView(query))) {
      sendJson(res, 403, { errCode: 'DATABASE_PERMISSION_DENIED', errMsg: 'collection.get:fail 没有权限读取该集合' });
      return;
    }
    const limit = Math.min(Math.floor(typeof rawLimit === 'number' ? rawLimit : CLIENT_GET_LIMIT), CLIENT_GET_LIMIT);
    try {
      const data = await findDocuments(this.opts.db, this.opts.env, collection, query, { limit });
      sendJson(res, 200, { data, errMsg: 'collection.get:ok' });
    } catch (error) {
      sendJson(res, 400, { errCode: 'INVALID_PARAM', errMsg: `collection.get:fail ${(error as Error).message}` });
    }
  }

  /**
   * The newest messages first (the database sorts them). The message log is a developer page, like
   * the CloudBase console: any signed-in session may see all of it, and the security rules do not apply.
   */
  private messages(): Promise<Doc[]> {
    const collection = this.opts.messageLog;
    if (!collection) return Promise.resolve([]);
    return findDocuments(this.opts.db, this.opts.env, collection, {}, { order: { createdAt: -1 }, limit: 200 });
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
