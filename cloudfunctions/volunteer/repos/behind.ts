/**
 * Who is behind, read by index: each 双报到 member is counted in one community (`countedIn`), so a
 * scope's members and those served in a half-year are two counts the index answers alone, its rows
 * (the communities of a street, the streets of a district) two counts each, and the members behind a
 * keyset page in `_id` order — never every declaration of a street in memory.
 */
import type { OrgLevel } from '../../../types/org.constants';
import { database } from '../../core/platform/cloud';
import type { CountedIn, DeclarationDoc } from './declarations';

const declarations = () => database().collection('volunteerDeclarations');

/** The `countedIn` field a scope's level is matched on. */
export const countedField = (level: OrgLevel): `countedIn.${keyof CountedIn}` =>
  level === 'district' ? 'countedIn.districtId' : level === 'street' ? 'countedIn.streetId' : 'countedIn.communityId';

export interface Scope {
  _id: string;
  level: OrgLevel;
}

export const behindRepo = {
  /** Members counted in the scope, and those of them with a service in `half`. */
  async totals(scope: Scope, half: string): Promise<{ members: number; behind: number }> {
    const field = countedField(scope.level);
    const [all, served] = await Promise.all([declarations().where({ [field]: scope._id }).count(), declarations().where({ [field]: scope._id, servedHalf: half }).count()]);
    return { members: all.total, behind: all.total - served.total };
  },

  /** One page of the members behind in the scope, by openid after `after`. */
  async page(scope: Scope, half: string, after: string | null, limit: number): Promise<DeclarationDoc[]> {
    const _ = database().command;
    // `_id > ''` on the first page too: the (scope, _id) index then reads in order and stops at `limit`.
    const { data } = await declarations()
      .where({ [countedField(scope.level)]: scope._id, servedHalf: _.neq(half), _id: _.gt(after ?? '') })
      .orderBy('_id', 'asc')
      .limit(limit)
      .get();
    return data as DeclarationDoc[];
  },
};
