/** `appealRouting`: a community's own routing rules (the city default lives in types/appeals.constants). */
import type { RoutingRuleSet } from '../../../types/appeals.constants';
import { commandRunner, type NotifyEffect } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import type { Person } from '../domain/model';

export interface RoutingDoc extends RoutingRuleSet {
  _id: string;
  communityId: string;
  updatedAt: Date | null;
  updatedBy: Person | null;
  version: number;
  effects: NotifyEffect[];
  effectsPending: boolean;
}

export const routingId = (communityId: string) => `community_${communityId}`;

const routing = versionedCollection<RoutingDoc, NotifyEffect>('appealRouting');

/** Edits go through the kernel's runner: two staff editing at once both land, or the stale one hears so. */
export const routingCommands = commandRunner<RoutingDoc, NotifyEffect>({
  collection: routing,
  blank: (id) => ({ _id: id, communityId: id.replace(/^community_/, ''), rules: {}, updatedAt: null, updatedBy: null, version: 0, effects: [], effectsPending: false }),
  messages: { notFound: '找不到该社区的流转规则', stale: '流转规则刚被他人修改，已为您刷新，请确认后再保存', lostRace: '流转规则正被他人同时修改，请刷新后重试' },
});

export const routingRepo = {
  get: (communityId: string) => routing.get(routingId(communityId)),
};
