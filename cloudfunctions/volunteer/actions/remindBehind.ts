/**
 * Reminds everyone behind in a scope: each 双报到 member without a service this half-year (the same
 * message id as the timer's reminder, so a member hears it once per half-year whoever sends it), and
 * the team leaders of each unit without an activity this month (once per unit, month and leader).
 * A retry, or a second tap, sends nothing twice: outbox ids are deterministic.
 */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import type { NotifyEffect } from '../../core/commands/runner';
import { outboxRepo } from '../../core/outbox/repo';
import { newOutboxDoc } from '../../core/outbox/types';
import { database } from '../../core/platform/cloud';
import { halfYearRange, periodsOf } from '../domain/hours';
import { halfYearNotice, unitMonthNotice } from '../domain/notices';
import { monthOf, monthRange } from '../domain/units';
import { behindRepo } from '../repos/behind';
import { unitsRepo } from '../repos/units';
import { behindScope } from '../app/behind';
import type { TeamDoc } from '../domain/model';

const BATCH = 200;

/** Queues the notices not queued before; how many were new and how many were there already. */
async function queue(effects: NotifyEffect[], now: Date, source: (e: NotifyEffect) => { collection: string; id: string }): Promise<{ sent: number; already: number }> {
  if (effects.length === 0) return { sent: 0, already: 0 };
  const _ = database().command;
  const { data } = await database().collection('outbox').where({ _id: _.in(effects.map((e) => e.id)) }).field({ _id: true }).limit(effects.length).get();
  const known = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  const fresh = effects.filter((e) => !known.has(e.id));
  await outboxRepo.insertAll(fresh.map((e) => newOutboxDoc(e.id, e.message, now, source(e))));
  return { sent: fresh.length, already: effects.length - fresh.length };
}

export const remindBehind: Handler<typeof volunteerContract.remindBehind> = async (input, { caller, now }) => {
  const scope = await behindScope(caller, input.scopeId);
  const { half } = periodsOf(now);
  const lastDay = new Date(halfYearRange(half).until.getTime() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const members = { sent: 0, already: 0 };
  for (let after: string | null = null; ; ) {
    const page = await behindRepo.page(scope, half, after, BATCH);
    const done = await queue(page.map((d) => halfYearNotice(d._id, half, lastDay)), now, (e) => ({ collection: 'volunteerDeclarations', id: e.message.toOpenid }));
    members.sent += done.sent;
    members.already += done.already;
    if (page.length < BATCH) break;
    after = page[page.length - 1]._id;
  }

  const { month } = monthOf(now);
  const { from, until } = monthRange(month);
  const units = await unitsRepo.within(scope._id);
  const active = await unitsRepo.activeBetween(units.map((u) => u._id), from, until);
  const behind = units.filter((u) => !active.has(u._id));
  const _ = database().command;
  const { data } = behind.length
    ? await database().collection('volunteerTeams').where({ 'unit.id': _.in(behind.map((u) => u._id)) }).limit(1000).get()
    : { data: [] };
  const teams = data as TeamDoc[];
  const effects = behind.flatMap((u) => {
    const leaders = [...new Set(teams.filter((t) => t.unit?.id === u._id).map((t) => t.leader.openid))];
    return leaders.map((l) => unitMonthNotice(u._id, u.name, month, l));
  });
  const unitsDone = await queue(effects, now, (e) => ({ collection: 'volunteerUnits', id: e.id }));
  return { members, units: unitsDone };
};
