/**
 * Delivers the outbox: claims each due message with a conditional update (a lease), sends it with
 * its outbox id as the message id, and settles it: sent, retried later with back-off, or dead.
 * Two dispatchers never send the same message; a message whose attempt ended in an unknown state
 * is re-sent only through an idempotent sender (the local message log), else given up.
 */
import { randomUUID } from 'node:crypto';
import { outboxRepo } from '../../core/outbox/repo';
import { afterAttempt, LEASE_MS } from '../../core/outbox/retry';
import { currentSender, type Sender } from '../../core/outbox/sender';
import type { OutboxDoc } from '../../core/outbox/types';

export interface DispatchResult {
  sent: number;
  retrying: number;
  dead: number;
  lost: number;
  recovered: number;
}

const BATCH = 50;
const BUDGET_MS = 40_000;

async function recoverStale(now: Date, sender: Sender, result: DispatchResult): Promise<void> {
  for (const doc of await outboxRepo.staleLeases(now, BATCH)) {
    const settled = sender.idempotent
      ? await outboxRepo.settle(doc._id, doc.leaseId ?? '', { status: 'pending', nextAttemptAt: now, lastError: '上次投递中断，重新投递' })
      : await outboxRepo.settle(doc._id, doc.leaseId ?? '', { status: 'dead', lastError: '投递结果未知，为避免重复不再重试' });
    if (settled) result.recovered += 1;
  }
}

async function deliver(doc: OutboxDoc, now: Date, sender: Sender, result: DispatchResult): Promise<void> {
  const leaseId = randomUUID();
  if (!(await outboxRepo.claim(doc, leaseId, new Date(Date.now() + LEASE_MS)))) return;
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
  if (!(await outboxRepo.settle(doc._id, leaseId, patch))) {
    result.lost += 1;
    return;
  }
  if (next.status === 'sent') result.sent += 1;
  else if (next.status === 'pending') result.retrying += 1;
  else result.dead += 1;
}

export async function dispatchOutbox(now: Date, sender: Sender = currentSender()): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, dead: 0, lost: 0, recovered: 0 };
  await recoverStale(now, sender, result);
  const started = Date.now();
  const seen = new Set<string>();
  while (Date.now() - started < BUDGET_MS) {
    const batch = (await outboxRepo.due(now, BATCH)).filter((d) => !seen.has(d._id));
    if (batch.length === 0) break;
    for (const doc of batch) {
      seen.add(doc._id);
      await deliver(doc, now, sender, result);
    }
    if (batch.length < BATCH) break;
  }
  return result;
}
