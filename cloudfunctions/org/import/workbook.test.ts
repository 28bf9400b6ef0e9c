import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateOrgSheet } from '../../../scripts/org/generate';
import { ORG_SHEETS } from './sheets';
import { validateOrgSheets } from './validate';
import { cellText, readOrgWorkbook, withBuildingCodes, writeOrgWorkbook } from './workbook';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'jy-org-xlsx-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('org workbook', () => {
  it('the template has every sheet with Chinese headers and an example row, which an import ignores', async () => {
    const file = path.join(dir, 'template.xlsx');
    await writeOrgWorkbook({ filename: file }, 'example');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['说明', ...ORG_SHEETS.map((s) => s.name)]);
    const grids = book.getWorksheet('网格')!;
    expect(grids.getRow(1).values).toEqual([undefined, '网格编码 *', '网格名称 *', '所属社区编码 *']);
    expect(grids.getRow(2).values).toEqual([undefined, '00100101', '海岸社区第一网格', '001001']);

    const read = await readOrgWorkbook(file);
    expect(read.problems).toEqual([]);
    expect(Object.values(read.sheets).every((rows) => rows.length === 0)).toBe(true);
  });

  it('reads a generated sheet back row for row, with Excel row numbers', async () => {
    const file = path.join(dir, 'small.xlsx');
    const data = generateOrgSheet({ districts: 2, streets: 3, communities: 5, grids: 12, estatesPerCommunity: 2, propertyCompanies: 3, buildings: 60 });
    await writeOrgWorkbook({ filename: file }, data);
    const { sheets, problems } = await readOrgWorkbook(file);
    expect(problems).toEqual([]);
    expect(sheets.buildings).toHaveLength(60);
    expect(sheets.buildings[0]).toEqual({ row: 2, ...data.buildings[0] });
    const validation = validateOrgSheets(sheets);
    expect(validation.ok).toBe(true);
  });

  it('writes the sheet back with building codes filled in, which reads back the same', async () => {
    const file = path.join(dir, 'codes.xlsx');
    const data = generateOrgSheet({ districts: 1, streets: 1, communities: 1, grids: 2, estatesPerCommunity: 1, propertyCompanies: 1, buildings: 3 });
    await writeOrgWorkbook({ filename: file }, data);
    const first = await readOrgWorkbook(file);
    await writeOrgWorkbook({ filename: file }, withBuildingCodes(first.sheets, new Map([[2, '370602B0001'], [4, '370602B0003']])));
    const again = await readOrgWorkbook(file);
    expect(again.sheets.buildings.map((b) => b.code)).toEqual(['370602B0001', '', '370602B0003']);
    expect(again.sheets.grids).toEqual(first.sheets.grids);
  });

  it('reports a missing sheet and a missing required column', async () => {
    const file = path.join(dir, 'broken.xlsx');
    const book = new ExcelJS.Workbook();
    for (const spec of ORG_SHEETS.filter((s) => s.kind !== 'estates')) {
      const sheet = book.addWorksheet(spec.name);
      sheet.addRow(spec.columns.filter((c) => !(spec.kind === 'grids' && c.key === 'community')).map((c) => c.header));
    }
    await book.xlsx.writeFile(file);
    const { problems } = await readOrgWorkbook(file);
    expect(problems).toEqual([
      { sheet: '网格', row: 1, column: '所属社区编码', message: '缺少“所属社区编码”列' },
      { sheet: '小区', row: 0, column: '', message: '缺少工作表“小区”（或其表头行）' },
    ]);
  });

  it('reads numbers typed into code cells as their digits', () => {
    expect(cellText(370602)).toBe('370602');
    expect(cellText(91370602000000000000)).toBe('91370602000000000000');
    expect(cellText({ richText: [{ text: '海岸' }, { text: '社区 ' }] })).toBe('海岸社区');
    expect(cellText({ formula: 'A1', result: 7 })).toBe('7');
  });
});
