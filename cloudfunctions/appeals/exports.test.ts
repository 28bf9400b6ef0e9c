import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeLedger, readLedger } from '../ledger/domain/workbook';
import { actors, appeal, T0 } from './domain/fixtures';
import { appealFilterText, appealsExport, overdueText, SUMMARY_MAX, timelineSummary, type ExportedAppeal } from './exports';

const now = new Date('2026-03-20T10:00:00+08:00');
const row = (a: ExportedAppeal) => Object.fromEntries(appealsExport.columns.map((c) => [c.header, c.value(a, now)]));

describe('appeals ledger rows', () => {
  test('the headers the 台账 asks for, in order', () => {
    expect(appealsExport.columns.map((c) => c.header)).toEqual([
      '编号', '类别', '社区', '网格', '地点', '问题描述', '提交时间', '状态', '当前办理单位', '当前办理人', '首问负责人', '时限', '是否超时', '办结时间', '升级次数', '处理过程摘要', '评价', '评价意见',
    ]);
  });

  test('an open appeal past its clock: holder, handler, Shanghai times, 已超时', () => {
    const a = appeal({ status: 'processing', handler: { openid: 'gw1', name: '张网格' }, firstResponder: { openid: 'gw1', name: '张网格' }, dueAt: new Date('2026-03-13T09:00:00+08:00') });
    expect(row(a)).toMatchObject({
      编号: 'YT20260310-A1',
      类别: '环境卫生',
      社区: '幸福里社区',
      网格: '幸福里第一网格',
      地点: '幸福里1号楼 芝罘区幸福路1号',
      提交时间: '2026-03-10 09:00',
      状态: '办理中',
      当前办理单位: '幸福里第一网格',
      当前办理人: '张网格',
      首问负责人: '张网格',
      时限: '办结 2026-03-13 09:00',
      是否超时: '已超时',
      办结时间: '',
      评价: '',
    });
  });

  test('a pending appeal shows its 响应 clock; within it, not overdue', () => {
    const a = appeal({ dueAt: new Date('2026-03-21T09:00:00+08:00') });
    expect(row(a)).toMatchObject({ 状态: '待受理', 时限: '响应 2026-03-10 13:00', 是否超时: '否', 当前办理人: '' });
  });

  test('closed: no current holder, resolved late is 超期办结, the rating and its comment', () => {
    const resolvedAt = new Date('2026-03-16T15:00:00+08:00');
    const a = appeal({ status: 'closed', dueAt: null, firstResolvedAt: resolvedAt, resolvedAt, rating: { value: 'basically_satisfied', comment: '处理及时', at: now } });
    expect(row(a)).toMatchObject({ 状态: '已完结', 当前办理单位: '', 是否超时: '超期办结', 办结时间: '2026-03-16 15:00', 评价: '基本满意', 评价意见: '处理及时' });
    expect(overdueText({ ...a, firstResolvedAt: new Date('2026-03-12T10:00:00+08:00') }, now)).toBe('否');
  });

  test('the timeline summary: one line per step with who and what, noise left out, capped', () => {
    const entries: ExportedAppeal['timeline'] = [
      { at: T0, kind: 'filed', actor: { kind: 'resident', openid: 'r1', name: '王秀英' }, text: null, photos: [], meta: null },
      { at: new Date('2026-03-10T09:30:00+08:00'), kind: 'followed', actor: { kind: 'resident', openid: 'r2', name: '李四' }, text: null, photos: [], meta: null },
      { at: new Date('2026-03-10T10:02:00+08:00'), kind: 'claimed', actor: { kind: 'staff', openid: 'gw1', name: actors.grid.name }, text: null, photos: [], meta: null },
      { at: new Date('2026-03-10T11:00:00+08:00'), kind: 'replied', actor: { kind: 'staff', openid: 'gw1', name: '张网格' }, text: '已联系物业\n明天清理', photos: [], meta: null },
      { at: new Date('2026-03-13T09:00:00+08:00'), kind: 'escalated', actor: { kind: 'system', name: '系统' }, text: null, photos: [], meta: null },
    ];
    expect(timelineSummary(entries)).toBe(
      ['03-10 09:00 受理（王秀英）', '03-10 10:02 签收（张网格）', '03-10 11:00 回复（张网格）：已联系物业 明天清理', '03-13 09:00 升级'].join('\n'),
    );
    const long = Array.from({ length: 200 }, () => entries[3]);
    const summary = timelineSummary(long);
    expect(summary.length).toBe(SUMMARY_MAX);
    expect(summary.endsWith('…')).toBe(true);
  });

  test('filters in words', () => {
    expect(appealFilterText({})).toBe('全部');
    expect(appealFilterText({ status: 'processing', category: 'elevator', overdue: true })).toBe('办理中 · 电梯故障 · 已超时');
  });
});

describe('the streamed workbook reads back', () => {
  test('header, one row per document across pages, the info sheet', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ledger-unit-')), 'a.xlsx');
    async function* pages() {
      yield [appeal({ _id: 'a1', no: 'N1' }), appeal({ _id: 'a2', no: 'N2' })];
      yield [appeal({ _id: 'a3', no: 'N3', escalationCount: 2 })];
    }
    const progress: number[] = [];
    const rows = await writeLedger(file, appealsExport, pages(), { unitName: '幸福里社区', range: '2026-03-01 至 2026-03-31', filterText: '全部', requester: '刘社工', generatedAt: '2026-03-20 10:00' }, now, async (n) => {
      progress.push(n);
    });
    expect(rows).toBe(3);
    expect(progress).toEqual([2, 3]);
    const back = await readLedger(readFileSync(file));
    expect(back.headers).toEqual(appealsExport.columns.map((c) => c.header));
    expect(back.rows.map((r) => r[0])).toEqual(['N1', 'N2', 'N3']);
    expect(back.rows[2][14]).toBe(2);
  });
});
