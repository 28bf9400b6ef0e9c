/**
 * What a kind of ledger is: its columns and the query over its source collection. Each module keeps
 * its own spec (appeals/exports.ts); the ledger function only pages, writes and stores.
 */
import type { ExportKind } from '../../types/ledger';
import type { OrgUnit } from '../../types/org';

export type CellValue = string | number | null;

export interface ExportColumn<D> {
  header: string;
  /** Column width in characters. */
  width: number;
  value: (doc: D, now: Date) => CellValue;
}

/** The rows of a ledger: documents of `collection` matching `where`, with `orderField` in [from, to). */
export interface ExportSource {
  collection: string;
  /** Equality and filter conditions, without `orderField` (the keyset pager adds its bounds). */
  where: Record<string, unknown>;
  /** An immutable date field: rows come in (orderField, _id) order, one keyset page at a time. */
  orderField: string;
  from: Date;
  to: Date;
  /** The projection a row needs. */
  fields: Record<string, true>;
}

export interface ExportSpec<F, D extends { _id: string }> {
  kind: ExportKind;
  sheetName: string;
  columns: ReadonlyArray<ExportColumn<D>>;
  source: (unit: Pick<OrgUnit, '_id' | 'level'>, filters: F, range: { from: Date; to: Date }, now: Date) => ExportSource;
  /** The filters in words, for the list and the file's title row. */
  filterText: (filters: F) => string;
}

export const defineExport = <F, D extends { _id: string }>(spec: ExportSpec<F, D>): ExportSpec<F, D> => spec;

/**
 * An instant as Asia/Shanghai ISO text ('YYYY-MM-DDTHH:mm:ss.sssZ' shifted by +08:00), to slice. Its
 * offset has been a fixed +08:00 since 1991, so plain arithmetic does it: dayjs's tz formatting costs
 * ~0.2 ms a call, minutes over 100,000 rows.
 */
export const shanghaiIso = (at: Date | string) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString();

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, or '' for none. */
export function cellTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  const iso = shanghaiIso(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
