/** Every kind of ledger: its spec (kept with its module) and its filters' schema. */
import { AppealExportFilters, type ExportKind, type RequestExportInput } from '../../types/ledger';
import { appealsExport } from '../appeals/exports';
import type { ExportSpec } from './spec';

export function filterTextOf(input: RequestExportInput): string {
  switch (input.kind) {
    case 'appeals':
      return appealsExport.filterText(input.filters);
  }
}

/** What a run does with a kind's spec and its filters (parsed again from storage), whatever their types. */
export type SpecUser<R> = <F, D extends { _id: string }>(spec: ExportSpec<F, D>, filters: F) => R;

/** Hands the stored export's spec and typed filters to `use`; throws when the stored filters no longer parse. */
export function withSpec<R>(kind: ExportKind, filters: unknown, use: SpecUser<R>): R {
  switch (kind) {
    case 'appeals':
      return use(appealsExport, AppealExportFilters.parse(filters));
  }
}
