/**
 * CloudBase transactions: single-document operations (doc get/update/set/remove, add) staged in memory
 * and applied in one SQLite transaction at commit.
 *
 * Isolation: a transaction locks every document it reads through `doc().get()` or writes. Another
 * transaction touching a locked document fails with DATABASE_TRANSACTION_CONFLICT (and is aborted,
 * as MongoDB aborts on a write conflict), which `runTransaction` retries. A plain (non-transactional)
 * write to a locked document goes through and makes the lock holder fail with the same code at its
 * next operation or at commit, so a transaction never commits over data that changed under it.
 * `where().get()` inside a transaction reads committed data plus the transaction's own staged writes
 * and takes no locks. Transactions not finished within the timeout expire (DATABASE_TRANSACTION_FAIL).
 */
import { randomBytes } from 'node:crypto';
import { DbError, ErrorCode } from './errors';
import { idKey, Overlay } from './reads';
import type { Store } from './store';
import { DocId, parseStoredDoc } from './values';

export interface Transaction {
  readonly id: string;
  readonly expiresAt: number;
  /** Set once the transaction lost a conflict; every later call fails with it. */
  failure?: DbError;
  /** Staged writes per collection. */
  readonly staged: Map<string, Overlay>;
  readonly locks: Set<string>;
}

const lockKey = (coll: string, id: DocId): string => `${coll}\u0000${idKey(id)}`;

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new Map<string, Transaction>();

  constructor(private readonly timeoutMs: number) {}

  start(now: number): string {
    const id = randomBytes(16).toString('hex');
    this.open.set(id, { id, expiresAt: now + this.timeoutMs, staged: new Map(), locks: new Set() });
    return id;
  }

  /** The open transaction with this id; throws if unknown, expired or failed. */
  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) {
      throw new DbError(
        ErrorCode.TransactionFail,
        `transaction ${JSON.stringify(id)} does not exist or has expired (a transaction must finish within ${this.timeoutMs / 1000} s)`,
      );
    }
    if (tx.failure) throw tx.failure;
    return tx;
  }

  /** Locks a document for `tx`, or fails `tx` when another open transaction holds it. */
  lock(tx: Transaction, coll: string, id: DocId): void {
    const key = lockKey(coll, id);
    const holder = this.locks.get(key);
    if (holder === tx) return;
    if (holder) {
      this.fail(tx, `document ${JSON.stringify(id)} in '${coll}' is in use by another transaction`);
      throw tx.failure!;
    }
    this.locks.set(key, tx);
    tx.locks.add(key);
  }

  /** A committed non-transactional write: the transaction holding the document loses. */
  noteWrite(coll: string, ids: DocId[]): void {
    if (this.locks.size === 0) return;
    for (const id of ids) {
      const holder = this.locks.get(lockKey(coll, id));
      if (holder) this.fail(holder, `document ${JSON.stringify(id)} in '${coll}' was modified outside the transaction`);
    }
  }

  /** Forgets a transaction by id, failed or not (no-op if unknown). */
  discard(id: unknown): void {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (tx) this.end(tx);
  }

  /** Ends transactions past their deadline. */
  sweep(now: number): void {
    for (const tx of this.open.values()) if (tx.expiresAt <= now) this.end(tx);
  }

  clear(): void {
    this.open.clear();
    this.locks.clear();
  }

  /** Removes a transaction (commit, abort, expiry) and releases its locks. */
  private end(tx: Transaction): void {
    this.release(tx);
    this.open.delete(tx.id);
  }

  private fail(tx: Transaction, reason: string): void {
    tx.failure = new DbError(ErrorCode.TransactionConflict, `transaction conflict: ${reason}`);
    tx.staged.clear();
    this.release(tx);
  }

  private release(tx: Transaction): void {
    for (const key of tx.locks) if (this.locks.get(key) === tx) this.locks.delete(key);
    tx.locks.clear();
  }
}

/** Applies a transaction's staged writes; run inside a SQLite transaction. */
export function applyStaged(store: Store, tx: Transaction): void {
  for (const [collName, overlay] of tx.staged) {
    const coll = store.collection(collName);
    for (const { id, text } of overlay.values()) {
      const row = store.findById(coll, id);
      if (text === null) {
        if (row) store.deleteDoc(coll, row);
      } else if (row) {
        store.replaceDoc(coll, row, parseStoredDoc(text));
      } else {
        store.insertDoc(coll, parseStoredDoc(text));
      }
    }
  }
}

const TRIAL = Symbol('trial');

/** Checks that the staged writes would commit (unique indexes), without keeping them. */
export function trialApply(store: Store, tx: Transaction): void {
  try {
    store.sql.transaction(() => {
      applyStaged(store, tx);
      throw TRIAL;
    })();
  } catch (e) {
    if (e !== TRIAL) throw e;
  }
}
