/**
 * One org import, whoever starts it (the `importOrg` action or `npm run org:import`): read the file,
 * validate every row, compare with the database, and write only when there is no problem at all and
 * this is not a dry run.
 */
import { ORG_IMPORT_PROBLEMS_SHOWN, type OrgImportProblem, type OrgImportResult } from '../../../types/org';
import type { Database } from '../../core/platform/cloud';
import { planCounts, planImport, type ImportPlan } from './plan';
import type { OrgSheets } from './sheets';
import { applyPlan, loadSnapshot } from './store';
import { validateOrgSheets, type OrgDraft } from './validate';
import { readOrgWorkbook } from './workbook';

export interface ImportOptions {
  dryRun: boolean;
  /** Called with the file's district ids before anything is read from the database; throws to refuse. */
  authorize?: (districtIds: string[]) => void;
}

/** What a caller may want besides the result: the rows read and the plan (the CLI writes codes back). */
export interface ImportDetails {
  sheets?: OrgSheets;
  plan?: ImportPlan;
}

export interface ImportTimings {
  readMs: number;
  validateMs: number;
  planMs: number;
  writeMs: number;
}

const invalid = (problems: OrgImportProblem[]): OrgImportResult => ({
  status: 'invalid',
  problems: problems.slice(0, ORG_IMPORT_PROBLEMS_SHOWN),
  problemCount: problems.length,
});

export async function runImport(
  db: Database,
  input: string | Buffer,
  options: ImportOptions,
  timings?: Partial<ImportTimings>,
  details?: ImportDetails,
): Promise<OrgImportResult> {
  let t = Date.now();
  const lap = (key: keyof ImportTimings) => {
    const now = Date.now();
    if (timings) timings[key] = now - t;
    t = now;
  };
  const read = await readOrgWorkbook(input);
  lap('readMs');
  if (read.problems.length > 0) return invalid(read.problems);
  const validation = validateOrgSheets(read.sheets);
  lap('validateMs');
  if (!validation.ok) return invalid(validation.problems);
  const draft: OrgDraft = validation.draft;
  options.authorize?.(draft.districts.map((d) => d.id));
  const planning = planImport(draft, await loadSnapshot(db, draft));
  lap('planMs');
  if (!planning.ok) return invalid(planning.problems);
  const { plan } = planning;
  if (details) Object.assign(details, { sheets: read.sheets, plan });
  if (!options.dryRun) await applyPlan(db, plan);
  lap('writeMs');
  return { status: options.dryRun ? 'planned' : 'imported', counts: planCounts(plan), newCodes: plan.newCodes };
}
