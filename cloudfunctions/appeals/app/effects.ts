/**
 * Effects: written into the appeal in the same document write as the state change, then applied
 * (outbox messages, counters, bulletin) and cleared. Applying is idempotent, so the action that
 * made them, a retry and the `flushEffects` sweeper may all apply the same effects safely.
 */
import { newOutboxDoc } from '../../core/outbox/types';
import { outboxRepo } from '../../core/outbox/repo';
import { bulletinEntry } from '../domain/escalation';
import type { AppealDoc, Effect } from '../domain/model';
import { noticesFor, type Change } from '../domain/notifications';
import { statsDelta } from '../domain/stats';
import { appealsRepo } from '../repos/appeals';
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

/** Applies an appeal's pending effects and clears them. Failures are logged: the sweeper retries. */
export async function flushEffects(appeal: Pick<AppealDoc, '_id' | 'version' | 'effects' | 'place'>, now: Date): Promise<boolean> {
  if (appeal.effects.length === 0) return true;
  try {
    const messages = appeal.effects.flatMap((e) =>
      e.kind === 'notify' ? [newOutboxDoc(e.id, e.message, now, { collection: 'appeals', id: appeal._id })] : [],
    );
    await Promise.all([
      outboxRepo.insertAll(messages),
      ...appeal.effects.map((e) =>
        e.kind === 'stats'
          ? statsRepo.apply(e.id, appeal.place, e.day, e.category, e.delta)
          : e.kind === 'bulletin'
            ? bulletinRepo.insert(e.entry)
            : Promise.resolve(),
      ),
    ]);
    await appealsRepo.clearEffects(appeal._id, appeal.version);
    return true;
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', msg: 'flushEffects failed; the sweeper will retry', appealId: appeal._id, error: String((error as Error)?.stack ?? error) }));
    return false;
  }
}
