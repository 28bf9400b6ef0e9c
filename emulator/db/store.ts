/**
 * SQLite layout (one file, WAL):
 *   _meta(key, value)                       format version
 *   _collections(name, created_at)          every collection
 *   _indexes(collection, name, spec, multikey)
 *   "docs:<coll>"(seq, id, doc)             seq = natural (insertion) order, id = _id, doc = relaxed EJSON
 *   "idx:<coll>:<index>"(k0..kn, seq)       one row per key tuple of a document (multikey for arrays),
 *                                           SQLite index on (k0..kn, seq), UNIQUE on (k0..kn) when declared.
 * Index rows are written by this module in the same SQLite transaction as the document, so a unique
 * violation rolls the whole request back. SQLite treats NULLs as distinct in UNIQUE indexes: documents
 * whose indexed field is missing or null never collide.
 */
import Database from 'better-sqlite3';
import type { CollectionSpec, IndexSpec } from './spec';
import { DbError, duplicateId, ErrorCode, invalidParam } from './errors';
import { describeKey, indexEntries, tupleId } from './keys';
import { Doc, DocId, parseStoredDoc, stringifyDoc } from './values';

const FORMAT_VERSION = '1';
const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;

export interface IndexMeta {
  name: string;
  paths: string[];
  directions: Array<1 | -1>;
  unique: boolean;
  multikey: boolean;
  /** Quoted table name; for the built-in `_id` index, the documents table. */
  table: string;
  /** Key column names (`id` for `_id`). */
  cols: string[];
  primary: boolean;
}

interface IndexWriter {
  meta: IndexMeta;
  insert: Database.Statement;
  deleteBySeq: Database.Statement;
}

export interface CollectionMeta {
  name: string;
  table: string;
  /** `_id` first, then declared indexes. */
  indexes: IndexMeta[];
  writers: IndexWriter[];
  stmts: {
    byId: Database.Statement;
    insert: Database.Statement;
    update: Database.Statement;
    remove: Database.Statement;
    count: Database.Statement;
  };
}

export interface StoredRow {
  seq: number;
  text: string;
  doc: Doc;
}

export interface StoreStats {
  /** Documents read (parsed) from SQLite since open. */
  docsRead: number;
  /** Queries answered through an index (including `_id`). */
  indexedQueries: number;
  /** Queries that read the whole collection. */
  fullScans: number;
}

export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function assertCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !NAME_RE.test(name)) {
    throw invalidParam(`collectionName must match ${NAME_RE} (got ${JSON.stringify(name)})`);
  }
  return name;
}

export class Store {
  readonly sql: Database.Database;
  readonly stats: StoreStats = { docsRead: 0, indexedQueries: 0, fullScans: 0 };
  private readonly collections = new Map<string, CollectionMeta>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, synchronous: 'NORMAL' | 'FULL') {
    this.sql = new Database(file);
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma(`synchronous = ${synchronous}`);
    this.sql.pragma('foreign_keys = OFF');
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS _indexes (collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,
        multikey INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (collection, name));
    `);
    const format = this.sql.prepare('SELECT value FROM _meta WHERE key = ?').pluck().get('format') as string | undefined;
    this.sql.transaction(() => {
      if (format !== FORMAT_VERSION) {
        // Key encoding changed (or new file): rebuild every index from the documents.
        for (const row of this.sql.prepare('SELECT collection, name FROM _indexes').all() as Array<{ collection: string; name: string }>) {
          this.sql.exec(`DROP TABLE IF EXISTS ${quoteId(indexTable(row.collection, row.name))}`);
        }
        this.sql.exec('DELETE FROM _indexes');
        this.sql.prepare('INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)').run('format', FORMAT_VERSION);
      }
    })();
    const names = this.sql.prepare('SELECT name FROM _collections').pluck().all() as string[];
    for (const name of names) this.load(name);
  }

  close(): void {
    if (this.sql.open) this.sql.close();
  }

  /** Creates declared collections and brings their indexes in line with the declaration. */
  declare(specs: CollectionSpec[]): void {
    this.sql.transaction(() => {
      for (const spec of specs) {
        const name = assertCollectionName(spec.name);
        const created = !this.collections.has(name);
        if (created) this.createTables(name);
        // Collections already loaded at open keep their statements unless their indexes changed.
        if (this.syncIndexes(name, spec.indexes) || created) this.load(name);
      }
    })();
  }

  /** Returns false when the collection already exists. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.sql.transaction(() => this.createTables(name))();
    this.load(name);
    return true;
  }

  collection(name: unknown): CollectionMeta {
    const coll = this.collections.get(assertCollectionName(name));
    if (!coll) throw new DbError(ErrorCode.CollectionNotExist, `collection '${String(name)}' does not exist`);
    return coll;
  }

  /** A cached prepared statement. */
  prepare(sqlText: string): Database.Statement {
    let stmt = this.statements.get(sqlText);
    if (!stmt) {
      if (this.statements.size > 1000) this.statements.clear();
      stmt = this.sql.prepare(sqlText);
      this.statements.set(sqlText, stmt);
    }
    return stmt;
  }

  /** Parses a row `{seq, doc}`, counting the read. */
  row(seq: number, text: string): StoredRow {
    this.stats.docsRead++;
    return { seq, text, doc: parseStoredDoc(text) };
  }

  findById(coll: CollectionMeta, id: DocId): StoredRow | undefined {
    const r = coll.stmts.byId.get(id) as { seq: number; doc: string } | undefined;
    return r && this.row(r.seq, r.doc);
  }

  count(coll: CollectionMeta): number {
    return coll.stmts.count.get() as number;
  }

  // --- writes: callers run these inside one SQLite transaction -------------------------------

  insertDoc(coll: CollectionMeta, doc: Doc): void {
    const id = doc._id as DocId;
    const text = stringifyDoc(doc);
    let seq: number;
    try {
      seq = Number(coll.stmts.insert.run(id, text).lastInsertRowid);
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateId(coll.name, id);
      throw e;
    }
    for (const w of coll.writers) this.writeEntries(coll.name, w, seq, doc);
  }

  replaceDoc(coll: CollectionMeta, row: StoredRow, doc: Doc): void {
    coll.stmts.update.run(stringifyDoc(doc), row.seq);
    if (coll.writers.length === 0) return;
    const old = parseStoredDoc(row.text);
    for (const w of coll.writers) {
      const before = this.entries(coll.name, w.meta, old).tuples.map(tupleId).join('\n');
      const after = this.entries(coll.name, w.meta, doc).tuples.map(tupleId).join('\n');
      if (before === after) continue;
      w.deleteBySeq.run(row.seq);
      this.writeEntries(coll.name, w, row.seq, doc);
    }
  }

  deleteDoc(coll: CollectionMeta, row: StoredRow): void {
    coll.stmts.remove.run(row.seq);
    for (const w of coll.writers) w.deleteBySeq.run(row.seq);
  }

  private entries(coll: string, ix: IndexMeta, doc: Doc): ReturnType<typeof indexEntries> {
    try {
      return indexEntries(doc, ix.paths);
    } catch (e) {
      throw invalidParam(`cannot index document in '${coll}' (index '${ix.name}'): ${(e as Error).message}`);
    }
  }

  private writeEntries(coll: string, w: IndexWriter, seq: number, doc: Doc): void {
    const { tuples, fromArray } = this.entries(coll, w.meta, doc);
    if (fromArray && !w.meta.multikey) {
      w.meta.multikey = true;
      this.sql.prepare('UPDATE _indexes SET multikey = 1 WHERE collection = ? AND name = ?').run(coll, w.meta.name);
    }
    for (const t of tuples) {
      try {
        w.insert.run(...t, seq);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const key = Object.fromEntries(w.meta.paths.map((p, i) => [p, describeKey(t[i])]));
        throw new DbError(
          ErrorCode.DuplicateWrite,
          `duplicate key for unique index '${w.meta.name}' in collection '${coll}': ${JSON.stringify(key)}`,
        );
      }
    }
  }

  // --- schema ------------------------------------------------------------------------------

  private createTables(name: string): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS ${quoteId(docsTable(name))} (
      seq INTEGER PRIMARY KEY, id NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    this.sql.prepare('INSERT OR IGNORE INTO _collections (name, created_at) VALUES (?, ?)').run(name, Date.now());
  }

  /** Returns true when an index was built or dropped. */
  private syncIndexes(coll: string, indexes: IndexSpec[]): boolean {
    const existing = new Map(
      (this.sql.prepare('SELECT name, spec FROM _indexes WHERE collection = ?').all(coll) as Array<{ name: string; spec: string }>).map(
        (r) => [r.name, r.spec],
      ),
    );
    const declared = new Set<string>();
    let changed = false;
    for (const ix of indexes) {
      if (!NAME_RE.test(ix.name)) throw new Error(`index name '${ix.name}' on '${coll}' must match ${NAME_RE}`);
      if (Object.keys(ix.keys).length === 0) throw new Error(`index '${ix.name}' on '${coll}' has no keys`);
      declared.add(ix.name);
      const spec = JSON.stringify({ keys: Object.entries(ix.keys), unique: ix.unique === true });
      if (existing.get(ix.name) === spec) continue;
      this.dropIndex(coll, ix.name);
      this.buildIndex(coll, ix, spec);
      changed = true;
    }
    for (const name of existing.keys()) {
      if (declared.has(name)) continue;
      this.dropIndex(coll, name);
      changed = true;
    }
    return changed;
  }

  private dropIndex(coll: string, name: string): void {
    this.sql.exec(`DROP TABLE IF EXISTS ${quoteId(indexTable(coll, name))}`);
    this.sql.prepare('DELETE FROM _indexes WHERE collection = ? AND name = ?').run(coll, name);
  }

  private buildIndex(coll: string, ix: IndexSpec, spec: string): void {
    const table = indexTable(coll, ix.name);
    const entries = Object.entries(ix.keys);
    const cols = entries.map((_, i) => `k${i}`);
    const keyCols = entries.map(([, dir], i) => `k${i}${dir === -1 ? ' DESC' : ''}`).join(', ');
    this.sql.exec(`CREATE TABLE ${quoteId(table)} (${cols.join(', ')}, seq INTEGER NOT NULL);
      CREATE INDEX ${quoteId(`${table}/keys`)} ON ${quoteId(table)} (${keyCols}, seq);
      CREATE INDEX ${quoteId(`${table}/seq`)} ON ${quoteId(table)} (seq);`);
    if (ix.unique) {
      this.sql.exec(`CREATE UNIQUE INDEX ${quoteId(`${table}/unique`)} ON ${quoteId(table)} (${cols.join(', ')})`);
    }
    this.sql.prepare('INSERT INTO _indexes (collection, name, spec, multikey) VALUES (?, ?, ?, 0)').run(coll, ix.name, spec);
    // Backfill from existing documents.
    const meta = indexMeta(coll, ix.name, entries, ix.unique === true, false);
    const writer = this.writer(meta);
    // In chunks: SQLite cannot write while a read statement is still stepping.
    const chunk = this.sql.prepare(`SELECT seq, doc FROM ${quoteId(docsTable(coll))} WHERE seq > ? ORDER BY seq LIMIT 1000`);
    for (let after = 0; ; ) {
      const rows = chunk.all(after) as Array<{ seq: number; doc: string }>;
      if (rows.length === 0) break;
      for (const r of rows) {
        try {
          this.writeEntries(coll, writer, r.seq, parseStoredDoc(r.doc));
        } catch (e) {
          throw new Error(`cannot build index '${ix.name}' on '${coll}': ${(e as Error).message}`);
        }
      }
      after = rows[rows.length - 1].seq;
    }
  }

  private writer(meta: IndexMeta): IndexWriter {
    const t = meta.table;
    return {
      meta,
      insert: this.sql.prepare(`INSERT INTO ${t} (${meta.cols.join(', ')}, seq) VALUES (${meta.cols.map(() => '?').join(', ')}, ?)`),
      deleteBySeq: this.sql.prepare(`DELETE FROM ${t} WHERE seq = ?`),
    };
  }

  private load(name: string): void {
    const table = quoteId(docsTable(name));
    const rows = this.sql.prepare('SELECT name, spec, multikey FROM _indexes WHERE collection = ? ORDER BY rowid').all(name) as Array<{
      name: string;
      spec: string;
      multikey: number;
    }>;
    const declared = rows.map((r) => {
      const spec = JSON.parse(r.spec) as { keys: Array<[string, 1 | -1]>; unique: boolean };
      return indexMeta(name, r.name, spec.keys, spec.unique, r.multikey === 1);
    });
    const primary: IndexMeta = {
      name: '_id_',
      paths: ['_id'],
      directions: [1],
      unique: true,
      multikey: false,
      table,
      cols: ['id'],
      primary: true,
    };
    this.collections.set(name, {
      name,
      table,
      indexes: [primary, ...declared],
      writers: declared.map((m) => this.writer(m)),
      stmts: {
        byId: this.sql.prepare(`SELECT seq, doc FROM ${table} WHERE id = ?`),
        insert: this.sql.prepare(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`),
        update: this.sql.prepare(`UPDATE ${table} SET doc = ? WHERE seq = ?`),
        remove: this.sql.prepare(`DELETE FROM ${table} WHERE seq = ?`),
        count: this.sql.prepare(`SELECT COUNT(*) FROM ${table}`).pluck(),
      },
    });
  }
}

const docsTable = (coll: string): string => `docs:${coll}`;
const indexTable = (coll: string, index: string): string => `idx:${coll}:${index}`;

function indexMeta(coll: string, name: string, keys: Array<[string, 1 | -1]>, unique: boolean, multikey: boolean): IndexMeta {
  return {
    name,
    paths: keys.map(([p]) => p),
    directions: keys.map(([, d]) => d),
    unique,
    multikey,
    table: quoteId(indexTable(coll, name)),
    cols: keys.map((_, i) => `k${i}`),
    primary: false,
  };
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
