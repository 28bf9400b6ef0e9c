/** Every kind of ledger: its spec (kept with its module), its filters' schema and the unit it covers. */
import { AppealExportFilters, BookingExportFilters, CouncilExportFilters, VolunteerExportFilters, type ExportKind, type RequestExportInput } from '../../types/ledger';
import type { OrgUnit } from '../../types/org';
import { appealsExport } from '../appeals/exports';
import { communityInReach, unitInReach } from '../core/auth/reach';
import type { Subject } from '../core/auth/jurisdiction';
import { bookingsExport } from '../booking/exports';
import { councilMattersExport } from '../council/exports';
import { volunteerHoursExport } from '../volunteer/exports';
import type { ExportSpec } from './spec';

export function filterTextOf(input: RequestExportInput): string {
  switch (input.kind) {
    case 'appeals':
      return appealsExport.filterText(input.filters);
    case 'bookings':
      return bookingsExport.filterText(input.filters);
    case 'volunteerHours':
      return volunteerHoursExport.filterText(input.filters);
    case 'councilMatters':
      return councilMattersExport.filterText(input.filters);
  }
}

/** Kinds whose rows keep no grid: a grid's ledger of them is its community's. */
const COMMUNITY_FROM_GRID: ReadonlySet<ExportKind> = new Set(['bookings', 'volunteerHours']);

/** The unit asked for (or the caller's own), in reach, and the unit the ledger covers. */
export async function unitFor(kind: ExportKind, who: Pick<Subject, 'roles' | 'jurisdiction'>, unitId: string | undefined): Promise<{ asked: OrgUnit; covered: OrgUnit }> {
  const asked = await unitInReach(who, unitId);
  const covered = COMMUNITY_FROM_GRID.has(kind) && asked.level === 'grid' ? await communityInReach(who, asked._id) : asked;
  return { asked, covered };
}

/** What a run does with a kind's spec and its filters (parsed again from storage), whatever their types. */
export type SpecUser<R> = <F, D extends { _id: string }>(spec: ExportSpec<F, D>, filters: F) => R;

/** Hands the stored export's spec and typed filters to `use`; throws when the stored filters no longer parse. */
export function withSpec<R>(kind: ExportKind, filters: unknown, use: SpecUser<R>): R {
  switch (kind) {
    case 'appeals':
      return use(appealsExport, AppealExportFilters.parse(filters));
    case 'bookings':
      return use(bookingsExport, BookingExportFilters.parse(filters));
    case 'volunteerHours':
      return use(volunteerHoursExport, VolunteerExportFilters.parse(filters));
    case 'councilMatters':
      return use(councilMattersExport, CouncilExportFilters.parse(filters));
  }
}
