/**
 * Writes a ledger as .xlsx with exceljs's streaming writer: each row is committed (flushed to the
 * file) as soon as it is added and strings are inline (no shared-string table), so memory holds one
 * page of documents whatever the number of rows.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ExportSpec } from '../spec';

export const INFO_SHEET = '说明';

export interface LedgerInfo {
  unitName: string;
  range: string;
  filterText: string;
  requester: string;
  generatedAt: string;
}

/** Writes the header, then every row of every page; `progress` after each page. Returns the row count. */
export async function writeLedger<F, D extends { _id: string }>(
  file: string,
  spec: ExportSpec<F, D>,
  pages: AsyncIterable<D[]>,
  info: LedgerInfo,
  now: Date,
  progress: (rows: number) => Promise<void> = async () => undefined,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = '幸福家园';
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const page of pages) {
    for (const doc of page) {
      const values: CellValue[] = spec.columns.map((c) => c.value(doc, now));
      sheet.addRow(values).commit();
      rows += 1;
    }
    await progress(rows);
  }
  sheet.commit();
  const about = workbook.addWorksheet(INFO_SHEET);
  about.columns = [{ width: 12 }, { width: 50 }];
  for (const [k, v] of [
    ['台账', spec.sheetName],
    ['单位', info.unitName],
    ['范围', info.range],
    ['筛选', info.filterText],
    ['行数', rows],
    ['导出人', info.requester],
    ['导出时间', info.generatedAt],
  ] as const) about.addRow([k, v]).commit();
  about.commit();
  await workbook.commit();
  return rows;
}

/** Header texts and data rows of a written ledger's first sheet (for tests and the bench). */
export async function readLedger(bytes: Buffer | ArrayBuffer): Promise<{ headers: string[]; rows: CellValue[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const toRow = (r: ExcelJS.Row): CellValue[] => {
    const out: CellValue[] = [];
    for (let i = 1; i <= sheet.columnCount; i += 1) {
      const v = r.getCell(i).value;
      out.push(typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
    }
    return out;
  };
  const headers = toRow(sheet.getRow(1)).map((v) => String(v ?? ''));
  const rows: CellValue[][] = [];
  sheet.eachRow((r, n) => {
    if (n > 1) rows.push(toRow(r));
  });
  return { headers, rows };
}
