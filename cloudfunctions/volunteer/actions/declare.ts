/** 双报到: the caller declares their 报到单位 and/or residential community (one declaration per person, `_id` = openid). */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { communityOf, personOf } from '../app/access';
import { myDeclarationOf } from '../app/declaration';
import { declarationsRepo } from '../repos/declarations';

export const declare: Handler<typeof volunteerContract.declare> = async (input, { caller, now }) => {
  const me = personOf(caller);
  const [before, community] = await Promise.all([declarationsRepo.get(me.openid), input.communityId ? communityOf(input.communityId) : null]);
  await declarationsRepo.save({
    _id: me.openid,
    name: me.name,
    unit: input.unit ?? null,
    communityId: community?._id ?? null,
    communityName: community?.name ?? null,
    declaredAt: before?.declaredAt ?? now,
    updatedAt: now,
  });
  return myDeclarationOf(caller, now);
};
