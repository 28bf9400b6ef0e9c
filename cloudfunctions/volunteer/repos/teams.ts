/** `volunteerTeams` and `volunteerMembers` (one membership per person and team: `_id` = `<team>_<openid>`). */
import { isDuplicate } from '../../core/db/errors';
import { database } from '../../core/platform/cloud';
import { memberId, type MemberDoc, type TeamDoc } from '../domain/model';

const teams = () => database().collection('volunteerTeams');
const members = () => database().collection('volunteerMembers');

export const teamsRepo = {
  async get(id: string): Promise<TeamDoc | null> {
    const { data } = await teams().where({ _id: id }).limit(1).get();
    return (data[0] as TeamDoc | undefined) ?? null;
  },

  async ofCommunity(communityId: string): Promise<TeamDoc[]> {
    const { data } = await teams().where({ communityId }).orderBy('order', 'asc').limit(100).get();
    return data as TeamDoc[];
  },

  async insert(doc: TeamDoc): Promise<void> {
    await teams().add(doc);
  },

  async update(id: string, patch: Partial<Omit<TeamDoc, '_id'>>): Promise<void> {
    await teams().where({ _id: id }).update(patch);
  },

  async ledBy(openid: string): Promise<TeamDoc[]> {
    const { data } = await teams().where({ 'leader.openid': openid }).limit(100).get();
    return data as TeamDoc[];
  },

  async activeCounts(teamIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (teamIds.length === 0) return counts;
    const db = database();
    const { data } = await members()
      .aggregate()
      .match({ teamId: db.command.in(teamIds), status: 'active' })
      .group({ _id: '$teamId', n: db.command.aggregate.sum(1) })
      .end();
    for (const row of data as Array<{ _id: string; n: number }>) counts.set(row._id, row.n);
    return counts;
  },

  async membershipsOf(openid: string): Promise<MemberDoc[]> {
    const { data } = await members().where({ openid }).limit(200).get();
    return data as MemberDoc[];
  },

  async member(teamId: string, openid: string): Promise<MemberDoc | null> {
    const { data } = await members().where({ _id: memberId(teamId, openid) }).limit(1).get();
    return (data[0] as MemberDoc | undefined) ?? null;
  },

  async membersOf(teamId: string): Promise<MemberDoc[]> {
    const { data } = await members().where({ teamId }).orderBy('at', 'asc').limit(1000).get();
    return data as MemberDoc[];
  },

  /** False when the membership exists already. */
  async insertMember(doc: MemberDoc): Promise<boolean> {
    try {
      await members().add(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  },

  /** Moves a membership from one status to another; false when it was not in `from` any more. */
  async moveMember(id: string, from: MemberDoc['status'], patch: Partial<MemberDoc>): Promise<boolean> {
    const { updated } = await members().where({ _id: id, status: from }).update(patch);
    return updated === 1;
  },
};
