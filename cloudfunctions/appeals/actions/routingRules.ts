/** The routing rules in force for a community: its own, over the city default. */
import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_KEYS,
  ROUTING_TARGET_LABELS,
  type appealsContract,
  type RoutingRulesView,
} from '../../../types/appeals';
import type { OrgUnit } from '../../../types/org';
import type { Handler } from '../../core/router';
import { communityInReach } from '../../core/auth/reach';
import { effectiveRules } from '../domain/routing';
import { routingRepo, type RoutingDoc } from '../repos/routingRules';

export function rulesView(community: OrgUnit, doc: RoutingDoc | null): RoutingRulesView {
  const effective = effectiveRules(doc);
  return {
    communityId: community._id,
    communityName: community.name,
    fallback: effective.fallback,
    rules: APPEAL_CATEGORY_KEYS.map((category) => {
      const rule = effective.rules[category];
      return {
        category,
        categoryLabel: APPEAL_CATEGORIES[category].label,
        target: rule.target,
        targetLabel: ROUTING_TARGET_LABELS[rule.target],
        source: rule.source,
      };
    }),
    updatedAt: doc?.updatedAt ? doc.updatedAt.toISOString() : null,
    updatedByName: doc?.updatedBy?.name ?? null,
    version: doc?.version ?? 0,
  };
}

export const routingRules: Handler<typeof appealsContract.routingRules> = async ({ communityId }, { caller }) => {
  const community = await communityInReach(caller, communityId);
  return rulesView(community, await routingRepo.get(community._id));
};
