/** 附议: one per verified household in scope (`_id` per household); the count and the agenda follow. */
import type { councilContract } from '../../../types/council';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { eligibleHousehold, residenceOf } from '../app/residence';
import { viewOf } from '../app/view';
import { cosigned } from '../domain/stages';
import { ballotKey, cosignsRepo } from '../repos/ballots';

export const cosign: Handler<typeof councilContract.cosign> = async ({ id }, { caller, now }) => {
  const m = await loadMatter(id, caller);
  const residence = await residenceOf(caller.openid);
  const household = eligibleHousehold(residence, m.scope);
  if (m.stage !== 'proposed' && m.stage !== 'agenda') throw conflict('该议题已不再征集附议');
  // A second 附议 of the household (a retry, a family member) is refused by the `_id`: nothing more to do.
  await cosignsRepo.insert({ _id: ballotKey(id, household.id), matterId: id, householdId: household.id, by: caller.openid, at: now });
  const after = await runMatter(id, { now }, async (doc) => cosigned(doc, await cosignsRepo.count(id), now));
  return viewOf(after, { caller, now, residence });
};
