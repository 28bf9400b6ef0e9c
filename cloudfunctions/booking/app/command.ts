/**
 * Commands on a booking, on the kernel's runner: a transition of the state machine becomes one
 * write conditional on `version` carrying the new metrics, the log entries and the effects
 * (notices into the outbox, the seat to give back), applied after it idempotently.
 */
import { commandRunner } from '../../core/commands/runner';
import { notFound } from '../../core/errors';
import { metricsOf } from '../domain/metrics';
import type { BookingDoc, BookingEffect } from '../domain/model';
import { noticesFor, type Change } from '../domain/notifications';
import type { Transition } from '../domain/stateMachine';
import { bookingsCollection } from '../repos/bookings';
import { staffRepo } from '../repos/staff';
import { releaseSeat } from './seats';

export const STALE = '该预约刚刚有了变化，请刷新后再操作';

export const bookingCommands = commandRunner<BookingDoc, BookingEffect>({
  collection: bookingsCollection,
  applyEffect: (_doc, effect, now) => (effect.kind === 'release' ? releaseSeat(effect.slotDocId, effect.ref, now) : Promise.resolve()),
  messages: { notFound: '找不到该预约', stale: STALE, lostRace: '该预约正被他人同时处理，请刷新后重试' },
});

/** The effects of a change: notices (staff recipients looked up when the change needs them) and a seat to give back. */
export async function effectsOf(change: Change, after: BookingDoc, now: Date): Promise<BookingEffect[]> {
  const toAdmins = (change.kind === 'created' && after.status === 'pending_approval') || (change.kind === 'rate' && after.complaint !== null) || change.kind === 'overdue';
  const [admins, street] = await Promise.all([
    toAdmins ? staffRepo.admins(after.communityId) : Promise.resolve([]),
    change.kind === 'overdue' ? staffRepo.street(after.streetId) : Promise.resolve([]),
  ]);
  const prefix = `${after._id}_v${after.version}_`;
  const effects: BookingEffect[] = noticesFor(change, after, { admins, street }, now).map((message, i) => ({ id: `${prefix}${i}`, kind: 'notify', message }));
  if (change.kind !== 'created' && change.release) effects.push({ id: `${prefix}${effects.length}`, kind: 'release', ...change.release });
  return effects;
}

export interface RunOptions {
  now: Date;
  expectedVersion?: number;
  loaded?: BookingDoc;
}

/** Runs a transition decided on the booking as read; null: it already is as asked. */
export function runCommand(id: string, options: RunOptions, decide: (b: BookingDoc) => Transition | null | Promise<Transition | null>): Promise<BookingDoc> {
  return bookingCommands.run(id, options, async (b) => {
    if (b.status === 'void') throw notFound('找不到该预约');
    const t = await decide(b);
    if (!t) return null;
    const after: BookingDoc = { ...b, ...t.patch, version: b.version + 1 };
    const m = metricsOf(after);
    const effects = await effectsOf(t, { ...after, m }, options.now);
    return { set: { ...t.patch, m }, push: t.log.length ? { log: t.log } : undefined, effects };
  });
}
