/**
 * The org sheet a district fills in: one worksheet per level, top down, each row keyed by a code the
 * district chooses. The template writer, the reader and the problems all speak of these headers.
 */
import type { OrgImportKind } from '../../../types/org';

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  /** What the 说明 sheet says about the column. */
  hint: string;
  /** The template's example row. */
  example: string;
}

export interface SheetSpec {
  kind: OrgImportKind;
  name: string;
  columns: readonly ColumnSpec[];
}

const col = <K extends string>(key: K, header: string, required: boolean, hint: string, example: string): ColumnSpec & { key: K } => ({ key, header, required, hint, example });

const CODE_HINT = '字母、数字、- 或 _，不超过 24 位；导入后不要更改';

export const ORG_SHEETS = [
  {
    kind: 'districts',
    name: '区市',
    columns: [
      col('divisionCode', '区划代码', true, '6 位行政区划代码，以 3706 开头', '370602'),
      col('name', '名称', true, '区市名称', '芝罘区'),
      col('phone', '联系电话', false, '区市指挥中心电话', '0535-6231234'),
    ],
  },
  {
    kind: 'streets',
    name: '街道',
    columns: [
      col('code', '街道编码', true, CODE_HINT, '001'),
      col('name', '街道名称', true, '街道（镇）名称', '向阳街道'),
      col('district', '所属区划代码', true, '“区市”表中的区划代码', '370602'),
      col('phone', '联系电话', false, '街道分中心电话', '0535-6600100'),
    ],
  },
  {
    kind: 'communities',
    name: '社区',
    columns: [
      col('code', '社区编码', true, CODE_HINT, '001001'),
      col('name', '社区名称', true, '社区名称', '海岸社区'),
      col('street', '所属街道编码', true, '“街道”表中的街道编码', '001'),
      col('phone', '联系电话', false, '社区工作站电话', '0535-6601101'),
    ],
  },
  {
    kind: 'grids',
    name: '网格',
    columns: [
      col('code', '网格编码', true, CODE_HINT, '00100101'),
      col('name', '网格名称', true, '网格名称', '海岸社区第一网格'),
      col('community', '所属社区编码', true, '“社区”表中的社区编码', '001001'),
    ],
  },
  {
    kind: 'propertyCompanies',
    name: '物业公司',
    columns: [
      col('code', '物业编码', true, `建议用统一社会信用代码；${CODE_HINT}`, '91370602AJWY0001XX'),
      col('name', '物业名称', true, '物业服务企业名称', '安居物业服务有限公司'),
      col('phone', '联系电话', false, '物业服务电话', '0535-6888001'),
    ],
  },
  {
    kind: 'estates',
    name: '小区',
    columns: [
      col('code', '小区编码', true, CODE_HINT, 'HAHY'),
      col('name', '小区名称', true, '小区名称', '海岸花园'),
      col('community', '所属社区编码', true, '“社区”表中的社区编码', '001001'),
      col('propertyCompany', '物业编码', false, '“物业公司”表中的物业编码；无物业的小区留空', '91370602AJWY0001XX'),
    ],
  },
  {
    kind: 'buildings',
    name: '楼栋',
    columns: [
      col('estate', '小区编码', true, '“小区”表中的小区编码', 'HAHY'),
      col('name', '楼栋名称', true, '同一小区内不重名，如 1号楼', '1号楼'),
      col('grid', '网格编码', true, '“网格”表中的网格编码，须与小区同属一个社区', '00100101'),
      col('units', '单元', false, '单元数（如 3）或单元名称（如 1单元、2单元）', '3'),
      col('address', '地址', false, '留空则按“市区街道小区楼栋”生成', ''),
      col('code', '楼栋码', false, '系统生成，首次导入留空；已有楼栋码的楼栋不可更改', ''),
    ],
  },
] as const satisfies readonly SheetSpec[];

export type SheetKind = (typeof ORG_SHEETS)[number]['kind'];
export type KeysOf<K extends SheetKind> = Extract<(typeof ORG_SHEETS)[number], { kind: K }>['columns'][number]['key'];

/** A data row as read: the Excel row number and each known column's trimmed text ('' when empty). */
export type SheetRow<K extends SheetKind = SheetKind> = { row: number } & Record<KeysOf<K>, string>;

export type OrgSheets = { [K in SheetKind]: Array<SheetRow<K>> };

export const sheetOf = <K extends SheetKind>(kind: K): Extract<(typeof ORG_SHEETS)[number], { kind: K }> =>
  ORG_SHEETS.find((s) => s.kind === kind) as Extract<(typeof ORG_SHEETS)[number], { kind: K }>;

export const headerOf = (kind: SheetKind, key: string): string => (sheetOf(kind).columns as readonly ColumnSpec[]).find((c) => c.key === key)?.header ?? key;
