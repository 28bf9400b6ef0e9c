/** 变更记录: append-only entries, each tagged with the unit path (or property company) it concerns. */
import { randomUUID } from 'node:crypto';
import type { AuditKind, GrantView, PersonRef } from '../../../types/staff.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';

export interface AuditDoc {
  _id: string;
  kind: AuditKind;
  at: Date;
  by: PersonRef;
  target: PersonRef | null;
  grant: GrantView;
  previous: GrantView | null;
  code: string | null;
  /** Every unit the change concerns, from the district down (before and after a change). */
  unitPath: string[];
  /** The property company concerned, for property staff. */
  propertyCompanyId: string | null;
}

export const auditRepo = {
  async append(entry: Omit<AuditDoc, '_id'>): Promise<void> {
    await database().collection('staffAudit').add({ _id: `sa${randomUUID().replace(/-/g, '')}`, ...entry });
  },

  /** Entries concerning the units (any unit on their path) or the companies given. */
  list(scope: { unitIds: readonly string[]; propertyCompanyIds: readonly string[] | 'all' }, page: PageRequest): Promise<Page<AuditDoc>> {
    const _ = database().command;
    const parts: Array<Record<string, unknown>> = [];
    if (scope.unitIds.length) parts.push({ unitPath: _.in([...scope.unitIds]) });
    if (scope.propertyCompanyIds === 'all') parts.push({ propertyCompanyId: _.neq(null) });
    else if (scope.propertyCompanyIds.length) parts.push({ propertyCompanyId: _.in([...scope.propertyCompanyIds]) });
    const where = parts.length === 1 ? parts[0] : parts.length ? _.or(parts) : { _id: '' };
    return listPage<AuditDoc>('staffAudit', { where: where as Record<string, unknown>, orderBy: 'at', direction: 'desc' }, page);
  },
};
