/** Community staff register a 报到单位 with the community: one per name and community (its `_id`). */
import { createHash } from 'node:crypto';
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import type { UnitDoc } from '../domain/model';
import { monthOf } from '../domain/units';
import { unitsRepo } from '../repos/units';
import { personOf, staffCommunity } from '../app/access';
import { unitViews } from '../app/units';

export const unitIdOf = (communityId: string, name: string) => `vu-${createHash('sha256').update(`${communityId}:${name.normalize('NFKC').replace(/\s+/g, '')}`).digest('hex').slice(0, 20)}`;

export const registerUnit: Handler<typeof volunteerContract.registerUnit> = async (input, { caller, now }) => {
  const community = await staffCommunity(caller, input.communityId);
  const doc: UnitDoc = {
    _id: unitIdOf(community._id, input.name),
    communityId: community._id,
    communityName: community.name,
    communityPath: community.path,
    name: input.name,
    contact: input.contact,
    phone: input.phone,
    createdBy: personOf(caller),
    createdAt: now,
  };
  if (!(await unitsRepo.insert(doc))) throw conflict(`${input.name}已在${community.name}登记`);
  const [view] = await unitViews([doc], [], monthOf(now).year);
  return view;
};
