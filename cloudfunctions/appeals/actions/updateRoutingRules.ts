/** Community staff set their community's routing, category by category; null returns to the city default. */
import type { AppealCategory, appealsContract, RoutingTarget } from '../../../types/appeals';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { communityInReach } from '../app/units';
import { routingRepo } from '../repos/routingRules';
import { rulesView } from './routingRules';

export const updateRoutingRules: Handler<typeof appealsContract.updateRoutingRules> = async (input, { caller, now }) => {
  const community = await communityInReach(caller, input.communityId);
  if (caller.jurisdiction?.level !== 'community' || !caller.jurisdiction.unitIds.includes(community._id)) {
    throw forbidden('只有本社区工作人员可以修改流转规则');
  }
  const existing = await routingRepo.get(community._id);
  const rules: Partial<Record<AppealCategory, RoutingTarget>> = { ...(existing?.rules ?? {}) };
  for (const [category, target] of Object.entries(input.rules) as Array<[AppealCategory, RoutingTarget | null | undefined]>) {
    if (target === null || target === undefined) delete rules[category];
    else rules[category] = target;
  }
  const fallback = input.fallback ?? existing?.fallback;
  const saved = await routingRepo.save({
    communityId: community._id,
    rules,
    ...(fallback ? { fallback } : {}),
    updatedAt: now,
    updatedBy: { openid: caller.openid, name: caller.user?.name ?? '社区工作者' },
  });
  return rulesView(community, saved);
};
