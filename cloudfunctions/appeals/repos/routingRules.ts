/** `appealRouting`: a community's own routing rules (the city default lives in types/appeals.constants). */
import type { RoutingRuleSet } from '../../../types/appeals.constants';
import type { Person } from '../domain/model';
import { db } from './db';

const routing = () => db().collection('appealRouting');

export interface RoutingDoc extends RoutingRuleSet {
  _id: string;
  communityId: string;
  updatedAt: Date;
  updatedBy: Person;
}

const idOf = (communityId: string) => `community_${communityId}`;

export const routingRepo = {
  async get(communityId: string): Promise<RoutingDoc | null> {
    const { data } = await routing().where({ _id: idOf(communityId) }).limit(1).get();
    return (data[0] as RoutingDoc | undefined) ?? null;
  },

  async save(doc: Omit<RoutingDoc, '_id'>): Promise<RoutingDoc> {
    const full: RoutingDoc = { _id: idOf(doc.communityId), ...doc };
    const { _id, ...body } = full;
    await routing().doc(_id).set(body);
    return full;
  },
};
