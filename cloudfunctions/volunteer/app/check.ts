/** 签到 / 签退 with the activity's code, inside its window, once each (a write conditional on the record's version). */
import type { ActivityView } from '../../../types/volunteer.constants';
import type { Caller } from '../../core/auth/caller';
import { conflict, forbidden, invalid } from '../../core/errors';
import { standingOf } from '../domain/roster';
import { outsideWindow } from '../domain/window';
import { recordCommands, recordsRepo } from '../repos/records';
import { activityOf, personOf } from './access';
import { refreshServed } from './served';
import { viewFor } from './view';

export async function check(caller: Caller, id: string, code: string, kind: 'check_in' | 'check_out', now: Date): Promise<ActivityView> {
  const a = await activityOf(id);
  if (a.status === 'cancelled') throw conflict('该活动已取消');
  if (a.status !== 'published') throw conflict('该活动尚未发布');
  if (code !== a.code) throw invalid('code', '签到码不正确');
  const outside = outsideWindow(a.start, a.end, now);
  if (outside) throw conflict(outside);
  const standing = standingOf(a, caller.openid);
  if (standing.status !== 'signed_up') throw forbidden(standing.status === 'waiting' ? '您还在候补名单中，不能签到' : '您没有报名该活动');
  const me = personOf(caller);
  const loaded = await recordsRepo.ensure(a, me, now);
  await recordCommands.run(loaded._id, { now, loaded }, (r) => {
    const entry = { at: now, kind, by: me, reason: null, checkInAt: null, checkOutAt: null };
    if (kind === 'check_in') {
      if (r.checkInAt) throw conflict('您已签到，无需重复签到');
      return { set: { checkInAt: now }, push: { history: [{ ...entry, checkInAt: now }] }, effects: [] };
    }
    if (!r.checkInAt) throw conflict('请先签到再签退');
    if (r.checkOutAt) throw conflict('您已签退');
    return { set: { checkOutAt: now }, push: { history: [{ ...entry, checkOutAt: now }] }, effects: [] };
  });
  if (kind === 'check_out') await refreshServed(me.openid, a.start);
  return viewFor(caller, a, now);
}
