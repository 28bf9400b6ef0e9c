/** `volunteerUnits` (报到单位, `_id` from community and name) and `volunteerProjects` (项目化服务). */
import { isDuplicate } from '../../core/db/errors';
import { database } from '../../core/platform/cloud';
import type { ProgressEntry, ProjectDoc, UnitDoc } from '../domain/model';

const units = () => database().collection('volunteerUnits');
const projects = () => database().collection('volunteerProjects');

export const unitsRepo = {
  async get(id: string): Promise<UnitDoc | null> {
    const { data } = await units().where({ _id: id }).limit(1).get();
    return (data[0] as UnitDoc | undefined) ?? null;
  },

  /** The units registered in a community, street or district (any unit on their community's path). */
  async within(scopeId: string): Promise<UnitDoc[]> {
    const { data } = await units().where({ communityPath: scopeId }).orderBy('name', 'asc').limit(1000).get();
    return data as UnitDoc[];
  },

  /** False when the community has a unit of that name already. */
  async insert(doc: UnitDoc): Promise<boolean> {
    try {
      await units().add(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  },

  /** How many party members declared each unit (双报到). */
  async memberCounts(unitIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (unitIds.length === 0) return counts;
    const _ = database().command;
    const { data } = await database()
      .collection('volunteerDeclarations')
      .aggregate()
      .match({ unitId: _.in(unitIds) })
      .group({ _id: '$unitId', n: _.aggregate.sum(1) })
      .end();
    for (const row of data as Array<{ _id: string; n: number }>) counts.set(row._id, row.n);
    return counts;
  },

  /** The units among `unitIds` whose teams ran a published activity starting in [from, until). */
  async activeBetween(unitIds: string[], from: Date, until: Date): Promise<Set<string>> {
    if (unitIds.length === 0) return new Set();
    const _ = database().command;
    const { data } = await database()
      .collection('volunteerActivities')
      .aggregate()
      .match({ unitId: _.in(unitIds), start: _.gte(from).and(_.lt(until)), status: 'published' })
      .group({ _id: '$unitId' })
      .end();
    return new Set((data as Array<{ _id: string }>).map((r) => r._id));
  },
};

export const projectsRepo = {
  async get(id: string): Promise<ProjectDoc | null> {
    const { data } = await projects().where({ _id: id }).limit(1).get();
    return (data[0] as ProjectDoc | undefined) ?? null;
  },

  async ofCommunityYear(communityId: string, year: string): Promise<ProjectDoc[]> {
    const { data } = await projects().where({ communityId, year }).orderBy('dueDay', 'asc').limit(500).get();
    return data as ProjectDoc[];
  },

  /** Each unit's claimed projects of a year. */
  async countsByUnit(unitIds: string[], year: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (unitIds.length === 0) return counts;
    const _ = database().command;
    const { data } = await projects()
      .aggregate()
      .match({ 'unit.id': _.in(unitIds), year })
      .group({ _id: '$unit.id', n: _.aggregate.sum(1) })
      .end();
    for (const row of data as Array<{ _id: string; n: number }>) counts.set(row._id, row.n);
    return counts;
  },

  async insert(doc: ProjectDoc): Promise<void> {
    await projects().add(doc);
  },

  /** Takes an unclaimed project for a unit; false when it was claimed first. */
  async claim(id: string, unit: { id: string; name: string }): Promise<boolean> {
    const _ = database().command;
    const { updated } = await projects().where({ _id: id, unit: null }).update({ unit, version: _.inc(1) });
    return updated === 1;
  },

  async addProgress(id: string, entry: ProgressEntry): Promise<void> {
    const _ = database().command;
    await projects().where({ _id: id }).update({ progress: _.push([entry]), version: _.inc(1) });
  },
};
