/**
 * The org sheet as an .xlsx file (exceljs, streaming both ways so 40,000 buildings stay small in
 * memory): the writer makes the template (or a generated file), the reader turns a file into rows
 * by header, with problems for missing sheets and columns.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { OrgImportProblem } from '../../../types/org';
import { ORG_SHEETS, type ColumnSpec, type OrgSheets, type SheetKind, type SheetRow, type SheetSpec } from './sheets';

/** More data rows than any city's org sheet has: past it the file is refused, so memory stays bounded. */
export const MAX_ROWS = 200_000;

const GUIDE_SHEET = '说明';
const normalizeHeader = (text: string) => text.replace(/[*＊\s]/g, '');

/** A cell's value as trimmed text: numbers without exponent, rich text joined, formulas by result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value); // integers below 1e21 print without an exponent
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

export interface ReadResult {
  sheets: OrgSheets;
  /** Missing sheets or columns, too many rows: the file cannot be read as an org sheet. */
  problems: OrgImportProblem[];
}

const emptySheets = (): OrgSheets => ({ districts: [], streets: [], communities: [], grids: [], propertyCompanies: [], estates: [], buildings: [] });

/**
 * Which sheet a header row belongs to: the one with most of its headers in the row (at least two).
 * Sheets are told by their headers, not their names: exceljs's streaming reader learns names only
 * when the workbook part comes before the sheets in the zip, which many writers (exceljs's own) do not do.
 */
export function sheetOfHeaders(headers: readonly string[]): SheetSpec | null {
  let best: { spec: SheetSpec; score: number } | null = null;
  for (const spec of ORG_SHEETS as readonly SheetSpec[]) {
    const score = spec.columns.filter((c) => headers.includes(c.header)).length;
    if (score >= 2 && (!best || score > best.score)) best = { spec, score };
  }
  return best?.spec ?? null;
}

/**
 * The workbook's parts re-zipped so the workbook, its relations and the shared strings come before
 * the sheets, stored uncompressed with sizes up front. exceljs's streaming reader parks sheets that
 * come earlier (as Excel writes them) in temp files, and on Node 20 that path loses the shared
 * strings and sheets; in this order it reads every sheet as it streams.
 */
async function streamableZip(file: Buffer): Promise<Readable> {
  const source = await JSZip.loadAsync(file);
  const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
  const rank = (n: string) => (n === 'xl/workbook.xml' ? 0 : n === 'xl/_rels/workbook.xml.rels' ? 1 : n === 'xl/sharedStrings.xml' ? 2 : /^xl\/worksheets\/sheet\d+\.xml$/.test(n) ? 4 : 3);
  const target = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) target.file(name, await source.files[name].async('nodebuffer'));
  // JSZip's stream is not a node Readable (exceljs checks with instanceof): pipe it through one.
  return target.generateNodeStream({ compression: 'STORE', streamFiles: false }).pipe(new PassThrough());
}

/** Reads an org sheet from a file path or the file's bytes. */
export async function readOrgWorkbook(input: string | Buffer): Promise<ReadResult> {
  const sheets = emptySheets();
  const problems: OrgImportProblem[] = [];
  const seen = new Set<SheetKind>();
  let total = 0;
  const bytes = typeof input === 'string' ? await readFile(input) : input;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await streamableZip(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of reader) {
    let spec: SheetSpec | null = null;
    let byIndex: Map<number, ColumnSpec> | null = null;
    let rows: Array<Record<string, string | number>> = [];
    let skip = false;
    for await (const row of worksheet) {
      if (skip) continue; // read to the end: leaving a sheet early stops exceljs's reader
      const values = row.values as unknown[];
      if (!byIndex) {
        const headers = values.map((v) => normalizeHeader(cellText(v)));
        if (headers.every((h) => h === '')) continue;
        spec = sheetOfHeaders(headers);
        if (!spec || seen.has(spec.kind)) {
          skip = true; // not ours (说明), or a second copy
          continue;
        }
        seen.add(spec.kind);
        rows = sheets[spec.kind] as Array<Record<string, string | number>>;
        byIndex = new Map();
        for (const col of spec.columns) {
          const i = headers.indexOf(col.header);
          if (i >= 0) byIndex.set(i, col);
          else if (col.required) problems.push({ sheet: spec.name, row: row.number, column: col.header, message: `缺少“${col.header}”列` });
        }
        continue;
      }
      const record: Record<string, string | number> = { row: row.number };
      for (const col of spec!.columns) record[col.key] = '';
      let blank = true;
      for (const [i, col] of byIndex) {
        const text = cellText(values[i]);
        record[col.key] = text;
        if (text !== '') blank = false;
      }
      if (blank || spec!.columns.every((c) => record[c.key] === c.example)) continue; // empty rows and the untouched example
      if (++total > MAX_ROWS) {
        problems.push({ sheet: spec!.name, row: row.number, column: '', message: `数据超过 ${MAX_ROWS} 行，请分文件导入` });
        return { sheets: emptySheets(), problems };
      }
      rows.push(record);
    }
  }
  for (const spec of ORG_SHEETS) if (!seen.has(spec.kind)) problems.push({ sheet: spec.name, row: 0, column: '', message: `缺少工作表“${spec.name}”（或其表头行）` });
  return { sheets, problems };
}

export type SheetData = { [K in SheetKind]?: Iterable<Partial<Omit<SheetRow<K>, 'row'>>> };

/**
 * Writes an org sheet: a 说明 sheet, then one sheet per level with its headers (required ones
 * marked *), codes kept as text, and either the given rows or one example row. Written whole, not
 * streamed: the zip exceljs's streaming writer makes (sizes after the data) cannot be read back by
 * its streaming reader, which Excel's own files can.
 */
export async function writeOrgWorkbook(target: { filename: string } | { stream: Writable }, data: SheetData | 'example'): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 12 }, { width: 16 }, { width: 8 }, { width: 60 }];
  guide.addRow(['幸福家园 组织架构与楼栋导入模板']);
  guide.addRow(['按表依次填写：区市 → 街道 → 社区 → 网格 → 物业公司 → 小区 → 楼栋。标 * 的列必填。各表示例行原样保留时不会导入。']);
  guide.addRow(['再次导入修改后的文件会按编码更新，不会重复；楼栋码由系统生成，一经分配不再改变。']);
  guide.addRow([]);
  guide.addRow(['工作表', '列', '必填', '说明']);
  for (const spec of ORG_SHEETS) for (const c of spec.columns as readonly ColumnSpec[]) guide.addRow([spec.name, c.header, c.required ? '是' : '', c.hint]);

  for (const spec of ORG_SHEETS) {
    const columns = spec.columns as readonly ColumnSpec[];
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ key: c.key, width: Math.max(12, c.header.length * 3), style: { numFmt: '@' } }));
    const header = sheet.addRow(columns.map((c) => (c.required ? `${c.header} *` : c.header)));
    header.font = { bold: true };
    const rows: Iterable<Record<string, string | undefined>> = data === 'example' ? [Object.fromEntries(columns.map((c) => [c.key, c.example]))] : ((data[spec.kind] ?? []) as Iterable<Record<string, string | undefined>>);
    for (const r of rows) sheet.addRow(columns.map((c) => r[c.key] ?? ''));
  }
  if ('stream' in target) await workbook.xlsx.write(target.stream);
  else await workbook.xlsx.writeFile(target.filename);
}

/** The rows as read, ready to write again, with each building's code filled in from `codes` (by Excel row). */
export function withBuildingCodes(sheets: OrgSheets, codes: ReadonlyMap<number, string>): SheetData {
  const strip = <T extends { row: number }>({ row: _row, ...rest }: T) => rest;
  return {
    districts: sheets.districts.map(strip),
    streets: sheets.streets.map(strip),
    communities: sheets.communities.map(strip),
    grids: sheets.grids.map(strip),
    propertyCompanies: sheets.propertyCompanies.map(strip),
    estates: sheets.estates.map(strip),
    buildings: sheets.buildings.map((b) => ({ ...strip(b), code: codes.get(b.row) ?? b.code })),
  };
}
