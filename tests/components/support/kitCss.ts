/**
 * The kit's real CSS for jsdom, and a small resolver of the values it gives an element.
 *
 * jsdom neither lays out nor resolves `var()`, `calc()`, `max()` or `rem`, and the component tests stub
 * style imports away. So this compiles the app's own SCSS the way the H5 build does (compileKitCss.ts:
 * sass, then Taro's postcss-pxtransform with the project's designWidth/deviceRatio from
 * config/index.ts; NutUI's CSS, which the H5 build leaves as it is, as it ships) and resolves, for a rendered element,
 * the cascade (selector matching by jsdom, specificity, source order, inline style), inheritance,
 * custom properties and the arithmetic, at Taro's H5 root font size for the viewport width. What it
 * cannot know is layout: sizes here are the CSS floors the kit sets (font-size, min-height, min-width),
 * not measured boxes; the Chromium end-to-end test measures those.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import postcss, { type Rule } from 'postcss';

const ROOT = path.resolve(__dirname, '../../..');

/** Taro's H5 root font size for a viewport width: 40·w/750 CSS px, clamped to 20..40 (its inline script). */
export const taroRootFontPx = (width: number) => Math.min(40, Math.max(20, (40 * width) / 750));

interface Declaration {
  value: string;
  important: boolean;
}
interface IndexedRule {
  selector: string;
  /** Classes the rightmost compound requires: a quick filter before `matches`. */
  needs: string[];
  specificity: number;
  order: number;
  declarations: Map<string, Declaration>;
}

/** Selectors that never match a still element in the test: pseudo-elements and interaction states. */
const INERT = /::|:(before|after|active|hover|focus|focus-visible|focus-within|visited|placeholder)\b/;

function specificity(selector: string): number {
  const s = selector.replace(/:not\(([^)]*)\)/g, ' $1');
  const ids = (s.match(/#[\w-]+/g) ?? []).length;
  const classes = (s.match(/\.[\w-]+|\[[^\]]+\]|:(?!not)[\w-]+/g) ?? []).length;
  const types = (s.replace(/\[[^\]]+\]/g, '').match(/(^|[\s>+~])[a-z][\w-]*/gi) ?? []).length;
  return ids * 10000 + classes * 100 + types;
}

function rightmostClasses(selector: string): string[] {
  const compounds = selector.split(/[\s>+~]+/).filter(Boolean);
  const last = (compounds[compounds.length - 1] ?? '').replace(/:not\([^)]*\)/g, '');
  return (last.match(/\.[\w-]+/g) ?? []).map((c) => c.slice(1));
}

let compiled: { css: string; rules: IndexedRule[] } | null = null;

/** The kit's CSS as the H5 build makes it (compileKitCss.ts, in a node process), indexed by rule. */
export function kitCss(): { css: string; rules: IndexedRule[] } {
  if (compiled) return compiled;
  const css = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(__dirname, 'compileKitCss.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const rules: IndexedRule[] = [];
  let order = 0;
  postcss.parse(css).walkRules((rule: Rule) => {
    if (rule.parent?.type === 'atrule') return; // @media, @keyframes, @font-face: none apply here
    const declarations = new Map<string, Declaration>();
    rule.walkDecls((decl) => {
      declarations.set(decl.prop, { value: decl.value, important: decl.important === true });
    });
    for (const selector of rule.selectors) {
      if (INERT.test(selector)) continue;
      rules.push({ selector, needs: rightmostClasses(selector), specificity: specificity(selector), order: order++, declarations });
    }
  });
  compiled = { css, rules };
  return compiled;
}

/** Properties whose value children take from their parent when they declare none. */
const INHERITED = new Set(['font-size', 'color', 'line-height', 'font-weight', 'font-family']);

/** Resolves CSS values of elements of a rendered tree against `kitCss()`, as a browser `width` px wide would. */
export class StyleResolver {
  private readonly rules = kitCss().rules;
  private readonly cache = new Map<Element, Map<string, string | null>>();
  constructor(readonly viewportWidth = 375) {}

  get rootFontPx(): number {
    return taroRootFontPx(this.viewportWidth);
  }

  /** The winning declared value of `prop` on `el` (inline style, then rules), or null. */
  private cascaded(el: Element, prop: string): string | null {
    const inline = (el as HTMLElement).style?.getPropertyValue(prop);
    let best: { value: string; rank: number } | null = null;
    for (const rule of this.rules) {
      const decl = rule.declarations.get(prop);
      if (!decl) continue;
      if (rule.needs.some((c) => !el.classList.contains(c))) continue;
      let matches = false;
      try {
        matches = el.matches(rule.selector);
      } catch {
        continue; // a selector jsdom cannot parse (e.g. `page`) matches nothing here
      }
      if (!matches) continue;
      const rank = (decl.important ? 1e9 : 0) + rule.specificity * 1e4 + rule.order / 1e4;
      if (!best || rank >= best.rank) best = { value: decl.value, rank };
    }
    if (best && best.rank >= 1e9) return best.value;
    if (inline) return inline;
    return best?.value ?? null;
  }

  /** The computed value of a custom property (`--x`) on `el`, its var()s substituted, or null. */
  custom(el: Element | null, name: string): string | null {
    if (!el) return null;
    let memo = this.cache.get(el);
    if (!memo) this.cache.set(el, (memo = new Map()));
    if (memo.has(name)) return memo.get(name) ?? null;
    memo.set(name, null); // cycles resolve to nothing
    const declared = this.cascaded(el, name);
    const value = declared === null ? this.custom(el.parentElement, name) : this.substitute(el, declared);
    memo.set(name, value);
    return value;
  }

  /** Replaces every `var(--x, fallback)` in `value` as seen from `el`. */
  substitute(el: Element, value: string): string {
    let out = value;
    for (let guard = 0; guard < 50 && out.includes('var('); guard++) {
      const start = out.lastIndexOf('var(');
      let depth = 0;
      let end = start + 3;
      for (; end < out.length; end++) {
        if (out[end] === '(') depth++;
        else if (out[end] === ')' && --depth === 0) break;
      }
      const inner = out.slice(start + 4, end);
      const comma = inner.indexOf(',');
      const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
      const fallback = comma < 0 ? '' : inner.slice(comma + 1).trim();
      out = out.slice(0, start) + (this.custom(el, name) ?? fallback) + out.slice(end + 1);
    }
    return out;
  }

  /** The computed font size of `el` in CSS px. */
  fontSizePx(el: Element | null): number {
    if (!el) return this.rootFontPx;
    if (el === el.ownerDocument.documentElement) return this.rootFontPx;
    const declared = this.cascaded(el, 'font-size');
    const parent = this.fontSizePx(el.parentElement);
    if (declared === null || declared === 'inherit') return parent;
    return this.length(el, declared, { em: parent, percent: parent }) ?? parent;
  }

  /** A length property of `el` in CSS px (`min-height`, `min-width` …); null when it is not a length (auto, none, unset). */
  lengthPx(el: Element, prop: string): number | null {
    let declared = this.cascaded(el, prop);
    if (declared === null && INHERITED.has(prop) && el.parentElement) return this.lengthPx(el.parentElement, prop);
    if (declared === null || declared === 'inherit') declared = el.parentElement ? String(this.lengthPx(el.parentElement, prop) ?? 'auto') + 'px' : null;
    if (declared === null) return null;
    const em = this.fontSizePx(el);
    return this.length(el, declared, { em, percent: null });
  }

  /** Evaluates a length expression (px, rem, em, %, calc/min/max/clamp) once var()s are substituted. */
  private length(el: Element, raw: string, base: { em: number; percent: number | null }): number | null {
    const value = this.substitute(el, raw).trim();
    const result = evaluate(value, { rem: this.rootFontPx, em: base.em, percent: base.percent });
    return result !== null && result.unit === 'px' ? result.value : null;
  }
}

type Quantity = { value: number; unit: 'px' | 'number' };

/** A small calc() evaluator: numbers with units, + - * /, parentheses, calc/min/max/clamp. */
export function evaluate(text: string, units: { rem: number; em: number; percent: number | null }): Quantity | null {
  const tokens = text.match(/-?\d*\.?\d+(?:e-?\d+)?[a-zA-Z%]*|[a-z-]+\(|[()+*/,]|\s-\s|-/gi);
  if (!tokens) return null;
  let i = 0;
  const peek = () => tokens[i]?.trim();
  const next = () => tokens[i++]?.trim();
  const fail = (): never => {
    throw new Error(`cannot evaluate ${text}`);
  };
  function primary(): Quantity {
    const t = next();
    if (t === undefined) return fail();
    if (t === '(') {
      const v = sum();
      if (next() !== ')') fail();
      return v;
    }
    if (/^(calc|min|max|clamp)\($/i.test(t)) {
      const args = [sum()];
      while (peek() === ',') {
        next();
        args.push(sum());
      }
      if (next() !== ')') fail();
      const fn = t.slice(0, -1).toLowerCase();
      if (fn === 'calc') return args[0];
      const values = args.map((a) => a.value);
      if (fn === 'min') return { value: Math.min(...values), unit: args[0].unit };
      if (fn === 'max') return { value: Math.max(...values), unit: args[0].unit };
      return { value: Math.min(Math.max(values[0], values[1]), values[2]), unit: args[1].unit };
    }
    const m = /^(-?\d*\.?\d+(?:e-?\d+)?)([a-zA-Z%]*)$/.exec(t);
    if (!m) return fail();
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    if (unit === '') return { value: n, unit: 'number' };
    if (unit === 'px') return { value: n, unit: 'px' };
    if (unit === 'rem') return { value: n * units.rem, unit: 'px' };
    if (unit === 'em') return { value: n * units.em, unit: 'px' };
    if (unit === '%' && units.percent !== null) return { value: (n * units.percent) / 100, unit: 'px' };
    return fail();
  }
  function product(): Quantity {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = next();
      const right = primary();
      left =
        op === '*'
          ? { value: left.value * right.value, unit: left.unit === 'px' || right.unit === 'px' ? 'px' : 'number' }
          : { value: left.value / right.value, unit: left.unit };
    }
    return left;
  }
  function sum(): Quantity {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = next();
      const right = product();
      left = { value: op === '+' ? left.value + right.value : left.value - right.value, unit: left.unit === 'px' || right.unit === 'px' ? 'px' : left.unit };
    }
    return left;
  }
  try {
    const result = sum();
    return i === tokens.length ? result : null;
  } catch {
    return null;
  }
}
