/** 流转交办: which holder a new appeal goes to, by category, with the community's rules over the city default. */
import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_KEYS,
  DEFAULT_ROUTING,
  ROUTING_TARGET_LABELS,
  type AppealCategory,
  type RoutingRuleSet,
  type RoutingTarget,
} from '../../../types/appeals';
import { enforcementName, orgHolder, type Holder, type Place } from './model';

export interface EffectiveRule {
  target: RoutingTarget;
  source: 'community' | 'city';
}

export interface EffectiveRules {
  rules: Record<AppealCategory, EffectiveRule>;
  fallback: RoutingTarget;
  fallbackSource: 'community' | 'city';
}

export function effectiveRules(community: RoutingRuleSet | null): EffectiveRules {
  const rules = {} as Record<AppealCategory, EffectiveRule>;
  for (const category of APPEAL_CATEGORY_KEYS) {
    const own = community?.rules[category];
    rules[category] = own ? { target: own, source: 'community' } : { target: DEFAULT_ROUTING.rules[category], source: 'city' };
  }
  return {
    rules,
    fallback: community?.fallback ?? DEFAULT_ROUTING.fallback,
    fallbackSource: community?.fallback ? 'community' : 'city',
  };
}

/** The holder a target means for this place, or null when the place has none (no property company). */
export function holderFor(target: RoutingTarget, place: Place): Holder | null {
  switch (target) {
    case 'grid':
      return orgHolder(place, 'grid');
    case 'community':
      return orgHolder(place, 'community');
    case 'property':
      return place.propertyCompanyId
        ? { kind: 'property', level: 'grid', id: place.propertyCompanyId, name: place.propertyCompanyName ?? '物业公司' }
        : null;
    case 'enforcement':
      return { kind: 'enforcement', level: 'street', id: place.streetId, name: enforcementName(place) };
  }
}

export interface RouteDecision {
  target: RoutingTarget;
  source: 'community' | 'city';
  fallback: boolean;
  holder: Holder;
  /** What the timeline says about the decision and the rule used. */
  note: string;
  rule: string;
}

const SOURCE_LABEL = { community: '社区规则', city: '全市默认规则' } as const;

export function route(category: AppealCategory, place: Place, community: RoutingRuleSet | null): RouteDecision {
  const effective = effectiveRules(community);
  const rule = effective.rules[category];
  const ruleText = `${APPEAL_CATEGORIES[category].label}→${ROUTING_TARGET_LABELS[rule.target]}`;
  const direct = holderFor(rule.target, place);
  if (direct) {
    return {
      target: rule.target,
      source: rule.source,
      fallback: false,
      holder: direct,
      rule: ruleText,
      note: `按${SOURCE_LABEL[rule.source]}「${ruleText}」流转至${direct.name}`,
    };
  }
  const why = rule.target === 'property' ? `${place.estateName}暂无物业公司` : `${ROUTING_TARGET_LABELS[rule.target]}不可用`;
  let target = effective.fallback;
  let holder = holderFor(target, place);
  if (!holder) {
    // A fallback that is itself unavailable ends at the community office, which always exists.
    target = 'community';
    holder = orgHolder(place, 'community');
  }
  return {
    target,
    source: effective.fallbackSource,
    fallback: true,
    holder,
    rule: `${ruleText}（兜底：${ROUTING_TARGET_LABELS[target]}）`,
    note: `${why}，按${SOURCE_LABEL[effective.fallbackSource]}兜底流转至${holder.name}`,
  };
}
