/** 评事: one rating per verified household in scope while the matter waits for ratings (`_id` per household). */
import type { councilContract } from '../../../types/council';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { loadMatter } from '../app/load';
import { eligibleHousehold, residenceOf } from '../app/residence';
import { viewOf } from '../app/view';
import { assertRating } from '../domain/stages';
import { ballotKey, ratingsRepo } from '../repos/ballots';

export const rate: Handler<typeof councilContract.rate> = async ({ id, stars, comment }, { caller, now }) => {
  const m = await loadMatter(id, caller);
  const residence = await residenceOf(caller.openid);
  const household = eligibleHousehold(residence, m.scope);
  assertRating(m);
  const stored = await ratingsRepo.insert({ _id: ballotKey(id, household.id), matterId: id, householdId: household.id, stars, comment: comment ?? null, by: caller.openid, at: now });
  if (!stored) {
    const existing = await ratingsRepo.get(id, household.id);
    if (existing && (existing.by !== caller.openid || existing.stars !== stars)) throw conflict('您家已经评价过了');
  }
  return viewOf(m, { caller, now, residence });
};
