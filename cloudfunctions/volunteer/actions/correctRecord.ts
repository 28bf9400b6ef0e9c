/** A leader's correction of one volunteer's check-in/out: the new times and the reason go into the record's history. */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { standingOf } from '../domain/roster';
import { checkWindow } from '../domain/window';
import { recordCommands, recordsRepo } from '../repos/records';
import { managedActivity, personOf } from '../app/access';
import { refreshServed } from '../app/served';
import { roster } from './roster';

export const correctRecord: Handler<typeof volunteerContract.correctRecord> = async (input, ctx) => {
  const { caller, now } = ctx;
  const a = await managedActivity(caller, input.id);
  const entry = a.seated.find((e) => e.openid === input.openid);
  if (!entry) throw invalid('openid', standingOf(a, input.openid).status === 'waiting' ? '候补人员没有服务记录' : '该志愿者没有报名此活动');
  if (a.status === 'cancelled') throw conflict('该活动已取消');
  const checkInAt = new Date(input.checkInAt);
  const checkOutAt = new Date(input.checkOutAt);
  const { from, until } = checkWindow(a.start, a.end);
  if (checkInAt < from || checkInAt > until) throw invalid('checkInAt', '签到时间须在活动时间内');
  if (checkOutAt < from || checkOutAt > until) throw invalid('checkOutAt', '签退时间须在活动时间内');
  if (checkInAt > now) throw invalid('checkInAt', '签到时间不能晚于现在');
  if (checkOutAt > now) throw invalid('checkOutAt', '签退时间不能晚于现在');
  const loaded = await recordsRepo.ensure(a, entry, now);
  await recordCommands.run(loaded._id, { now, loaded }, () => ({
    set: { checkInAt, checkOutAt, corrected: true },
    push: { history: [{ at: now, kind: 'correct', by: personOf(caller), reason: input.reason, checkInAt, checkOutAt }] },
    effects: [],
  }));
  await refreshServed(entry.openid, a.start);
  return roster({ id: a._id }, ctx);
};
