import { parseUnits, validateOrgSheets } from './validate';
import { sampleSheets } from './fixtures';

describe('validateOrgSheets', () => {
  it('resolves every reference and derives ids, paths and addresses from codes', () => {
    const result = validateOrgSheets(sampleSheets());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { draft } = result;
    expect(draft.grids[0]).toMatchObject({ id: 'g-370602-G1', parentId: 'c-370602-001001', path: ['d-370602', 's-370602-001', 'c-370602-001001', 'g-370602-G1'] });
    expect(draft.estates[0]).toEqual({ row: 2, id: 'e-370602-HA', code: 'HA', name: '海岸花园', communityId: 'c-370602-001001', propertyCompanyId: 'pc-AJ', divisionCode: '370602' });
    expect(draft.buildings[0]).toMatchObject({ gridId: 'g-370602-G1', districtId: 'd-370602', address: '烟台市芝罘区向阳街道海岸花园1号楼', units: ['1单元', '2单元'] });
    expect(draft.buildings[1]).toMatchObject({ address: '海岸路 2 号', units: ['东单元', '西单元'] });
  });

  it('reports duplicate codes, unknown parents, a building without a grid and missing fields by sheet, row and column', () => {
    const sheets = sampleSheets();
    sheets.grids.push({ row: 4, code: 'G1', name: '重复网格', community: '001001' });
    sheets.grids.push({ row: 5, code: 'G9', name: '外来网格', community: '999' });
    sheets.estates.push({ row: 3, code: 'YG', name: '', community: '001001', propertyCompany: 'NONE' });
    sheets.buildings.push({ row: 4, estate: 'HA', name: '3号楼', grid: '', units: '', address: '', code: '' });
    const result = validateOrgSheets(sheets);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('the sheets should not validate');
    expect(result.problems).toEqual([
      { sheet: '网格', row: 4, column: '网格编码', message: '网格编码“G1”与第 2 行重复' },
      { sheet: '网格', row: 5, column: '所属社区编码', message: '所属社区编码“999”在“社区”表中不存在' },
      { sheet: '小区', row: 3, column: '小区名称', message: '缺少小区名称' },
      { sheet: '小区', row: 3, column: '物业编码', message: '物业编码“NONE”在“物业公司”表中不存在' },
      { sheet: '楼栋', row: 4, column: '网格编码', message: '楼栋必须填写所属网格（网格编码）' },
    ]);
  });

  it('refuses a division code of another city, a grid of another community and a repeated building', () => {
    const sheets = sampleSheets();
    sheets.districts.push({ row: 3, divisionCode: '110101', name: '东城区', phone: '' });
    sheets.communities.push({ row: 3, code: '001002', name: '胜利路社区', street: '001', phone: '' });
    sheets.grids.push({ row: 4, code: 'S1', name: '胜利第一网格', community: '001002' });
    sheets.buildings.push({ row: 4, estate: 'HA', name: '9号楼', grid: 'S1', units: '', address: '', code: '' });
    sheets.buildings.push({ row: 5, estate: 'HA', name: '1号楼', grid: 'G1', units: '0', address: '', code: '' });
    const result = validateOrgSheets(sheets);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => `${p.sheet}!${p.row}!${p.column}!${p.message}`)).toEqual([
      '区市!3!区划代码!区划代码“110101”不属于烟台市（应以 3706 开头）',
      '楼栋!4!网格编码!网格“S1”属于胜利路社区，小区“HA”属于海岸社区，应在同一社区',
      '楼栋!5!楼栋名称!小区“海岸花园”中已有楼栋“1号楼”（第 2 行）',
      '楼栋!5!单元!单元数应为 1 到 99',
    ]);
  });

  it('checks building codes written in the sheet: format, district and repeats', () => {
    const sheets = sampleSheets();
    sheets.buildings[0].code = '370602b0001';
    sheets.buildings[1].code = '370602B0001';
    sheets.buildings.push({ row: 4, estate: 'HA', name: '3号楼', grid: 'G1', units: '', address: '', code: '370611B0001' });
    sheets.buildings.push({ row: 5, estate: 'HA', name: '4号楼', grid: 'G1', units: '', address: '', code: 'X1' });
    const result = validateOrgSheets(sheets);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => [p.row, p.message])).toEqual([
      [3, '楼栋码“370602B0001”与第 2 行重复'],
      [4, '楼栋码“370611B0001”不属于区划 370602'],
      [5, '楼栋码“X1”格式不正确；新楼栋请留空，由系统生成'],
    ]);
  });

  it('asks for at least one district', () => {
    const result = validateOrgSheets({ ...sampleSheets(), districts: [], streets: [], communities: [], grids: [], estates: [], buildings: [] });
    expect(result).toEqual({ ok: false, problems: [{ sheet: '区市', row: 0, column: '', message: '“区市”表至少需要一行（示例行原样保留时不会导入）' }] });
  });
});

describe('parseUnits', () => {
  it('reads a count or a list of names', () => {
    expect(parseUnits('')).toEqual([]);
    expect(parseUnits('3')).toEqual(['1单元', '2单元', '3单元']);
    expect(parseUnits('A座, B座；C座')).toEqual(['A座', 'B座', 'C座']);
    expect(parseUnits('1单元、1单元')).toBe('单元名称有重复');
  });
});
