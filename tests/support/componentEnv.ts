/**
 * Component tests run pages against the real local cloud: `fetch('/api/…')` from the H5 transport is
 * carried to the cloud started by the global setup, signed in as the persona the test chose.
 */
import { request, signIn } from './http';

process.env.TARO_ENV = 'h5';

const sessions = new Map<string, string>();
let persona = 'demo-resident';

export function actAs(openid: string) {
  persona = openid;
}

async function cloudFetch(input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const base = process.env.JY_TEST_CLOUD_URL;
  if (!base) throw new Error('the component cloud is not running');
  if (!sessions.has(persona)) sessions.set(persona, await signIn(base, persona));
  const res = await request(`${base}${input}`, {
    method: init.method,
    headers: { ...init.headers, cookie: sessions.get(persona) ?? '' },
    body: init.body,
  });
  return { status: res.status, ok: res.status >= 200 && res.status < 300, json: async () => JSON.parse(res.body) as unknown };
}

(globalThis as { fetch: unknown }).fetch = cloudFetch;

/** Everything jest's fake timers could fake except `Date`: the cloud calls and waits keep real time. */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Stops the page's clock at `at` (`new Date()` and `Date.now()` answer it) until `jest.useRealTimers()`.
 * Only the app's clock: the local cloud runs in another process, on real time.
 */
export function pinClock(at: string): void {
  jest.useFakeTimers({ now: new Date(at), doNotFake: [...REAL_TIMERS] });
}
