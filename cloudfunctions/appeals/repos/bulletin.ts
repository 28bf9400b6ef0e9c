/** `appealBulletin` (问题通报): one entry per escalation, by appeal and level reached. */
import type { OrgLevel } from '../../../types/org.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { listPage } from '../../core/db/list';
import { LEVEL } from '../../core/auth/jurisdiction';
import type { BulletinEntry } from '../domain/model';
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
  ofUnit(level: OrgLevel, unitId: string, page: PageRequest): Promise<Page<BulletinEntry>> {
    return listPage<BulletinEntry>('appealBulletin', { where: { [LEVEL[level].id]: unitId }, orderBy: 'at' }, page);
  },
};
