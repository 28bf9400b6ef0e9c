/**
 * The `outbox` collection. Producers insert messages with deterministic ids (idempotent); the
 * dispatcher claims one with a conditional update (a lease), so two dispatchers never send the same
 * message, and settles it after the attempt.
 */
import { isDuplicate } from '../db/errors';
import { dueBatch } from '../db/keyset';
import { database } from '../platform/cloud';
import type { OutboxDoc } from './types';

const outbox = () => database().collection('outbox');

export const outboxRepo = {
  /** Inserts each message unless one with its id exists: the same effect written twice is one message. */
  async insertAll(docs: OutboxDoc[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await outbox().add(docs);
      return;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    // A batch with a known id is refused whole: insert one by one, skipping the known ones.
    for (const doc of docs) {
      try {
        await outbox().add(doc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    }
  },

  async get(id: string): Promise<OutboxDoc | null> {
    const { data } = await outbox().where({ _id: id }).limit(1).get();
    return (data[0] as OutboxDoc | undefined) ?? null;
  },

  /** Pending messages whose time has come, oldest first, after the cursor (the last of the previous batch). */
  due: (now: Date, after: OutboxDoc | null, limit: number) => dueBatch<OutboxDoc>('outbox', 'nextAttemptAt', now, after, limit, { status: 'pending' }),

  /** Messages claimed by a dispatcher that never settled them (it crashed or timed out), after the cursor. */
  async staleLeases(now: Date, after: OutboxDoc | null, limit: number): Promise<OutboxDoc[]> {
    const _ = database().command;
    const where: Record<string, unknown> = { status: 'sending', leaseUntil: _.lt(now) };
    if (after) where._id = _.gt(after._id);
    const { data } = await outbox().where(where).orderBy('_id', 'asc').limit(limit).get();
    return data as OutboxDoc[];
  },

  /** Takes the message for one attempt; false when another dispatcher took it first. */
  async claim(doc: OutboxDoc, leaseId: string, leaseUntil: Date): Promise<boolean> {
    const { updated } = await outbox()
      .where({ _id: doc._id, status: 'pending', attempts: doc.attempts })
      .update({ status: 'sending', leaseId, leaseUntil, attempts: doc.attempts + 1 });
    return updated === 1;
  },

  /** Settles an attempt, only while this dispatcher still holds the lease. */
  async settle(id: string, leaseId: string, patch: Partial<OutboxDoc>): Promise<boolean> {
    const { updated } = await outbox()
      .where({ _id: id, status: 'sending', leaseId })
      .update({ ...patch, leaseId: null, leaseUntil: null });
    return updated === 1;
  },
};
