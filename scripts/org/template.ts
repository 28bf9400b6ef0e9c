/** `npm run org:template [-- <file.xlsx>]`: writes the empty org sheet (headers, one example row per sheet). */
import path from 'node:path';
import { writeOrgWorkbook } from '../../cloudfunctions/org/import/workbook';

const file = path.resolve(process.argv[2] ?? '组织架构导入模板.xlsx');
writeOrgWorkbook({ filename: file }, 'example').then(
  () => console.log(`已写入导入模板：${file}`),
  (error: unknown) => {
    console.error('写入模板失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
