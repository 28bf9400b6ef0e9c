import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allows, ClientRules, parseRule, readRulesFiles, toDatabaseRules } from './rules';

const alice = { openid: 'o_alice' };

describe('rule expressions', () => {
  it('takes booleans as they are and denies anything that is not a rule', () => {
    expect(allows(true, 'storage', { auth: null })).toBe(true);
    expect(allows(false, 'storage', { auth: alice })).toBe(false);
    expect(allows(undefined, 'storage', { auth: alice })).toBe(false);
  });

  it('evaluates the documented storage forms', () => {
    const own = 'resource.openid == auth.openid';
    expect(allows(own, 'storage', { auth: alice, resource: { openid: 'o_alice', path: 'a' } })).toBe(true);
    expect(allows(own, 'storage', { auth: alice, resource: { openid: 'o_bob', path: 'a' } })).toBe(false);
    expect(allows(own, 'storage', { auth: alice, resource: { openid: null, path: 'a' } })).toBe(false);
    expect(allows(own, 'storage', { auth: null, resource: { openid: null, path: 'a' } })).toBe(false);
    expect(allows('auth != null', 'storage', { auth: alice })).toBe(true);
    expect(allows('auth != null', 'storage', { auth: null })).toBe(false);
    expect(allows('auth == null', 'storage', { auth: null })).toBe(true);
    // A WeChat user has no uid; the documented two-platform form still works through `||`.
    const either = 'resource.openid == auth.openid || resource.openid == auth.uid';
    expect(allows(either, 'storage', { auth: alice, resource: { openid: 'o_alice', path: 'a' } })).toBe(true);
    expect(allows(either, 'storage', { auth: alice, resource: { openid: 'o_bob', path: 'a' } })).toBe(false);
    expect(allows("auth != null && (resource.path == 'x' || resource.path == 'y')", 'storage', { auth: alice, resource: { openid: null, path: 'y' } })).toBe(true);
  });

  it('evaluates database rules against the fields a query fixes', () => {
    const own = 'doc._openid == auth.openid';
    expect(allows(own, 'database', { auth: alice, doc: { _openid: 'o_alice' } })).toBe(true);
    expect(allows(own, 'database', { auth: alice, doc: {} })).toBe(false);
    expect(allows(own, 'database', { auth: alice, doc: { _openid: 'o_bob' } })).toBe(false);
    expect(allows("doc.status != 'deleted' && doc.owner.id == auth.openid", 'database', { auth: alice, doc: { status: 'open', owner: { id: 'o_alice' } } })).toBe(true);
    // Unknown fields prove nothing, even for `!=`.
    expect(allows("doc.status != 'deleted'", 'database', { auth: alice, doc: {} })).toBe(false);
  });

  it.each([
    ['auth.openid in doc.editors', 'database'],
    ["get('database.room.1').members", 'database'],
    ['now > doc.expireTime', 'database'],
    ['resource.openid == auth.openid', 'database'],
    ['doc._openid == auth.openid', 'storage'],
    ['auth.loginType != "ANONYMOUS"', 'storage'],
    ['resource.openid = auth.openid', 'storage'],
    ['(auth != null', 'storage'],
    ['auth != null &&', 'storage'],
    ['', 'storage'],
  ] as const)('denies what it does not understand: %j (%s)', (source, scope) => {
    expect(parseRule(source, scope)).toBeNull();
    expect(allows(source, scope, { auth: alice, doc: { _openid: 'o_alice', editors: 'o_alice' }, resource: { openid: 'o_alice', path: 'a' } })).toBe(false);
  });
});

describe('rule sets', () => {
  it('uses the collection rule, else the default, else denies', () => {
    const rules = new ClientRules({ database: { default: { read: 'auth != null' }, collections: { notes: { read: 'doc._openid == auth.openid', write: false } } } });
    expect(rules.allowsDatabase('other', 'read', alice, {})).toBe(true);
    expect(rules.allowsDatabase('other', 'write', alice, {})).toBe(false);
    expect(rules.allowsDatabase('notes', 'read', alice, {})).toBe(false);
    expect(rules.allowsDatabase('notes', 'read', alice, { _openid: 'o_alice' })).toBe(true);
    expect(rules.allowsDatabase('toString', 'read', alice, {})).toBe(true);
    expect(new ClientRules().allowsDatabase('notes', 'read', alice, { _openid: 'o_alice' })).toBe(false);
  });

  it("keeps CloudBase's default storage permission when given none", () => {
    const rules = new ClientRules();
    expect(rules.allowsStorage('read', null, 'a.png', 'o_bob')).toBe(true);
    expect(rules.allowsStorage('write', alice, 'a.png', 'o_bob')).toBe(false);
    expect(rules.allowsStorage('write', alice, 'a.png', 'o_alice')).toBe(true);
  });

  it('reports unsupported expressions and collections that are not declared', () => {
    const rules = new ClientRules({
      database: { collections: { notes: { read: 'auth.openid in doc.editors' }, ghosts: { read: false } } },
      storage: { read: true, write: 'auth.loginType != "ANONYMOUS"' },
    });
    expect(rules.unsupported()).toEqual(['database.notes.read: auth.openid in doc.editors', 'storage.write: auth.loginType != "ANONYMOUS"']);
    expect(rules.undeclared(['notes'])).toEqual(['ghosts']);
  });
});

describe('rules files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jy-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads database rules keyed by collection and the storage rule', () => {
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ default: { read: false, write: false }, collections: { notes: { read: true, write: false } } }));
    writeFileSync(join(dir, 'storage.json'), JSON.stringify({ read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' }));
    expect(readRulesFiles({ database: join(dir, 'db.json'), storage: join(dir, 'storage.json') })).toEqual({
      database: { default: { read: false, write: false }, collections: { notes: { read: true, write: false } } },
      storage: { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' },
    });
  });

  it('refuses malformed files with the place of the mistake', () => {
    writeFileSync(join(dir, 'broken.json'), '{"default": ');
    expect(() => readRulesFiles({ database: join(dir, 'broken.json') })).toThrow(/读取安全规则 .*broken\.json 失败/);
    expect(() => toDatabaseRules({ collections: { notes: { read: 1 } } })).toThrow('database rules.collections.notes.read 应为布尔值或表达式字符串');
    expect(() => toDatabaseRules({ collections: { notes: { create: true } } })).toThrow(/只支持 read 和 write/);
    expect(() => toDatabaseRules({ notes: { read: true } })).toThrow(/只支持 default 和 collections/);
    expect(() => toDatabaseRules([])).toThrow(/应为 JSON 对象/);
  });
});
