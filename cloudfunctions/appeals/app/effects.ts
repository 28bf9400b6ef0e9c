/**
 * Effects of an appeal's change: notices, counters, bulletin entries. The kernel's runner writes them
 * in the same document write as the change and applies them; applying is idempotent, so the command,
 * a retry and the sweep may all apply the same effects safely.
 */
import { bulletinEntry } from '../domain/escalation';
import type { AppealDoc, Effect } from '../domain/model';
import { noticesFor, type Change } from '../domain/notifications';
import { statsDelta } from '../domain/stats';
import { bulletinRepo } from '../repos/bulletin';
import { staffRepo } from '../repos/staff';
import { statsRepo } from '../repos/stats';

/** Whether the change needs to know who works for the (new) holder. */
function needsHolderStaff(change: Change, before: AppealDoc | null, after: AppealDoc): boolean {
  if (change.kind === 'file' || change.kind === 'warn' || change.kind === 'press') return true;
  return before?.holderKey !== after.holderKey;
}

/** The effects of going from `before` (null for a new appeal) to `after` (already at its new version). */
export async function effectsOf(change: Change, before: AppealDoc | null, after: AppealDoc, actor: string | null, now: Date): Promise<Effect[]> {
  const holderStaff = needsHolderStaff(change, before, after) ? await staffRepo.forHolder(after.holder, after.place) : [];
  const prefix = `${after._id}_v${after.version}_`;
  const effects: Effect[] = [];
  for (const message of noticesFor(change, before, after, actor, { holderStaff }, now)) {
    effects.push({ id: `${prefix}${effects.length}`, kind: 'notify', message });
  }
  const delta = statsDelta(before, after);
  if (Object.keys(delta).length > 0) {
    effects.push({ id: `${prefix}${effects.length}`, kind: 'stats', day: after.filedDay, category: after.category, delta });
  }
  if ('escalation' in change && change.escalation) {
    effects.push({ id: `${prefix}${effects.length}`, kind: 'bulletin', entry: bulletinEntry(after, change.escalation, now) });
  }
  return effects;
}

/** Applies one of the appeal's own effects (notices are the kernel's); idempotent by effect id. */
export function applyEffect(appeal: AppealDoc, effect: Effect): Promise<void> {
  switch (effect.kind) {
    case 'stats':
      return statsRepo.apply(effect.id, appeal.place, effect.day, effect.category, effect.delta);
    case 'bulletin':
      return bulletinRepo.insert(effect.entry);
    case 'notify':
      return Promise.resolve(); // delivered through the outbox by the runner
  }
}
