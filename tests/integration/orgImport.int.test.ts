import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OrgImportResult } from '../../types/org';
import { writeOrgWorkbook } from '../../cloudfunctions/org/import/workbook';
import { generateOrgSheet } from '../../scripts/org/generate';
import { adminApp } from '../../scripts/localStack';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let dir: string;
beforeAll(async () => {
  t = await startTestCloud();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jy-org-import-'));
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 芝罘区 (the demo district, 72 buildings already) with 3 streets, 6 communities, 12 grids and 120 buildings. */
const sheet = () => generateOrgSheet({ districts: 1, streets: 3, communities: 6, grids: 12, estatesPerCommunity: 2, propertyCompanies: 3, buildings: 120 });
type Sheet = ReturnType<typeof sheet>;

let uploads = 0;
/** Writes the sheet to an .xlsx and uploads it as `openid` would (into their uploads folder). */
async function upload(data: Sheet, openid = 'demo-district'): Promise<string> {
  const file = path.join(dir, `org-${++uploads}.xlsx`);
  await writeOrgWorkbook({ filename: file }, data);
  const { fileID } = await adminApp(t.cloud.url).uploadFile({ cloudPath: `uploads/${openid}/org-${uploads}.xlsx`, fileContent: readFileSync(file) });
  return fileID;
}

const importAs = async (data: Sheet, dryRun = false): Promise<OrgImportResult> => t.ok('demo-district', 'org', 'importOrg', { fileId: await upload(data), dryRun });

/** Every org document, to compare before and after. */
async function everything(): Promise<string> {
  const all: unknown[] = [];
  for (const name of ['orgUnits', 'propertyCompanies', 'estates', 'buildings']) {
    // Page by _id (keyset), 1000 at a time.
    for (let after = ''; ; ) {
      const { data } = await t.db.collection(name).where({ _id: t.db.command.gt(after) }).orderBy('_id', 'asc').limit(1000).get();
      all.push(...data);
      if (data.length < 1000) break;
      after = String((data[data.length - 1] as { _id: string })._id);
    }
  }
  return JSON.stringify(all);
}

const counts = (r: OrgImportResult) => {
  if (r.status === 'invalid') throw new Error(`unexpected problems: ${JSON.stringify(r.problems.slice(0, 5))}`);
  return r.counts;
};

describe('org.importOrg', () => {
  it('a dry run counts and writes nothing; the import then writes every level, with codes after the demo’s', async () => {
    const before = await everything();
    const dry = await importAs(sheet(), true);
    expect(dry).toMatchObject({ status: 'planned', newCodes: 120 });
    expect(await everything()).toBe(before);

    const done = await importAs(sheet());
    expect(done.status).toBe('imported');
    expect(counts(done)).toEqual({
      districts: { created: 0, updated: 1, unchanged: 0 }, // the demo 芝罘区: its phone
      streets: { created: 3, updated: 0, unchanged: 0 },
      communities: { created: 6, updated: 0, unchanged: 0 },
      grids: { created: 12, updated: 0, unchanged: 0 },
      propertyCompanies: { created: 3, updated: 0, unchanged: 0 },
      estates: { created: 12, updated: 0, unchanged: 0 },
      buildings: { created: 120, updated: 0, unchanged: 0 },
    });
    const { total } = await t.db.collection('buildings').where({ districtId: 'd-370602' }).count();
    expect(total).toBe(72 + 120);

    // The first new building continues the district's sequence and resolves like any other.
    const place = await t.ok('demo-resident', 'org', 'resolveCode', { code: '370602B0073' });
    expect(place.building).toMatchObject({ code: '370602B0073', name: 'G00001-1号楼' });
    expect(place.grid.name).toBe('第1社区第1网格');
    expect([place.community.name, place.street.name, place.district.name]).toEqual(['第1社区', '第1街道', '芝罘区']);
    expect(place.propertyCompany?.name).toBe('第2物业服务有限公司'); // its estate is the community's second
    const units = await t.ok('demo-district', 'org', 'listUnits', { parentId: 'd-370602' });
    expect(units.map((u) => u.id)).toEqual(expect.arrayContaining(['s-370602-S001', 's-370602-S002', 's-370602-S003', 's-xiangyang']));
  });

  it('the same file again changes nothing', async () => {
    const before = await everything();
    const again = await importAs(sheet());
    expect(again).toMatchObject({ status: 'imported', newCodes: 0 });
    expect(Object.values(counts(again)).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
    expect(await everything()).toBe(before);
  });

  it('an edited file updates what changed, keeps every code and gives a new building the next one', async () => {
    const edited = sheet();
    edited.grids[1] = { ...edited.grids[1], name: '第1社区第2网格（调整）' };
    edited.estates[0] = { ...edited.estates[0], propertyCompany: '' };
    edited.buildings[0] = { ...edited.buildings[0], units: '6' };
    edited.buildings.push({ estate: edited.estates[0].code, name: '新建1号楼', grid: edited.grids[0].code, units: '2', address: '', code: '' });
    const result = await importAs(edited);
    expect(result).toMatchObject({ status: 'imported', newCodes: 1 });
    expect(counts(result)).toMatchObject({
      grids: { created: 0, updated: 1, unchanged: 11 },
      estates: { created: 0, updated: 1, unchanged: 11 },
      buildings: { created: 1, updated: 1, unchanged: 119 },
    });
    const { data } = await t.db.collection('buildings').where({ code: '370602B0073' }).get();
    expect(data[0]).toMatchObject({ _id: 'b-370602B0073', units: ['1单元', '2单元', '3单元', '4单元', '5单元', '6单元'] });
    const added = await t.ok('demo-resident', 'org', 'resolveCode', { code: '370602B0193' });
    expect(added.building.name).toBe('新建1号楼');
    expect(added.propertyCompany).toBeNull();
  });

  it('a file with errors reports each by sheet, row and column and writes nothing', async () => {
    const before = await everything();
    const broken = sheet();
    broken.grids[0] = { ...broken.grids[0], name: '改了名字但不会写入' };
    broken.grids.push({ ...broken.grids[1] }); // a repeated code
    broken.grids.push({ code: 'G99999', name: '无主网格', community: 'C9999' });
    broken.buildings[5] = { ...broken.buildings[5], grid: '' };
    const result = await importAs(broken);
    expect(result).toEqual({
      status: 'invalid',
      problemCount: 3,
      problems: [
        { sheet: '网格', row: 14, column: '网格编码', message: '网格编码“G00002”与第 3 行重复' },
        { sheet: '网格', row: 15, column: '所属社区编码', message: '所属社区编码“C9999”在“社区”表中不存在' },
        { sheet: '楼栋', row: 7, column: '网格编码', message: '楼栋必须填写所属网格（网格编码）' },
      ],
    });
    expect(await everything()).toBe(before);
  });

  it('is for district admins, of their own district, with their own upload', async () => {
    const fileId = await upload(sheet());
    const staff = await t.call('demo-community-staff', 'org', 'importOrg', { fileId, dryRun: true });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const elsewhere = generateOrgSheet({ districts: 2, streets: 2, communities: 2, grids: 2, estatesPerCommunity: 1, propertyCompanies: 1, buildings: 4 });
    const outside = await t.call('demo-district', 'org', 'importOrg', { fileId: await upload(elsewhere), dryRun: true });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('370611') } });

    const notOwn = await t.call('demo-district', 'org', 'importOrg', { fileId: await upload(sheet(), 'demo-resident'), dryRun: true });
    expect(notOwn).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'fileId', message: '只能导入自己上传的文件，请重新上传' }] } });

    const { fileID: notExcel } = await adminApp(t.cloud.url).uploadFile({ cloudPath: 'uploads/demo-district/notes.xlsx', fileContent: Buffer.from('not a workbook') });
    const garbage = await t.call('demo-district', 'org', 'importOrg', { fileId: notExcel, dryRun: true });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'fileId' }] } });
  });
});
