/**
 * CloudBase security rules for client-side access (the H5 bridge), as documented for the database
 * (`doc`, `auth`) and for storage (`resource`, `auth`). The admin path (`/admin`, the server SDK)
 * ignores them, as CloudBase does. Supported: `true` / `false`, and expressions of comparisons
 * (`==`, `!=`) joined by `&&` / `||`, with parentheses, over `auth`, `auth.openid`, `auth.uid`,
 * `doc.<path>` (database) or `resource.openid` / `resource.path` (storage), and the literals
 * `null`, `true`, `false`, numbers and quoted strings. Anything else denies.
 */
import { readFileSync } from 'node:fs';
import { isRecord } from '../functions/config';

export type RuleValue = boolean | string;

/** One rule set: `{ "read": …, "write": … }`; a missing operation is denied. */
export interface AccessRule {
  read?: RuleValue;
  write?: RuleValue;
}

/** Database rules keyed by collection; `default` applies to collections not listed. */
export interface DatabaseRules {
  default?: AccessRule;
  collections?: Record<string, AccessRule>;
}

export interface SecurityRules {
  /** Default: every client read and write denied. */
  database?: DatabaseRules;
  /** Default: CloudBase's basic storage permission, anyone reads, only the owner writes. */
  storage?: AccessRule;
}

export type Operation = 'read' | 'write';

/** The signed-in user, or null. */
export type Auth = { openid: string } | null;

export const DEFAULT_DATABASE_RULE: AccessRule = { read: false, write: false };
export const DEFAULT_STORAGE_RULE: AccessRule = { read: true, write: 'resource.openid == auth.openid' };

// ── expressions ────────────────────────────────────────────────────────────────────────────

type Scope = 'database' | 'storage';
type Value = string | number | boolean | null | undefined | { openid: string };
type Node =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'var'; path: string[] }
  | { kind: 'cmp'; op: '==' | '!='; left: Node; right: Node }
  | { kind: 'bool'; op: '&&' | '||'; left: Node; right: Node };

const TOKEN = /\s*(?:(\|\||&&|==|!=|\(|\))|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*))/y;

function tokenize(source: string): string[] | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match || TOKEN.lastIndex === at) return null;
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
  }
  return tokens;
}

const ROOTS: Record<Scope, Record<string, (rest: string[]) => boolean>> = {
  database: {
    auth: (rest) => rest.length === 0 || (rest.length === 1 && (rest[0] === 'openid' || rest[0] === 'uid')),
    doc: (rest) => rest.length > 0,
  },
  storage: {
    auth: (rest) => rest.length === 0 || (rest.length === 1 && (rest[0] === 'openid' || rest[0] === 'uid')),
    resource: (rest) => rest.length === 1 && (rest[0] === 'openid' || rest[0] === 'path'),
  },
};

/** Parses an expression; null when it uses anything outside the supported subset. */
export function parseRule(source: string, scope: Scope): Node | null {
  const tokens = tokenize(source);
  if (!tokens || tokens.length === 0) return null;
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(source);
  };
  const operand = (): Node => {
    const token = tokens[i++] ?? fail();
    if (token === '(') {
      const inner = or();
      if (tokens[i++] !== ')') fail();
      return inner;
    }
    if (token === 'null') return { kind: 'literal', value: null };
    if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
    if (/^['"]/.test(token)) return { kind: 'literal', value: token.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (/^-?\d/.test(token)) return { kind: 'literal', value: Number(token) };
    if (/^[A-Za-z_$]/.test(token)) {
      const [root, ...rest] = token.split('.');
      if (!ROOTS[scope][root]?.(rest)) fail();
      return { kind: 'var', path: [root, ...rest] };
    }
    return fail();
  };
  const comparison = (): Node => {
    const left = operand();
    const op = tokens[i];
    if (op === '==' || op === '!=') {
      i++;
      return { kind: 'cmp', op, left, right: operand() };
    }
    return left;
  };
  const and = (): Node => {
    let left = comparison();
    while (tokens[i] === '&&') {
      i++;
      left = { kind: 'bool', op: '&&', left, right: comparison() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (tokens[i] === '||') {
      i++;
      left = { kind: 'bool', op: '||', left, right: and() };
    }
    return left;
  };
  try {
    const node = or();
    return i === tokens.length ? node : null;
  } catch {
    return null;
  }
}

export interface RuleContext {
  auth: Auth;
  /** Storage: the file (for a new upload, the uploader owns it). */
  resource?: { openid: string | null; path: string };
  /** Database: the query's equality conditions, as CloudBase evaluates `doc` for reads. */
  doc?: Record<string, unknown>;
}

function lookup(path: string[], ctx: RuleContext): Value {
  const [root, ...rest] = path;
  if (root === 'auth') {
    if (rest.length === 0) return ctx.auth;
    // A WeChat user has an openid and no uid.
    return rest[0] === 'openid' ? ctx.auth?.openid : undefined;
  }
  let value: unknown = root === 'resource' ? ctx.resource : ctx.doc;
  for (const key of rest) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'object' && value !== null ? undefined : (value as Value);
}

function evaluate(node: Node, ctx: RuleContext): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'var':
      return lookup(node.path, ctx);
    case 'cmp': {
      const left = evaluate(node.left, ctx);
      const right = evaluate(node.right, ctx);
      // Something unknown (a field the query does not fix, a user without an openid) proves nothing.
      if (left === undefined || right === undefined) return false;
      const equal = left === right || (left !== null && right !== null && typeof left === 'object' && typeof right === 'object');
      return node.op === '==' ? equal : !equal;
    }
    case 'bool': {
      const left = evaluate(node.left, ctx) === true;
      if (node.op === '&&') return left && evaluate(node.right, ctx) === true;
      return left || evaluate(node.right, ctx) === true;
    }
  }
}

/** Whether one rule value allows the access; unknown or malformed expressions deny. */
export function allows(rule: RuleValue | undefined, scope: Scope, ctx: RuleContext): boolean {
  if (typeof rule === 'boolean') return rule;
  if (typeof rule !== 'string') return false;
  const node = parseRule(rule, scope);
  return node !== null && evaluate(node, ctx) === true;
}

// ── rule sets ──────────────────────────────────────────────────────────────────────────────

/** The rules the runtime enforces, checked once at start. */
export class ClientRules {
  private readonly database: DatabaseRules;
  private readonly storage: AccessRule;

  constructor(rules: SecurityRules = {}) {
    this.database = rules.database ?? { default: DEFAULT_DATABASE_RULE };
    this.storage = rules.storage ?? DEFAULT_STORAGE_RULE;
  }

  /** Expressions outside the supported subset (they deny), as `where: expression`. */
  unsupported(): string[] {
    const found: string[] = [];
    const check = (where: string, rule: AccessRule, scope: Scope) => {
      for (const op of ['read', 'write'] as const) {
        const value = rule[op];
        if (typeof value === 'string' && !parseRule(value, scope)) found.push(`${where}.${op}: ${value}`);
      }
    };
    check('database.default', this.database.default ?? DEFAULT_DATABASE_RULE, 'database');
    for (const [name, rule] of Object.entries(this.database.collections ?? {})) check(`database.${name}`, rule, 'database');
    check('storage', this.storage, 'storage');
    return found;
  }

  /** Collections named in the rules that are not in `declared`. */
  undeclared(declared: string[]): string[] {
    const known = new Set(declared);
    return Object.keys(this.database.collections ?? {}).filter((name) => !known.has(name));
  }

  collectionRule(collection: string): AccessRule {
    const named = this.database.collections ?? {};
    return Object.prototype.hasOwnProperty.call(named, collection) ? named[collection] : (this.database.default ?? DEFAULT_DATABASE_RULE);
  }

  /** A client database access: `doc` holds the query's equality conditions. */
  allowsDatabase(collection: string, op: Operation, auth: Auth, doc: Record<string, unknown>): boolean {
    return allows(this.collectionRule(collection)[op], 'database', { auth, doc });
  }

  /** A client storage access to the file at `path` owned by `owner` (null: uploaded by a function). */
  allowsStorage(op: Operation, auth: Auth, path: string, owner: string | null): boolean {
    return allows(this.storage[op], 'storage', { auth, resource: { openid: owner, path } });
  }
}

// ── files ──────────────────────────────────────────────────────────────────────────────────

function accessRule(value: unknown, where: string): AccessRule {
  if (!isRecord(value)) throw new Error(`${where} 应为 {"read": …, "write": …}`);
  const rule: AccessRule = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'read' && key !== 'write') throw new Error(`${where} 只支持 read 和 write（遇到 ${key}）`);
    if (typeof item !== 'boolean' && typeof item !== 'string') throw new Error(`${where}.${key} 应为布尔值或表达式字符串`);
    rule[key] = item;
  }
  return rule;
}

/** Checks the shape of database rules: `{ default?: rule, collections?: { name: rule } }`. */
export function toDatabaseRules(value: unknown, where = 'database rules'): DatabaseRules {
  if (!isRecord(value)) throw new Error(`${where} 应为 JSON 对象`);
  const rules: DatabaseRules = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'default') rules.default = accessRule(item, `${where}.default`);
    else if (key === 'collections') {
      if (!isRecord(item)) throw new Error(`${where}.collections 应为以集合名为键的对象`);
      rules.collections = Object.fromEntries(Object.entries(item).map(([name, rule]) => [name, accessRule(rule, `${where}.collections.${name}`)]));
    } else throw new Error(`${where} 只支持 default 和 collections（遇到 ${key}）`);
  }
  return rules;
}

/** Reads rules files: database rules keyed by collection, storage rules for the bucket. */
export function readRulesFiles(files: { database?: string; storage?: string }): SecurityRules {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      throw new Error(`读取安全规则 ${file} 失败：${(error as Error).message}`);
    }
  };
  const rules: SecurityRules = {};
  if (files.database) rules.database = toDatabaseRules(read(files.database), files.database);
  if (files.storage) rules.storage = accessRule(read(files.storage), files.storage);
  return rules;
}
