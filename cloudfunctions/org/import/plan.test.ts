import type { Building } from '../../../types/org';
import { diffDoc, planCounts, planImport, type ImportPlan, type OrgSnapshot } from './plan';
import { validateOrgSheets, type OrgDraft } from './validate';
import { sampleSheets } from './fixtures';
import type { OrgSheets } from './sheets';

const draftOf = (sheets: OrgSheets): OrgDraft => {
  const v = validateOrgSheets(sheets);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.draft;
};

const empty: OrgSnapshot = { units: new Map(), propertyCompanies: new Map(), estates: new Map(), buildings: [] };

/** The database after a plan is applied to `before` (inserts and field changes), as a snapshot. */
function applied(before: OrgSnapshot, plan: ImportPlan): OrgSnapshot {
  const maps = { orgUnits: new Map(before.units), propertyCompanies: new Map(before.propertyCompanies), estates: new Map(before.estates), buildings: new Map(before.buildings.map((b) => [b._id, b])) };
  for (const step of plan.steps) {
    const map = maps[step.collection] as Map<string, object>;
    for (const doc of step.insert) map.set(doc._id, doc);
    for (const { id, set, unset } of step.update) {
      const doc: Record<string, unknown> = { ...map.get(id), ...set };
      for (const key of unset) delete doc[key];
      map.set(id, doc);
    }
  }
  return { units: maps.orgUnits, propertyCompanies: maps.propertyCompanies, estates: maps.estates, buildings: [...maps.buildings.values()] } as OrgSnapshot;
}

const planned = (draft: OrgDraft, snapshot: OrgSnapshot): ImportPlan => {
  const p = planImport(draft, snapshot);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.plan;
};

describe('planImport', () => {
  it('creates everything into an empty database, codes after the district’s highest, top down', () => {
    const plan = planned(draftOf(sampleSheets()), { ...empty, buildings: [{ code: '370602B0072' } as Building] });
    expect(plan.steps.map((s) => s.kind)).toEqual(['districts', 'streets', 'communities', 'grids', 'propertyCompanies', 'estates', 'buildings']);
    const buildings = plan.steps[6].insert;
    expect(buildings.map((b) => [b._id, b.code])).toEqual([
      ['b-370602B0073', '370602B0073'],
      ['b-370602B0074', '370602B0074'],
    ]);
    expect(plan.newCodes).toBe(2);
    expect(planCounts(plan).grids).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('changes nothing when the same sheet comes again, and only the edited fields after an edit', () => {
    const first = applied(empty, planned(draftOf(sampleSheets()), empty));
    const again = planned(draftOf(sampleSheets()), first);
    expect(Object.values(planCounts(again)).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
    expect(again.newCodes).toBe(0);

    const edited = sampleSheets();
    edited.grids[1].name = '第二网格（新）';
    edited.districts[0].phone = '';
    edited.buildings[0].units = '3';
    edited.buildings.push({ row: 4, estate: 'HA', name: '3号楼', grid: 'G1', units: '', address: '', code: '' });
    const plan = planned(draftOf(edited), first);
    const counts = planCounts(plan);
    expect(counts.grids).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(counts.buildings).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(plan.steps[0].update).toEqual([{ id: 'd-370602', set: {}, unset: ['phone'] }]);
    expect(plan.steps[6].update).toEqual([{ id: 'b-370602B0001', set: { units: ['1单元', '2单元', '3单元'] }, unset: [] }]);
    expect(plan.steps[6].insert[0].code).toBe('370602B0003');
  });

  it('keeps a building’s code when the sheet renames it by code, and refuses a changed or unknown code', () => {
    const first = applied(empty, planned(draftOf(sampleSheets()), empty));
    const renamed = sampleSheets();
    renamed.buildings[0] = { ...renamed.buildings[0], name: '1栋', code: '370602B0001' };
    const plan = planned(draftOf(renamed), first);
    expect(plan.steps[6].update).toEqual([{ id: 'b-370602B0001', set: { name: '1栋', address: '烟台市芝罘区向阳街道海岸花园1栋' }, unset: [] }]);

    const changed = sampleSheets();
    changed.buildings[0].code = '370602B0002';
    changed.buildings.push({ row: 4, estate: 'HA', name: '5号楼', grid: 'G1', units: '', address: '', code: '370602B0099' });
    const refused = planImport(draftOf(changed), first);
    expect(refused).toEqual({
      ok: false,
      problems: [
        { sheet: '楼栋', row: 2, column: '楼栋码', message: '该楼栋已有楼栋码“370602B0001”，楼栋码一经分配不能更改' },
        { sheet: '楼栋', row: 4, column: '楼栋码', message: '楼栋码“370602B0099”不存在；新楼栋请留空，由系统生成' },
      ],
    });
  });

  it('matches buildings imported before by estate and name, keeping demo codes and ids', () => {
    const existing = { _id: 'b-0001', code: '370602B0001', name: '1号楼', address: 'x', estateId: 'e-370602-HA', gridId: 'g-370602-G1', communityId: 'c-370602-001001', streetId: 's-370602-001', districtId: 'd-370602' } as Building;
    const plan = planned(draftOf(sampleSheets()), { ...empty, buildings: [existing] });
    expect(plan.steps[6].update).toEqual([{ id: 'b-0001', set: { address: '烟台市芝罘区向阳街道海岸花园1号楼', units: ['1单元', '2单元'] }, unset: [] }]);
    expect(plan.steps[6].insert.map((b) => b.code)).toEqual(['370602B0002']);
  });
});

describe('diffDoc', () => {
  it('lists changed and removed managed fields only', () => {
    expect(diffDoc({ _id: 'a', name: 'x', path: ['a'] }, { _id: 'a', name: 'x', path: ['a'], other: 1 }, ['name', 'path'])).toBeNull();
    expect(diffDoc({ _id: 'a', name: 'y' }, { _id: 'a', name: 'x', phone: '1' }, ['name', 'phone'])).toEqual({ id: 'a', set: { name: 'y' }, unset: ['phone'] });
  });
});
