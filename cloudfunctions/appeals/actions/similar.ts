/** "我也遇到了": open appeals of the same category at the caller's own building in the last 48 hours. */
import { APPEAL_LIMITS, type appealsContract } from '../../../types/appeals';
import { forbidden } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { isNeighbour } from '../domain/policy';
import { toSimilar } from '../domain/views';
import { appealsRepo } from '../repos/appeals';

export const similar: Handler<typeof appealsContract.similar> = async ({ buildingCode, category }, { caller, now }) => {
  const building = await orgRepo.buildingOfCode(buildingCode);
  const actor = actorOf(caller);
  if (!isNeighbour(actor, { place: { buildingId: building._id } })) throw forbidden('绑定本楼栋的住址后，才能查看邻居反映的问题');
  const since = new Date(now.getTime() - APPEAL_LIMITS.similarWindowHours * 3600_000);
  const found = await appealsRepo.similar(building._id, category, since);
  return found.map((a) => toSimilar(a, actor));
};
