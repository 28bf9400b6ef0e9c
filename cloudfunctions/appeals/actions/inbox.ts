/** The staff inbox: the caller's jurisdiction only, filtered and paged, newest activity first. */
import type { appealsContract } from '../../../types/appeals';
import type { ParsedInputOf } from '../../../types/contract';
import type { Caller } from '../../core/auth/caller';
import { coveredUnits } from '../../core/auth/jurisdiction';
import { forbidden } from '../../core/errors';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { toInboxItem } from '../domain/views';
import { appealsRepo, type InboxScope } from '../repos/appeals';

function scopeOf(scope: ParsedInputOf<typeof appealsContract.inbox>['scope'], caller: Caller): InboxScope {
  if (scope === 'mine') return { kind: 'handler', openid: caller.openid };
  if (scope === 'firstResponder') return { kind: 'firstResponder', openid: caller.openid };
  const j = caller.jurisdiction;
  if (j && coveredUnits(caller).length > 0) {
    if (scope === 'all') return { kind: 'place', level: j.level, unitIds: j.unitIds };
    const keys = j.unitIds.map((id) => `unit:${id}`);
    if (caller.roles.includes('street_commander') || caller.roles.includes('district_commander')) {
      if (j.level === 'street') keys.push(...j.unitIds.map((id) => `enforcement:${id}`));
    }
    return { kind: 'holders', keys };
  }
  if (caller.roles.includes('property_staff') && caller.propertyCompanyId) {
    return scope === 'all'
      ? { kind: 'property', companyId: caller.propertyCompanyId }
      : { kind: 'holders', keys: [`property:${caller.propertyCompanyId}`] };
  }
  throw forbidden('您还没有分配辖区');
}

export const inbox: Handler<typeof appealsContract.inbox> = async (input, { caller, now }) => {
  const actor = actorOf(caller);
  const found = await appealsRepo.inbox({
    scope: scopeOf(input.scope, caller),
    status: input.status,
    category: input.category,
    overdue: input.overdue,
    dueSoon: input.dueSoon,
    now,
    page: { page: input.page, pageSize: input.pageSize },
  });
  return mapPage(found, (a) => toInboxItem(a, actor, now));
};
