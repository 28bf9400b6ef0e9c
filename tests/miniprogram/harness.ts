/**
 * Runs the COMPILED weapp build (`dist/`) in jest with miniprogram-simulate: a stubbed global `wx`
 * whose `cloud.callFunction` reaches a real local CloudBase, the Taro app from `dist/app.js`, and
 * one page rendered by the official WXML compiler (`wcc`) with its launch query.
 *
 * Per test file: `useMiniProgram()` once at the top (it starts the cloud and boots the app), then
 * `openPage()` any number of times for ONE page path (miniprogram-simulate caches each compiled path
 * by module; load one path per file).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallEvent, Envelope, InputOf, OutputOf } from '../../types/contract';
import type { Contract, FunctionName } from '../../types/index';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import { adminApp, startStack } from '../../scripts/localStack';

const DIST = path.resolve(__dirname, '../../dist');

if (!existsSync(path.join(DIST, 'app.js')) || !existsSync(path.join(DIST, 'app.json'))) {
  throw new Error(`${DIST}/app.js is missing: the mini-program tests run against the compiled build. Build it first: npx taro build --type weapp (npm test does).`);
}

/** A source file changed after the build, if any (test files aside): the tests would run old code. */
function newerSource(dir: string, builtAt: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerSource(file, builtAt);
      if (found) return found;
    } else if (!/\.test\.tsx?$/.test(entry.name) && statSync(file).mtimeMs > builtAt) {
      return file;
    }
  }
  return null;
}

const stale = newerSource(path.resolve(__dirname, '../../src'), statSync(path.join(DIST, 'app.js')).mtimeMs);
if (stale) {
  console.warn(`dist/ is older than ${path.relative(path.resolve(__dirname, '../..'), stale)}: these tests run the last build. Rebuild with npx taro build --type weapp (npm test does).`);
}

/** The actions of a cloud function, by name. */
export type ActionOf<F extends FunctionName> = keyof Contract[F] & string;
/** What `F.A` takes, and what it answers (inside the envelope). */
export type InputOfCall<F extends FunctionName, A extends ActionOf<F>> = InputOf<Contract[F][A]>;
export type OutputOfCall<F extends FunctionName, A extends ActionOf<F>> = OutputOf<Contract[F][A]>;

/**
 * How `wx.cloud.callFunction` reaches the cloud: the local CloudBase's `host.invoke`. The event is
 * what the app sent (`{ action, input }`); the result, every function's answer: an envelope.
 */
export type Invoke = (name: string, event: CallEvent, identity: { openid: string }) => Promise<{ result: Envelope<unknown>; requestId: string }>;

export type NavigationMethod = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';
export interface Navigation {
  method: NavigationMethod;
  url?: string;
  delta?: number;
}

/** One `wx.cloud.callFunction`: `ok` = the function ran and answered (its envelope may still carry an error). */
export interface CloudCall {
  name: string;
  data: CallEvent;
  openid: string;
  ok: boolean;
}

export interface ScanResult {
  result: string;
  scanType?: string;
  charSet?: string;
  path?: string;
}

interface BootOptions {
  /** Carries `wx.cloud.callFunction` to the local cloud. */
  invoke: Invoke;
  /** The WeChat user the cloud sees as the caller (a seeded persona's openid). */
  openid: string;
}

/**
 * The real local CloudBase (functions built, demo data seeded) in a fresh data folder; `invoke` is
 * its function host, which `wx.cloud.callFunction` is carried to.
 */
async function startCloud(): Promise<{ invoke: Invoke; db: Database; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-miniprogram-'));
  const { cloud } = await startStack({ dataDir, timers: false });
  return {
    db: adminApp(cloud.url).database(),
    // The router answers every event with an envelope (cloudfunctions/core/router.ts).
    invoke: async (name, event, identity) => {
      const { result, requestId } = await cloud.host.invoke(name, event, identity);
      return { result: result as Envelope<unknown>, requestId };
    },
    async close() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
type AnyRecord = Record<string, unknown>;
type Fn = (this: unknown, ...args: unknown[]) => unknown;

/** What the fake WeChat client recorded, and the knobs a test turns. */
export interface WxState {
  /** The WeChat user the phone is signed in as (each test starts as the file's `openid`). */
  openid: string;
  storage: Map<string, unknown>;
  navigation: Navigation[];
  toasts: AnyRecord[];
  loading: { visible: boolean; shown: number };
  cloudInit: AnyRecord[];
  cloudCalls: CloudCall[];
  /** What the next `wx.scanCode` answers; `null` = the user closed the camera. */
  scanResult: ScanResult | null;
  /** How many times the camera was opened. */
  scans: number;
  /**
   * What the WXML runtime complained about while rendering, e.g. ``Template `tmpl_0_i` not found``:
   * a node with no template is not drawn at all on a phone.
   */
  renderWarnings: string[];
}

function fail(name: string, reason: string): Error & { errMsg: string } {
  const error = new Error(`${name}:fail ${reason}`) as Error & { errMsg: string };
  error.errMsg = error.message;
  return error;
}

/**
 * A wx asynchronous API: `success`/`fail`/`complete` callbacks, or a promise when none is given
 * (as the base library ≥ 2.10.2 does). `run` returns the success payload or throws the failure.
 */
function asyncApi<O extends AnyRecord & Callbacks>(name: string, run: (options: O) => AnyRecord | Promise<AnyRecord>) {
  return (options: O = {} as O) => {
    const promise = Promise.resolve()
      .then(() => run(options))
      .then(
        (res) => ({ ok: true as const, res: { ...res, errMsg: `${name}:ok` } }),
        (error: unknown) => {
          const err = error instanceof Error && 'errMsg' in error ? error : fail(name, String((error as Error)?.message ?? error));
          return { ok: false as const, res: err };
        },
      );
    if (options.success || options.fail || options.complete) {
      void promise.then(({ ok, res }) => {
        if (ok) options.success?.(res);
        else options.fail?.(res);
        options.complete?.(res);
      });
      return undefined;
    }
    return promise.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
  };
}

/** Every page path the app declares (main package and subpackages), as `pages/x/index`. */
function declaredPages(): Set<string> {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const pages = new Set(app.pages);
  for (const sub of app.subPackages ?? app.subpackages ?? []) {
    for (const page of sub.pages) pages.add(path.posix.join(sub.root, page));
  }
  return pages;
}

/** `/pages/scan/index?code=1` → `{ route: 'pages/scan/index', query: { code: '1' } }` (values as in the URL, like wx). */
function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathname, search = ''] = url.split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    if (i < 0) query[pair] = '';
    else query[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return { route: pathname.replace(/^\/+/, ''), query };
}

function isCallEvent(value: unknown): value is CallEvent {
  return typeof value === 'object' && value !== null && typeof (value as { action?: unknown }).action === 'string';
}

function createWx(state: WxState, invoke: Invoke) {
  const pages = declaredPages();
  const navigate = (method: NavigationMethod) =>
    asyncApi<{ url?: string } & Callbacks>(method, ({ url }) => {
      if (!url) throw fail(method, 'parameter error: parameter.url should be String');
      const { route } = parseUrl(url);
      if (!pages.has(route)) throw fail(method, `page "${route}" is not found`);
      state.navigation.push({ method, url });
      return {};
    });
  // wx stores a copy: what the page reads back is never the object it wrote.
  const copy = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

  return {
    getSystemInfoSync: () => ({
      brand: 'devtools',
      model: 'iPhone 13',
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 763,
      statusBarHeight: 47,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 17.0',
      platform: 'devtools',
      SDKVersion: '3.4.0',
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    }),
    getStorageSync: (key: string) => (state.storage.has(key) ? copy(state.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      state.storage.set(key, copy(value));
    },
    removeStorageSync: (key: string) => {
      state.storage.delete(key);
    },
    clearStorageSync: () => state.storage.clear(),
    showToast: asyncApi<AnyRecord & Callbacks>('showToast', (options) => {
      const { success: _s, fail: _f, complete: _c, ...toast } = options;
      state.toasts.push(toast);
      return {};
    }),
    showLoading: asyncApi('showLoading', () => {
      state.loading.visible = true;
      state.loading.shown += 1;
      return {};
    }),
    hideLoading: asyncApi('hideLoading', () => {
      state.loading.visible = false;
      return {};
    }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: asyncApi<{ delta?: number } & Callbacks>('navigateBack', ({ delta = 1 }) => {
      state.navigation.push({ method: 'navigateBack', delta });
      return {};
    }),
    scanCode: asyncApi('scanCode', () => {
      state.scans += 1;
      if (!state.scanResult) throw fail('scanCode', 'cancel');
      return { scanType: 'QR_CODE', charSet: 'UTF-8', ...state.scanResult };
    }),
    cloud: {
      init: (options: AnyRecord = {}) => {
        state.cloudInit.push(options);
      },
      callFunction: asyncApi<{ name?: string; data?: unknown } & Callbacks>('cloud.callFunction', async ({ name, data }) => {
        if (state.cloudInit.length === 0) throw fail('cloud.callFunction', 'Cloud API isn\'t enabled, please call wx.cloud.init first');
        if (!name) throw fail('cloud.callFunction', 'parameter.name should be String');
        // The client serialises `data` as JSON before it leaves the phone.
        const event: unknown = data === undefined ? {} : JSON.parse(JSON.stringify(data));
        if (!isCallEvent(event)) throw fail('cloud.callFunction', 'data should be { action, input } (the app always sends so)');
        const call: CloudCall = { name, data: event, openid: state.openid, ok: false };
        state.cloudCalls.push(call);
        try {
          const { result, requestId } = await invoke(name, event, { openid: state.openid });
          call.ok = true;
          return { result, requestID: requestId };
        } catch (error) {
          const { code = 'FUNCTIONS_EXECUTE_FAIL', message = String(error) } = error as { code?: string; message?: string };
          const err = fail('cloud.callFunction', `${code} | errMsg: ${message}`) as Error & { errMsg: string; errCode: string };
          err.errCode = code;
          throw err;
        }
      }),
    },
  };
}

/** Forgets what the previous test recorded and stored (the app stays launched). */
function resetWx(): void {
  if (!harness) return;
  const { state } = harness;
  state.openid = harness.openid;
  state.storage.clear();
  state.navigation.length = 0;
  state.toasts.length = 0;
  state.cloudCalls.length = 0;
  state.loading = { visible: false, shown: 0 };
  state.scanResult = null;
  state.scans = 0;
  state.renderWarnings.length = 0;
}

interface Harness {
  state: WxState;
  /** Who the app was launched as: each test starts signed in as them. */
  openid: string;
  simulate: typeof import('miniprogram-simulate');
  loaded: Map<string, string>;
}

let harness: Harness | null = null;
/** The page being loaded (for `Page()`), and the query the next page instance opens with. */
let loading: { route: string } | null = null;
let nextLaunch: { route: string; query: Record<string, string> } | null = null;
/** What `getCurrentPages()` answers: the page instances attached and not yet detached. */
const pageStack: AnyRecord[] = [];

/**
 * `Page()` on top of miniprogram-simulate's `Component()`: the page's functions become methods
 * (the template's `bindtap="eh"` needs them), `attached` → `onLoad(query)` + `onShow()`, `ready` →
 * `onReady()`, `detached` → `onHide()` + `onUnload()`.
 */
function installPage(globals: AnyRecord) {
  globals.Page = (config: AnyRecord) => {
    if (!loading) throw new Error('Page() called outside openPage()');
    const route = loading.route;
    const methods: Record<string, Fn> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value as Fn;
    const call = (self: unknown, name: string, ...args: unknown[]) => (config[name] as Fn | undefined)?.apply(self, args);
    (globals.Component as (options: AnyRecord) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: AnyRecord) {
          const query = nextLaunch?.route === route ? nextLaunch.query : {};
          this.route = route;
          this.__route__ = route;
          this.options = query;
          pageStack.push(this);
          call(this, 'onLoad', { ...query });
          call(this, 'onShow');
        },
        ready(this: AnyRecord) {
          call(this, 'onReady');
        },
        detached(this: AnyRecord) {
          call(this, 'onHide');
          call(this, 'onUnload');
          pageStack.splice(pageStack.indexOf(this), 1);
        },
      },
    });
  };
}

/**
 * Stubs `wx`, loads miniprogram-simulate and `dist/app.js`, and launches the app (`onLaunch`,
 * `onShow`) as WeChat would. Once per test file.
 */
function bootMiniProgram(options: BootOptions): WxState {
  if (harness) throw new Error('bootMiniProgram() runs once per test file');
  const state: WxState = {
    openid: options.openid,
    storage: new Map(),
    navigation: [],
    toasts: [],
    loading: { visible: false, shown: 0 },
    cloudInit: [],
    cloudCalls: [],
    scanResult: null,
    scans: 0,
    renderWarnings: [],
  };
  // The wcc runtime reports template errors with console.warn: keep them for the tests to check.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (message.startsWith('WXMLRT')) state.renderWarnings.push(message);
    else warn(...args);
  };
  const globals = globalThis as unknown as AnyRecord;
  // wx (with wx.cloud) must exist before taro.js loads: Taro copies wx.cloud onto Taro.cloud.
  globals.wx = createWx(state, options.invoke);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');
  // simulate merged our wx over its own mocks; keep its Component() for the custom components.

  let appConfig: Record<string, Fn> | undefined;
  const appInstance: AnyRecord = {};
  globals.App = (config: Record<string, Fn>) => {
    appConfig = config;
    Object.setPrototypeOf(appInstance, config);
  };
  globals.getApp = () => appInstance;
  globals.getCurrentPages = () => pageStack.slice();
  installPage(globals);

  require(path.join(DIST, 'app.js'));
  const app = appConfig as Record<string, Fn> | undefined;
  if (!app) throw new Error('dist/app.js did not call App()');
  // Launched from the home page by a tap in the chat list (scene 1001), as WeChat reports it.
  const launch = { path: 'pages/home/index', query: {}, scene: 1001 };
  app.onLaunch?.call(appInstance, launch);
  app.onShow?.call(appInstance, launch);

  harness = { state, openid: options.openid, simulate, loaded: new Map() };
  return state;
}

/** A rendered page: its DOM and the gestures a user makes on it. */
export interface PageHandle {
  readonly route: string;
  readonly root: HTMLElement;
  /** All visible text, whitespace collapsed. */
  text(): string;
  /** The innermost element whose own text is `text` (exact) or matches `text` (RegExp). */
  getByText(text: string | RegExp): HTMLElement;
  queryByText(text: string | RegExp): HTMLElement | null;
  /** The rendered `<input>` whose placeholder is `placeholder`. */
  getInput(placeholder: string | RegExp): HTMLElement;
  /** Waits until the text appears (string: contained in the page text). */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Waits until `check` returns a truthy value and returns it. */
  waitFor<T>(check: () => T | null | undefined | false, what: string, timeoutMs?: number): Promise<T>;
  /** A tap, as a touchstart + touchend on the element (j-component turns them into `tap`). */
  tap(target: HTMLElement | string): Promise<void>;
  /** Types into an `<input>`: an `input` event with `detail.value`, as WeChat sends. */
  input(target: HTMLElement, value: string): Promise<void>;
  /** Leaves the page (`onHide` + `onUnload`); `useMiniProgram` does it after each test. */
  close(): void;
}

const TEXT_NODE = 3;

/** Pages opened and not closed yet: `useMiniProgram` closes them after each test. */
const openPages = new Set<PageHandle>();

/**
 * An attribute the WXML template bound on a rendered element (`value`, `placeholder`, `disabled`,
 * `class`, …): kept on the exparser node, since the built-in components render no DOM attributes.
 * Taro's templates bind no `data-*` attributes, so `data-testid` is not visible here.
 */
export function attr(el: Element, name: string): unknown {
  const node = (el as unknown as { __wxElement?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } } }).__wxElement;
  return node?._vt?.attrs?.find((a) => a.name === name)?.value;
}

function ownText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) if (node.nodeType === TEXT_NODE) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function fullText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function matches(value: string, text: string | RegExp) {
  return typeof text === 'string' ? value === text : text.test(value);
}

/** Innermost elements whose whole text matches; falls back to elements whose own text nodes match. */
function findByText(root: Element, text: string | RegExp): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (el: Element) => {
    let childMatched = false;
    for (const child of Array.from(el.children)) {
      if (walk(child)) childMatched = true;
    }
    if (childMatched) return true;
    if (matches(fullText(el), text) || matches(ownText(el), text)) {
      found.push(el as HTMLElement);
      return true;
    }
    return false;
  };
  walk(root);
  return found;
}

function flush(ms = 0) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/**
 * Renders one page of `dist/` with the query it is opened with, attached to the document so its
 * lifecycles run. `url` is `/pages/scan/index?scene=…` (as a navigateTo would carry it) or a route
 * plus a query object.
 */
export async function openPage(url: string, query?: Record<string, string>): Promise<PageHandle> {
  if (!harness) throw new Error('call bootMiniProgram() first');
  const parsed = parseUrl(url);
  const route = parsed.route;
  const launchQuery = { ...parsed.query, ...query };
  const { simulate, loaded } = harness;

  let id = loaded.get(route);
  if (!id) {
    if (loaded.size > 0) throw new Error(`one page path per test file: ${[...loaded.keys()][0]} is already loaded`);
    loading = { route };
    try {
      id = simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'official' });
    } finally {
      loading = null;
    }
    loaded.set(route, id);
  }
  nextLaunch = { route, query: launchQuery };
  const comp = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  nextLaunch = null;
  const root = comp.dom as HTMLElement;

  const page: PageHandle = {
    route,
    root,
    text: () => fullText(root),
    queryByText(text) {
      return findByText(root, text)[0] ?? null;
    },
    getByText(text) {
      const found = findByText(root, text);
      if (found.length === 0) throw new Error(`no element with text ${String(text)} in: ${page.text()}`);
      return found[0];
    },
    getInput(placeholder) {
      const inputs = Array.from(root.querySelectorAll<HTMLElement>('wx-input'));
      const el = inputs.find((input) => matches(String(attr(input, 'placeholder') ?? ''), placeholder));
      if (!el) throw new Error(`no input with placeholder ${String(placeholder)} among ${inputs.length} inputs`);
      return el;
    },
    async waitFor(check, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; page text: ${page.text()}`);
        await flush(10);
      }
    },
    async waitForText(text, timeoutMs) {
      await page.waitFor(
        () => (typeof text === 'string' ? page.text().includes(text) : text.test(page.text())),
        `text ${String(text)}`,
        timeoutMs,
      );
    },
    async tap(target) {
      const el = typeof target === 'string' ? page.getByText(target) : target;
      // One finger down and up on the same spot, as j-component expects from a phone.
      const touch = (type: 'touchstart' | 'touchend', down: boolean) => {
        const point = { identifier: 0, target: el, clientX: 1, clientY: 1, pageX: 1, pageY: 1, screenX: 1, screenY: 1 } as unknown as Touch;
        el.dispatchEvent(new window.TouchEvent(type, { bubbles: true, cancelable: true, touches: down ? [point] : [], changedTouches: [point] }));
      };
      touch('touchstart', true);
      touch('touchend', false);
      // j-component dispatches the tap on a microtask; Taro's handler and React's update follow.
      await flush();
      await flush();
    },
    async input(target, value) {
      const wxElement = (target as unknown as { __wxElement?: unknown }).__wxElement;
      if (!wxElement) throw new Error('input(): the element is not a rendered wx element');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exparser = require('miniprogram-exparser') as {
        Event: { create(name: string, detail: unknown, options: unknown): unknown; dispatchEvent(target: unknown, event: unknown): void };
      };
      exparser.Event.dispatchEvent(
        wxElement,
        exparser.Event.create('input', { value, cursor: value.length, keyCode: 0 }, { bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }),
      );
      await flush();
      await flush();
    },
    close() {
      if (!openPages.delete(page)) return;
      comp.detach();
      parent.remove();
    },
  };
  openPages.add(page);
  return page;
}

export interface MiniProgram {
  /** The fake WeChat client: what it recorded, and the knobs a test turns. */
  readonly wx: WxState;
  /** The local cloud's function host, reached directly (not through the phone). */
  invoke: Invoke;
  /** The local cloud's database, as an admin (for what a test must arrange, such as a booking's day arriving). */
  readonly db: Database;
  /** `action` of the cloud function `fn` with `input`, asked directly as `openid` (default: the app's user). */
  call<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, input: InputOfCall<F, A>, openid?: string): Promise<Envelope<OutputOfCall<F, A>>>;
  /** Like `call`, but the data, failing the test on an error envelope. */
  ok<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, input: InputOfCall<F, A>, openid?: string): Promise<OutputOfCall<F, A>>;
}

/**
 * A test file's mini-program: before all tests, a fresh local cloud and the app launched as `openid`
 * (`through` may wrap what the phone's `wx.cloud.callFunction` reaches); before each, a clean fake
 * `wx`; after each, the test's pages closed; after all, the cloud stopped.
 */
export function useMiniProgram(options: { openid: string; through?: (invoke: Invoke) => Invoke }): MiniProgram {
  let cloud: Awaited<ReturnType<typeof startCloud>> | undefined;
  let wx: WxState | undefined;
  const invoke: Invoke = (name, event, identity) => {
    if (!cloud) throw new Error('the cloud is not started yet: use it inside a test');
    return cloud.invoke(name, event, identity);
  };

  // The contract types each action's answer; the function's envelope carries it (router.ts).
  const call: MiniProgram['call'] = async (fn, action, input, openid = options.openid) => {
    const { result } = await invoke(fn, { action, input }, { openid });
    return result as Envelope<OutputOfCall<typeof fn, typeof action>>;
  };

  beforeAll(async () => {
    cloud = await startCloud();
    wx = bootMiniProgram({ invoke: options.through ? options.through(invoke) : invoke, openid: options.openid });
  }, 120_000);
  afterAll(async () => {
    await cloud?.close();
  });
  beforeEach(() => resetWx());
  afterEach(() => {
    for (const page of [...openPages]) page.close();
  });

  return {
    get wx() {
      if (!wx) throw new Error('the mini-program is not booted yet: use it inside a test');
      return wx;
    },
    invoke,
    get db() {
      if (!cloud) throw new Error('the cloud is not started yet: use it inside a test');
      return cloud.db;
    },
    call,
    async ok(fn, action, input, openid) {
      const envelope = await call(fn, action, input, openid);
      if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data;
    },
  };
}
