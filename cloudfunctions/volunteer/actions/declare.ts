/**
 * 双报到: the caller declares their 报到单位 (a registered one, or a name) and/or residential community
 * (one declaration per person, `_id` = openid), counted in the residential community (else the
 * unit's) with their last served half-year.
 */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { communityOf, personOf } from '../app/access';
import { myDeclarationOf } from '../app/declaration';
import { servedIn } from '../app/served';
import { unitOf } from '../app/units';
import { countedInOf, servedHalfAfter } from '../domain/units';
import { declarationsRepo } from '../repos/declarations';

export const declare: Handler<typeof volunteerContract.declare> = async (input, { caller, now }) => {
  const me = personOf(caller);
  const [before, community, unit] = await Promise.all([
    declarationsRepo.get(me.openid),
    input.communityId ? communityOf(input.communityId) : null,
    input.unitId ? unitOf(input.unitId) : null,
  ]);
  const counted = countedInOf(community ?? (unit ? { _id: unit.communityId, name: unit.communityName, path: unit.communityPath } : null));
  const { half, served } = await servedIn(me.openid, now);
  await declarationsRepo.save({
    _id: me.openid,
    name: me.name,
    unit: unit?.name ?? input.unit ?? null,
    unitId: unit?._id ?? null,
    communityId: community?._id ?? null,
    communityName: community?.name ?? null,
    ...counted,
    servedHalf: servedHalfAfter(before?.servedHalf ?? null, half, served),
    declaredAt: before?.declaredAt ?? now,
    updatedAt: now,
  });
  return myDeclarationOf(caller, now);
};
