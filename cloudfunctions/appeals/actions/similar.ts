/** "我也遇到了": open appeals of the same category at the same building in the last 48 hours. */
import { APPEAL_LIMITS, type appealsContract } from '../../../types/appeals';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { toSimilar } from '../domain/views';
import { appealsRepo } from '../repos/appeals';

export const similar: Handler<typeof appealsContract.similar> = async ({ buildingCode, category }, { caller, now }) => {
  const building = await orgRepo.buildingOfCode(buildingCode);
  const since = new Date(now.getTime() - APPEAL_LIMITS.similarWindowHours * 3600_000);
  const found = await appealsRepo.similar(building._id, category, since);
  const actor = actorOf(caller);
  return found.map((a) => toSimilar(a, actor));
};
