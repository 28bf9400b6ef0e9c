/** Community staff set their community's routing, category by category; null returns to the city default. */
import type { AppealCategory, appealsContract, RoutingTarget } from '../../../types/appeals';
import { communityInReach } from '../../core/auth/reach';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { routingCommands, routingId } from '../repos/routingRules';
import { rulesView } from './routingRules';

export const updateRoutingRules: Handler<typeof appealsContract.updateRoutingRules> = async (input, { caller, now }) => {
  const community = await communityInReach(caller, input.communityId);
  if (caller.jurisdiction?.level !== 'community' || !caller.jurisdiction.unitIds.includes(community._id)) {
    throw forbidden('只有本社区工作人员可以修改流转规则');
  }
  const saved = await routingCommands.run(routingId(community._id), { now, expectedVersion: input.version }, (doc) => {
    // Decided on the rules as read: a concurrent edit of other categories is kept.
    const rules: Partial<Record<AppealCategory, RoutingTarget>> = { ...doc.rules };
    for (const [category, target] of Object.entries(input.rules) as Array<[AppealCategory, RoutingTarget | null | undefined]>) {
      if (target === null || target === undefined) delete rules[category];
      else rules[category] = target;
    }
    const fallback = input.fallback ?? doc.fallback;
    return {
      set: { rules, ...(fallback ? { fallback } : {}), updatedAt: now, updatedBy: { openid: caller.openid, name: caller.user?.name ?? '社区工作者' } },
      effects: [],
    };
  });
  return rulesView(community, saved);
};
