/** 双报到: in a half-year's last month, each declared member who has not served yet is reminded, once. */
import { database } from '../../core/platform/cloud';
import { drain, type Tally } from '../../core/jobs/drain';
import { outboxRepo } from '../../core/outbox/repo';
import { newOutboxDoc } from '../../core/outbox/types';
import { halfYearRange, halfYearReminderDue } from '../domain/hours';
import { halfYearNotice } from '../domain/notices';
import { recordItems } from '../domain/record';
import type { DeclarationDoc } from '../repos/declarations';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';

async function declaredAfter(after: DeclarationDoc | null, limit: number): Promise<DeclarationDoc[]> {
  const _ = database().command;
  const { data } = await database()
    .collection('volunteerDeclarations')
    .where(after ? { _id: _.gt(after._id) } : {})
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as DeclarationDoc[];
}

export async function remindDeclared(now: Date): Promise<Tally<'reminded' | 'served'>> {
  const due = halfYearReminderDue(now);
  if (!due) return { scanned: 0, failed: 0, reminded: 0, served: 0 };
  const { from, until } = halfYearRange(due.half);
  return drain<DeclarationDoc, 'reminded' | 'served'>({
    name: 'remind 双报到 members',
    next: declaredAfter,
    each: async (d) => {
      const records = await recordsRepo.ofPeopleBetween([d._id], from, until);
      const rules = await settingsRepo.rules(records.map((r) => r.communityId));
      if (recordItems(records, rules).some((i) => i.hours > 0)) return 'served';
      const { id, message } = halfYearNotice(d._id, due.half, due.lastDay);
      await outboxRepo.insertAll([newOutboxDoc(id, message, now, { collection: 'volunteerDeclarations', id: d._id })]);
      return 'reminded';
    },
    outcomes: ['reminded', 'served'],
    label: (d) => d._id,
  });
}
