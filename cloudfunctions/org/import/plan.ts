/**
 * What an import changes: the validated draft against the documents that exist, as inserts and
 * field updates per collection, in write order (units top down, then companies, estates, buildings).
 * Pure. Buildings are matched by their code when the sheet gives one, else by estate and name, so
 * an existing building keeps its code; a new one gets the district's next code.
 */
import type { Building, Estate, OrgImportKind, OrgImportProblem, OrgUnit, PropertyCompany } from '../../../types/org';
import { codeAllocator } from './codes';
import { orgIds, ProblemList, sortProblems, type DraftUnit, type OrgDraft } from './validate';

export interface OrgSnapshot {
  /** Existing units, estates and companies with the ids the draft names. */
  units: ReadonlyMap<string, OrgUnit>;
  propertyCompanies: ReadonlyMap<string, PropertyCompany>;
  estates: ReadonlyMap<string, Estate>;
  /** Every existing building of the draft's districts. */
  buildings: readonly Building[];
}

export interface DocChange {
  id: string;
  set: Record<string, unknown>;
  unset: string[];
}

export interface PlanStep {
  kind: OrgImportKind;
  collection: 'orgUnits' | 'propertyCompanies' | 'estates' | 'buildings';
  insert: Array<Record<string, unknown> & { _id: string }>;
  update: DocChange[];
  unchanged: number;
}

export interface ImportPlan {
  steps: PlanStep[];
  newCodes: number;
  /** Each building row's code (kept or new), by Excel row: what goes back into the sheet. */
  buildingCodes: Map<number, string>;
}

export type Planning = { ok: true; plan: ImportPlan } | { ok: false; problems: OrgImportProblem[] };

type Doc = Record<string, unknown> & { _id: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `desired` (listed in `managed`) that differ from `existing`; null when none do. */
export function diffDoc(desired: Doc, existing: object, managed: readonly string[]): DocChange | null {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const current = existing as Record<string, unknown>;
  for (const key of managed) {
    const want = desired[key];
    if (want === undefined) {
      if (current[key] !== undefined) unset.push(key);
    } else if (!same(want, current[key])) set[key] = want;
  }
  return Object.keys(set).length > 0 || unset.length > 0 ? { id: desired._id, set, unset } : null;
}

function step(kind: OrgImportKind, collection: PlanStep['collection'], desired: Doc[], existing: ReadonlyMap<string, object>, managed: readonly string[]): PlanStep {
  const out: PlanStep = { kind, collection, insert: [], update: [], unchanged: 0 };
  for (const doc of desired) {
    const found = existing.get(doc._id);
    if (!found) out.insert.push(doc);
    else {
      const change = diffDoc(doc, found, managed);
      if (change) out.update.push(change);
      else out.unchanged += 1;
    }
  }
  return out;
}

const UNIT_FIELDS = ['level', 'name', 'parentId', 'path', 'code', 'phone', 'divisionCode'] as const;
const COMPANY_FIELDS = ['name', 'phone', 'code'] as const;
const ESTATE_FIELDS = ['name', 'communityId', 'propertyCompanyId', 'code'] as const;
const BUILDING_FIELDS = ['code', 'name', 'address', 'estateId', 'units', 'gridId', 'communityId', 'streetId', 'districtId'] as const;

const unitDoc = (level: OrgUnit['level'], u: DraftUnit): Doc => {
  const doc: Doc = { _id: u.id, level, name: u.name, parentId: u.parentId, path: u.path };
  if (level === 'district') doc.divisionCode = u.divisionCode;
  else doc.code = u.code;
  if (u.phone) doc.phone = u.phone;
  return doc;
};

export function planImport(draft: OrgDraft, snapshot: OrgSnapshot): Planning {
  const problems = new ProblemList();
  const steps: PlanStep[] = [
    step('districts', 'orgUnits', draft.districts.map((u) => unitDoc('district', u)), snapshot.units, UNIT_FIELDS),
    step('streets', 'orgUnits', draft.streets.map((u) => unitDoc('street', u)), snapshot.units, UNIT_FIELDS),
    step('communities', 'orgUnits', draft.communities.map((u) => unitDoc('community', u)), snapshot.units, UNIT_FIELDS),
    step('grids', 'orgUnits', draft.grids.map((u) => unitDoc('grid', u)), snapshot.units, UNIT_FIELDS),
    step(
      'propertyCompanies',
      'propertyCompanies',
      draft.propertyCompanies.map((c) => ({ _id: c.id, name: c.name, code: c.code, ...(c.phone ? { phone: c.phone } : {}) })),
      snapshot.propertyCompanies,
      COMPANY_FIELDS,
    ),
    step(
      'estates',
      'estates',
      draft.estates.map((e) => ({ _id: e.id, name: e.name, communityId: e.communityId, propertyCompanyId: e.propertyCompanyId, code: e.code })),
      snapshot.estates,
      ESTATE_FIELDS,
    ),
  ];

  // Buildings: find the existing one (by code, else by estate and name) or hand out the next code.
  const byCode = new Map<string, Building>();
  const byKey = new Map<string, Building>();
  for (const b of snapshot.buildings) {
    byCode.set(b.code, b);
    byKey.set(`${b.estateId}|${b.name}`, b);
  }
  const allocators = new Map<string, () => string>();
  const nextCode = (division: string) => {
    let next = allocators.get(division);
    if (!next) allocators.set(division, (next = codeAllocator(division, byCode.keys())));
    return next();
  };
  const claimed = new Map<string, number>();
  const buildings: PlanStep = { kind: 'buildings', collection: 'buildings', insert: [], update: [], unchanged: 0 };
  let newCodes = 0;
  const buildingCodes = new Map<number, string>();
  for (const b of draft.buildings) {
    const byName = byKey.get(`${b.estateId}|${b.name}`);
    let existing: Building | undefined;
    if (b.code) {
      if (byName && byName.code !== b.code) {
        problems.add('buildings', b.row, 'code', `该楼栋已有楼栋码“${byName.code}”，楼栋码一经分配不能更改`);
        continue;
      }
      existing = byCode.get(b.code);
      if (!existing) {
        problems.add('buildings', b.row, 'code', `楼栋码“${b.code}”不存在；新楼栋请留空，由系统生成`);
        continue;
      }
    } else existing = byName;
    if (existing) {
      const first = claimed.get(existing._id);
      if (first !== undefined) {
        problems.add('buildings', b.row, 'code', `与第 ${first} 行是同一栋楼（楼栋码“${existing.code}”）`);
        continue;
      }
      claimed.set(existing._id, b.row);
    }
    const code = existing?.code ?? nextCode(b.divisionCode);
    buildingCodes.set(b.row, code);
    const doc: Doc = {
      _id: existing?._id ?? orgIds.building(code),
      code,
      name: b.name,
      address: b.address,
      estateId: b.estateId,
      units: b.units,
      gridId: b.gridId,
      communityId: b.communityId,
      streetId: b.streetId,
      districtId: b.districtId,
    };
    if (!existing) {
      newCodes += 1;
      buildings.insert.push(doc);
    } else {
      const change = diffDoc(doc, existing, BUILDING_FIELDS);
      if (change) buildings.update.push(change);
      else buildings.unchanged += 1;
    }
  }
  if (!problems.empty) return { ok: false, problems: sortProblems(problems.items) };
  steps.push(buildings);
  return { ok: true, plan: { steps, newCodes, buildingCodes } };
}

/** Created, updated and unchanged per kind. */
export function planCounts(plan: ImportPlan): Record<OrgImportKind, { created: number; updated: number; unchanged: number }> {
  const counts = {} as Record<OrgImportKind, { created: number; updated: number; unchanged: number }>;
  for (const s of plan.steps) counts[s.kind] = { created: s.insert.length, updated: s.update.length, unchanged: s.unchanged };
  return counts;
}
