/**
 * 双报到: the caller declares their 报到单位 (a registered one, or a name) and/or residential community
 * (one declaration per person, `_id` = openid). The communities and the units above them are kept as
 * the scopes the member counts in, with their last served half-year.
 */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { communityOf, personOf } from '../app/access';
import { myDeclarationOf } from '../app/declaration';
import { servedIn } from '../app/served';
import { unitOf } from '../app/units';
import { servedHalfAfter } from '../domain/units';
import { declarationsRepo } from '../repos/declarations';

export const declare: Handler<typeof volunteerContract.declare> = async (input, { caller, now }) => {
  const me = personOf(caller);
  const [before, community, unit] = await Promise.all([
    declarationsRepo.get(me.openid),
    input.communityId ? communityOf(input.communityId) : null,
    input.unitId ? unitOf(input.unitId) : null,
  ]);
  const communityIds = [...new Set([community?._id, unit?.communityId].filter((id): id is string => id !== undefined))];
  const reach = [...new Set([...(community?.path ?? []), ...(unit?.communityPath ?? [])])];
  const { half, served } = await servedIn(me.openid, now);
  await declarationsRepo.save({
    _id: me.openid,
    name: me.name,
    unit: unit?.name ?? input.unit ?? null,
    unitId: unit?._id ?? null,
    communityId: community?._id ?? null,
    communityName: community?.name ?? null,
    communityIds,
    reach,
    servedHalf: servedHalfAfter(before?.servedHalf ?? null, half, served),
    declaredAt: before?.declaredAt ?? now,
    updatedAt: now,
  });
  return myDeclarationOf(caller, now);
};
