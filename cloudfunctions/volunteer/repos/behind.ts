/**
 * Who is behind, read by index and aggregation: members without a service in a half-year within a
 * scope (community, street or district, matched on `reach`), counted per community in the database
 * and listed a keyset page at a time — never every declaration of a street in memory.
 */
import type { OrgUnit } from '../../../types/org';
import { database } from '../../core/platform/cloud';
import type { DeclarationDoc } from './declarations';

const declarations = () => database().collection('volunteerDeclarations');

export const behindRepo = {
  /** The communities in a scope (the community itself, a street's, a district's). */
  async communitiesWithin(scopeId: string): Promise<OrgUnit[]> {
    const { data } = await database().collection('orgUnits').where({ path: scopeId, level: 'community' }).orderBy('_id', 'asc').limit(1000).get();
    return data as OrgUnit[];
  },

  /** Members reporting in the scope, and those of them without a service in `half` (each member once). */
  async totals(scopeId: string, half: string): Promise<{ members: number; behind: number }> {
    const _ = database().command;
    const [all, behind] = await Promise.all([declarations().where({ reach: scopeId }).count(), declarations().where({ reach: scopeId, servedHalf: _.neq(half) }).count()]);
    return { members: all.total, behind: behind.total };
  },

  /** Per community of the scope: its members and those behind (a member of two communities counts in each). */
  async perCommunity(scopeId: string, half: string): Promise<Map<string, { members: number; behind: number }>> {
    const _ = database().command;
    const $ = _.aggregate;
    const { data } = await declarations()
      .aggregate()
      .match({ reach: scopeId })
      .project({ communityIds: 1, behind: $.cond({ if: $.eq(['$servedHalf', half]), then: 0, else: 1 }) })
      .unwind('$communityIds')
      .group({ _id: '$communityIds', members: $.sum(1), behind: $.sum('$behind') })
      .end();
    return new Map((data as Array<{ _id: string; members: number; behind: number }>).map((r) => [r._id, { members: r.members, behind: r.behind }]));
  },

  /** One page of the members behind in the scope, by openid after `after`. */
  async page(scopeId: string, half: string, after: string | null, limit: number): Promise<DeclarationDoc[]> {
    const _ = database().command;
    const where: Record<string, unknown> = { reach: scopeId, servedHalf: _.neq(half) };
    if (after) where._id = _.gt(after);
    const { data } = await declarations().where(where).orderBy('_id', 'asc').limit(limit).get();
    return data as DeclarationDoc[];
  },
};
