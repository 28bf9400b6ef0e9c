/**
 * Jest environment of the mini-program tests: node's, so the local cloud started in the same test
 * (esbuild, better-sqlite3, @cloudbase/node-sdk over node:http, timers with unref) runs as in the
 * other projects; plus the DOM that miniprogram-simulate renders into, taken from a jsdom window.
 *
 * jest-environment-jsdom does not fit: its realm breaks `Buffer instanceof Uint8Array` (esbuild),
 * its `XMLHttpRequest` makes the SDK's axios use the browser adapter, and its timers lack `unref`.
 */
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { JSDOM } = require('jsdom');

/** Browser APIs the node code must not pick up instead of node's own. */
const KEEP_OUT = new Set(['XMLHttpRequest', 'XMLHttpRequestEventTarget', 'XMLHttpRequestUpload', 'WebSocket', 'localStorage', 'sessionStorage']);
/** Node has these too, but the DOM only dispatches its own kind. */
const DOM_WINS = ['Event', 'EventTarget', 'CustomEvent'];

class MiniProgramEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
    const win = this.dom.window;
    const g = this.global;
    for (const key of Object.getOwnPropertyNames(win)) {
      if (key.startsWith('_') || key.startsWith('on') || KEEP_OUT.has(key) || key in g) continue;
      const value = win[key];
      // Window methods (getComputedStyle, requestAnimationFrame, …) need the window as `this`.
      g[key] = typeof value === 'function' && !/^[A-Z]/.test(key) ? value.bind(win) : value;
    }
    for (const key of DOM_WINS) g[key] = win[key];
    // miniprogram-simulate and the wcc output reach the page globals through `window`.
    g.window = g;
  }

  async teardown() {
    this.dom?.window.close();
    await super.teardown();
  }
}

module.exports = MiniProgramEnvironment;
