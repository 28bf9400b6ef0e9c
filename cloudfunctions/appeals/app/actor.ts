import type { Caller } from '../../core/auth/caller';
import type { Actor, Person } from '../domain/model';

export function actorOf(caller: Caller): Actor {
  return {
    openid: caller.openid,
    name: caller.user?.name ?? '居民',
    roles: caller.roles,
    jurisdiction: caller.jurisdiction,
    propertyCompanyId: caller.propertyCompanyId,
    householdBuildingId: caller.householdBuildingId,
  };
}

export const personOf = (actor: Actor): Person => ({ openid: actor.openid, name: actor.name });
