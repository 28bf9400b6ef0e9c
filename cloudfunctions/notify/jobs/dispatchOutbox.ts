/**
 * Delivers the outbox: claims each due message with a conditional update (a lease), sends it with
 * its outbox id as the message id, and settles it: sent, retried later with back-off, or dead.
 * Two dispatchers never send the same message; a message whose attempt ended in an unknown state
 * is re-sent only through an idempotent sender (the local message log), else given up.
 */
import { randomUUID } from 'node:crypto';
import { drain, type Tally } from '../../core/jobs/drain';
import { outboxRepo } from '../../core/outbox/repo';
import { afterAttempt, LEASE_MS } from '../../core/outbox/retry';
import { currentSender, type Sender } from '../../core/outbox/sender';
import type { OutboxDoc } from '../../core/outbox/types';

/** `taken`: another dispatcher claimed it first. */
type Outcome = 'sent' | 'retrying' | 'dead' | 'lost' | 'taken';
export type DispatchResult = Tally<Outcome> & { recovered: number };

const BATCH = 50;
const BUDGET_MS = 40_000;

async function recoverStale(now: Date, sender: Sender): Promise<number> {
  const tally = await drain<OutboxDoc, 'recovered' | 'taken'>({
    name: 'recover outbox leases',
    next: (after, limit) => outboxRepo.staleLeases(now, after, limit),
    each: async (doc) => {
      const settled = sender.idempotent
        ? await outboxRepo.settle(doc._id, doc.leaseId ?? '', { status: 'pending', nextAttemptAt: now, lastError: '上次投递中断，重新投递' })
        : await outboxRepo.settle(doc._id, doc.leaseId ?? '', { status: 'dead', lastError: '投递结果未知，为避免重复不再重试' });
      return settled ? 'recovered' : 'taken';
    },
    outcomes: ['recovered', 'taken'],
    label: (doc) => doc._id,
    batch: BATCH,
    budgetMs: BUDGET_MS / 4,
  });
  return tally.recovered;
}

async function deliver(doc: OutboxDoc, now: Date, sender: Sender): Promise<Outcome> {
  const leaseId = randomUUID();
  if (!(await outboxRepo.claim(doc, leaseId, new Date(Date.now() + LEASE_MS)))) return 'taken';
  const attempts = doc.attempts + 1;
  let outcome;
  try {
    outcome = await sender.send({ ...doc, attempts });
  } catch (error) {
    outcome = { ok: false as const, permanent: false, error: String((error as Error)?.message ?? error) };
  }
  const next = afterAttempt(outcome, attempts, now);
  const patch: Partial<OutboxDoc> =
    next.status === 'sent'
      ? { status: 'sent', sentAt: new Date(), lastError: null }
      : next.status === 'pending'
        ? { status: 'pending', nextAttemptAt: next.nextAttemptAt, lastError: next.error }
        : { status: 'dead', lastError: next.error };
  if (!(await outboxRepo.settle(doc._id, leaseId, patch))) return 'lost';
  return next.status === 'sent' ? 'sent' : next.status === 'pending' ? 'retrying' : 'dead';
}

export async function dispatchOutbox(now: Date, sender: Sender = currentSender()): Promise<DispatchResult> {
  const recovered = await recoverStale(now, sender);
  const tally = await drain<OutboxDoc, Outcome>({
    name: 'dispatch outbox',
    next: (after, limit) => outboxRepo.due(now, after, limit),
    each: (doc) => deliver(doc, now, sender),
    outcomes: ['sent', 'retrying', 'dead', 'lost', 'taken'],
    label: (doc) => doc._id,
    batch: BATCH,
    budgetMs: BUDGET_MS,
  });
  return { ...tally, recovered };
}
