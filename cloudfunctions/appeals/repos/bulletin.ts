/** `appealBulletin` (问题通报): one entry per escalation, by appeal and level reached. */
import type { OrgLevel } from '../../../types/org.constants';
import { PLACE_UNIT, type BulletinEntry } from '../domain/model';
import { db, isDuplicate } from './db';

const bulletin = () => db().collection('appealBulletin');

export const bulletinRepo = {
  /** Idempotent: the entry's id is its appeal and level. */
  async insert(entry: BulletinEntry): Promise<void> {
    try {
      await bulletin().add(entry);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  },

  /** Escalations of appeals within a unit's area, newest first. */
  async ofUnit(level: OrgLevel, unitId: string, page: number, pageSize: number): Promise<{ items: BulletinEntry[]; total: number }> {
    const where = { [PLACE_UNIT[level].id]: unitId };
    const [{ total }, { data }] = await Promise.all([
      bulletin().where(where).count(),
      bulletin()
        .where(where)
        .orderBy('at', 'desc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ]);
    return { total, items: data as BulletinEntry[] };
  },
};
