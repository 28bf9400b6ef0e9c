/**
 * 表决: the first verified resident of a household on the window's roll casts its vote while the window
 * is open. One per household by `_id` (`<matterId>:<householdId>`): a retry returns the vote as cast, a
 * family member hears it was cast, a second option is never stored. A household verified after the
 * opening is not on the roll; a resident whose verification was revoked is no longer verified.
 */
import type { councilContract } from '../../../types/council';
import { conflict, forbidden, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { loadMatter } from '../app/load';
import { eligibleHousehold, residenceOf } from '../app/residence';
import { viewOf } from '../app/view';
import { REFUSALS } from '../domain/eligibility';
import { windowOpen } from '../domain/stages';
import { ballotKey, votesRepo } from '../repos/ballots';
import { rollRepo } from '../repos/roll';

export const vote: Handler<typeof councilContract.vote> = async ({ id, optionId }, { caller, now }) => {
  const m = await loadMatter(id, caller);
  if (!m.ballot || !windowOpen(m, now)) throw conflict(m.stage === 'voting' || m.result ? '表决已结束，不能再投票' : '该议题尚未开始表决');
  const { ballot } = m;
  if (!ballot.options.some((o) => o.id === optionId)) throw invalid('optionId', '请选择一个选项');
  const residence = await residenceOf(caller.openid);
  const household = eligibleHousehold(residence, m.scope);
  const onRoll = await rollRepo.get(ballot.roll.id, household.id);
  if (!onRoll) throw forbidden(REFUSALS.notOnRoll);
  const cast = await votesRepo.insert({ _id: ballotKey(id, household.id), matterId: id, householdId: household.id, buildingId: household.buildingId, optionId, area: onRoll.area, rollId: ballot.roll.id, voter: caller.openid, castAt: now });
  if (!cast) {
    const stored = await votesRepo.get(id, household.id);
    if (stored && stored.voter !== caller.openid) throw conflict('您家已由家人投过票，每户只能投一票');
    if (stored && stored.optionId !== optionId) throw conflict('您已投票，不能更改');
  }
  return viewOf(m, { caller, now, residence });
};
