/** An export as stored in `exports`, and how the app sees it. Pure. */
import { EXPORT_KIND_LABELS, EXPORT_STATUS_LABELS, type ExportKind, type ExportStatus, type ExportView } from '../../../types/ledger';
import type { OrgLevel } from '../../../types/org.constants';
import type { FileJobDoc } from '../../core/jobs/fileJobs';

/** An export: a background file job (core/jobs/fileJobs.ts) with what the ledger needs to write it. */
export interface ExportDoc extends FileJobDoc {
  kind: ExportKind;
  unitId: string;
  unitName: string;
  unitLevel: OrgLevel;
  /** The unit the requester asked for in their reach (a grid, for its community's bookings): who may still download. */
  askedUnitId: string;
  /** Inclusive Asia/Shanghai days. */
  from: string;
  to: string;
  /** The kind's parsed filters. */
  filters: Record<string, unknown>;
  filterText: string;
  status: ExportStatus;
}

export const fileNameOf = (e: Pick<ExportDoc, 'kind' | 'unitName' | 'from' | 'to'>): string =>
  `${EXPORT_KIND_LABELS[e.kind]}_${e.unitName}_${e.from}至${e.to}.xlsx`.replace(/[\\/:*?"<>|\s]/g, '');

export const cloudPathOf = (id: string) => `exports/${id}.xlsx`;

export function toView(e: ExportDoc): ExportView {
  return {
    id: e._id,
    kind: e.kind,
    kindLabel: EXPORT_KIND_LABELS[e.kind],
    unitName: e.unitName,
    from: e.from,
    to: e.to,
    filterText: e.filterText,
    status: e.status,
    statusLabel: EXPORT_STATUS_LABELS[e.status],
    rows: e.rows,
    total: e.total,
    error: e.error,
    fileName: fileNameOf(e),
    createdAt: new Date(e.createdAt).toISOString(),
    finishedAt: e.finishedAt ? new Date(e.finishedAt).toISOString() : null,
  };
}

/** The instants a range of Shanghai days covers: [from 00:00, the day after `to` 00:00). */
export function dayRange(from: string, to: string): { from: Date; to: Date } {
  return { from: new Date(`${from}T00:00:00+08:00`), to: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000) };
}
