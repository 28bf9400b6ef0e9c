/**
 * 台账导出 through the real SDK and the local CloudBase: a community worker asks for the appeals
 * ledger, the platform's timer writes it, the requester downloads it and the file reads back.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../types/contract';
import type { ExportView } from '../../types/ledger';
import type { GenerateResult } from '../../cloudfunctions/ledger/jobs/generateExports';
import { readLedger } from '../../cloudfunctions/ledger/domain/workbook';
import { appealsExport } from '../../cloudfunctions/appeals/exports';
import { bookingsExport } from '../../cloudfunctions/booking/exports';
import { councilMattersExport } from '../../cloudfunctions/council/exports';
import { volunteerHoursExport } from '../../cloudfunctions/volunteer/exports';
import { shanghaiDay } from '../../cloudfunctions/core/time/workingTime';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const STAFF = 'demo-community-staff';
const today = shanghaiDay(new Date());
const monthAgo = shanghaiDay(new Date(Date.now() - 30 * 86_400_000));
const range = { from: `${monthAgo}T00:00:00+08:00`, to: new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000) };

async function runTimer(): Promise<GenerateResult> {
  const { result } = await t.cloud.host.fireTimer('ledger', 'generateExports');
  const envelope = result as Envelope<GenerateResult>;
  if (!envelope.ok) throw new Error(`generateExports failed: ${envelope.error.message}`);
  return envelope.data;
}

const exportsOf = async (openid: string) => (await t.db.collection('exports').where({ 'requester.openid': openid }).count()).total;

async function appealsIn(communityId: string, extra: Record<string, unknown> = {}): Promise<number> {
  const _ = t.db.command;
  const { total } = await t.db
    .collection('appeals')
    .where({ 'place.communityId': communityId, filedAt: _.gte(new Date(range.from)).and(_.lt(range.to)), ...extra })
    .count();
  return total;
}

async function fileOf(view: ExportView, openid = STAFF) {
  const link = await t.ok(openid, 'ledger', 'download', { id: view.id });
  const res = await fetch(link.url);
  expect(res.status).toBe(200);
  return { link, sheet: await readLedger(Buffer.from(await res.arrayBuffer())) };
}

describe('ledger: appeals export', () => {
  let known: { id: string; no: string };
  let first: ExportView;

  beforeAll(async () => {
    // A known appeal in 海岸社区, claimed and answered by its grid worker.
    const a = await t.ok('demo-resident', 'appeals', 'create', {
      requestId: randomUUID(),
      buildingCode: '370602B0001',
      category: 'sanitation',
      description: '楼道里堆满了杂物，影响通行和消防安全',
      photos: [],
      anonymous: false,
    });
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-grid-worker', 'appeals', 'reply', { id: a.id, text: '已联系物业，明天清理', photos: [] });
    known = { id: a.id, no: a.no };
  }, 60_000);

  it('is queued for the caller’s community; a retry with the same requestId is the same export', async () => {
    const requestId = randomUUID();
    const input = { kind: 'appeals' as const, requestId, from: monthAgo, to: today, filters: {} };
    first = await t.ok(STAFF, 'ledger', 'request', input);
    expect(first).toMatchObject({ status: 'queued', statusLabel: '排队中', unitName: '海岸社区', kindLabel: '诉求台账', filterText: '全部', rows: 0 });
    const again = await t.ok(STAFF, 'ledger', 'request', input);
    expect(again.id).toBe(first.id);
    expect((await t.db.collection('exports').where({ requestId }).count()).total).toBe(1);
  });

  it('the timer writes it; the file reads back with the headers, every appeal of the community and the known one’s values', async () => {
    const expected = await appealsIn('c-haian');
    expect(expected).toBeGreaterThanOrEqual(1);
    const tally = await runTimer();
    expect(tally).toMatchObject({ done: 1, failed: 0 });

    const page = await t.ok(STAFF, 'ledger', 'list', {});
    const mine = page.items.find((e) => e.id === first.id)!;
    expect(mine).toMatchObject({ status: 'done', statusLabel: '已完成', rows: expected, total: expected, error: null });
    expect(mine.fileName).toBe(`诉求台账_海岸社区_${monthAgo}至${today}.xlsx`);

    const { link, sheet } = await fileOf(mine);
    expect(link.fileName).toBe(mine.fileName);
    expect(sheet.headers).toEqual(appealsExport.columns.map((c) => c.header));
    expect(sheet.rows).toHaveLength(expected);
    const col = (h: string) => sheet.headers.indexOf(h);
    const row = sheet.rows.find((r) => r[col('编号')] === known.no)!;
    expect(row).toBeDefined();
    expect(row[col('类别')]).toBe('环境卫生');
    expect(row[col('社区')]).toBe('海岸社区');
    expect(row[col('状态')]).toBe('办理中');
    expect(row[col('当前办理人')]).toBe('张丽');
    expect(row[col('首问负责人')]).toBe('张丽');
    expect(String(row[col('时限')])).toMatch(/^办结 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[col('是否超时')]).toBe('否');
    expect(String(row[col('处理过程摘要')])).toContain('签收（张丽）');
    expect(String(row[col('处理过程摘要')])).toContain('回复（张丽）：已联系物业，明天清理');
    // filing order
    const filed = sheet.rows.map((r) => String(r[col('提交时间')]));
    expect([...filed].sort()).toEqual(filed);
  });

  it('a second run does not write it again', async () => {
    const before = (await t.db.collection('exports').doc(first.id).get()).data[0] as { fileId: string; finishedAt: Date; attempts: number };
    const tally = await runTimer();
    expect(tally).toMatchObject({ done: 0, scanned: 0 });
    const after = (await t.db.collection('exports').doc(first.id).get()).data[0] as typeof before;
    expect(after).toEqual(before);
  });

  it('two runs at once: one writes it, the other finds it taken', async () => {
    const view = await t.ok(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    const [a, b] = await Promise.all([runTimer(), runTimer()]);
    expect(a.done + b.done).toBe(1);
    expect(a.failed + b.failed).toBe(0);
    const doc = (await t.db.collection('exports').doc(view.id).get()).data[0] as { status: string; attempts: number };
    expect(doc).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a run that died: once its lease is over the next run writes the file', async () => {
    const view = await t.ok(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    const past = new Date(Date.now() - 60_000);
    await t.db.collection('exports').doc(view.id).update({ status: 'running', attempts: 1, startedAt: past, dueAt: past });
    expect(await runTimer()).toMatchObject({ done: 1 });
    const doc = (await t.db.collection('exports').doc(view.id).get()).data[0] as { status: string; attempts: number; rows: number };
    expect(doc).toMatchObject({ status: 'done', attempts: 2, rows: await appealsIn('c-haian') });
  });

  it('filters as in the inbox: only the appeals in that status', async () => {
    const view = await t.ok(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: monthAgo, to: today, filters: { status: 'processing', category: 'sanitation' } });
    expect(view.filterText).toBe('办理中 · 环境卫生');
    await runTimer();
    const { sheet } = await fileOf(view);
    expect(sheet.rows).toHaveLength(await appealsIn('c-haian', { status: 'processing', category: 'sanitation' }));
    expect(sheet.rows.every((r) => r[sheet.headers.indexOf('状态')] === '办理中')).toBe(true);
    expect(sheet.rows.some((r) => r[0] === known.no)).toBe(true);
  });

  it('another jurisdiction’s unit is refused, and nothing is written', async () => {
    const before = await exportsOf(STAFF);
    const res = await t.call(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), unitId: 'c-shengli', from: monthAgo, to: today, filters: {} });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resident = await t.call('demo-resident', 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await exportsOf(STAFF)).toBe(before);
    expect(await exportsOf('demo-resident')).toBe(0);
  });

  it('only the requester downloads it', async () => {
    const other = await t.call('demo-street', 'ledger', 'download', { id: first.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await t.ok('demo-street', 'ledger', 'list', {});
    expect(list.items.some((e) => e.id === first.id)).toBe(false);
  });

  it('bad input is a typed error with the field, and nothing is written', async () => {
    const before = await exportsOf(STAFF);
    const backwards = await t.call(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: today, to: monthAgo, filters: {} });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'from' }] } });
    const tooLong = await t.call(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: '2024-01-01', to: '2025-06-01', filters: {} });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'to' }] } });
    const badFilter = await t.call(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: monthAgo, to: today, filters: { status: 'lost' as never } });
    expect(badFilter).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'filters.status' }] } });
    const badKind = await t.call(STAFF, 'ledger', 'request', { kind: 'payroll' as never, requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    expect(badKind).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notDone = await t.call(STAFF, 'ledger', 'download', { id: '' });
    expect(notDone).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await exportsOf(STAFF)).toBe(before);
  });

  it('a queued export cannot be downloaded yet', async () => {
    const view = await t.ok(STAFF, 'ledger', 'request', { kind: 'appeals', requestId: randomUUID(), from: today, to: today, filters: {} });
    const res = await t.call(STAFF, 'ledger', 'download', { id: view.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('ledger: bookings export', () => {
  it('a grid worker’s bookings ledger is the community’s: every booking of 海岸社区 for days in the range', async () => {
    const to = shanghaiDay(new Date(Date.now() + 60 * 86_400_000));
    const view = await t.ok('demo-grid-worker', 'ledger', 'request', { kind: 'bookings', requestId: randomUUID(), from: monthAgo, to, filters: {} });
    expect(view).toMatchObject({ kindLabel: '预约台账', unitName: '海岸社区', status: 'queued' });
    expect(await runTimer()).toMatchObject({ failed: 0 }); // with any export left queued above
    const _ = t.db.command;
    const { total } = await t.db
      .collection('bookings')
      .where({ communityId: 'c-haian', status: _.neq('void'), 'slot.start': _.gte(new Date(`${monthAgo}T00:00:00+08:00`)).and(_.lt(new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000))) })
      .count();
    const { sheet } = await fileOf(view, 'demo-grid-worker');
    expect(sheet.headers).toEqual(bookingsExport.columns.map((c) => c.header));
    expect(sheet.rows).toHaveLength(total);
    const col = (h: string) => sheet.headers.indexOf(h);
    for (const r of sheet.rows) {
      expect(String(r[col('预约码')])).toMatch(/^\d{6}$/);
      expect(r[col('社区')]).toBe('海岸社区');
      expect(String(r[col('日期时段')])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}-\d{2}:\d{2}$/);
    }
    const slots = sheet.rows.map((r) => String(r[col('日期时段')]));
    expect([...slots].sort()).toEqual(slots);
  });

  it('bad booking filters are refused', async () => {
    const res = await t.call(STAFF, 'ledger', 'request', { kind: 'bookings', requestId: randomUUID(), from: monthAgo, to: today, filters: { category: 'elevator' } as never });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('ledger: council matters export', () => {
  it('the community’s matters raised in the range, oldest first, with stage and turnout; a street sees its communities’', async () => {
    const _ = t.db.command;
    const inRange = { createdAt: _.gte(new Date(`${monthAgo}T00:00:00+08:00`)).and(_.lt(range.to)) };
    const { total } = await t.db.collection('councilMatters').where({ communityId: 'c-haian', ...inRange }).count();
    expect(total).toBeGreaterThan(0);

    const view = await t.ok(STAFF, 'ledger', 'request', { kind: 'councilMatters', requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    expect(view).toMatchObject({ kindLabel: '议事台账', unitName: '海岸社区', filterText: '全部', status: 'queued' });
    const street = await t.ok('demo-street', 'ledger', 'request', { kind: 'councilMatters', requestId: randomUUID(), from: monthAgo, to: today, filters: { stage: 'voting' } });
    expect(street).toMatchObject({ unitName: '向阳街道', filterText: '表决中' });
    expect(await runTimer()).toMatchObject({ failed: 0 });

    const { sheet } = await fileOf(view);
    expect(sheet.headers).toEqual(councilMattersExport.columns.map((c) => c.header));
    expect(sheet.rows).toHaveLength(total);
    const col = (h: string) => sheet.headers.indexOf(h);
    const times = sheet.rows.map((r) => String(r[col('提出时间')]));
    expect([...times].sort()).toEqual(times);
    for (const r of sheet.rows) {
      expect(r[col('社区')]).toBe('海岸社区');
      expect(String(r[col('提出')])).not.toMatch(/\d+室|\d{3,4}$/); // a building at most, never a room
    }

    const voting = await t.db.collection('councilMatters').where({ streetId: 's-xiangyang', stage: 'voting', ...inRange }).count();
    const streetFile = await fileOf(street, 'demo-street');
    expect(streetFile.sheet.rows).toHaveLength(voting.total);
    for (const r of streetFile.sheet.rows) expect(r[streetFile.sheet.headers.indexOf('阶段')]).toBe('表决中');
  }, 90_000);

  it('bad council filters are refused, and nothing is queued', async () => {
    const before = await exportsOf(STAFF);
    const res = await t.call(STAFF, 'ledger', 'request', { kind: 'councilMatters', requestId: randomUUID(), from: monthAgo, to: today, filters: { stage: 'finished' } as never });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await exportsOf(STAFF)).toBe(before);
  });
});

describe('ledger: volunteer hours export', () => {
  it('a grid worker’s is the community’s service records of activities held in the range; a street’s by type', async () => {
    const _ = t.db.command;
    const held = { start: _.gte(new Date(`${monthAgo}T00:00:00+08:00`)).and(_.lt(range.to)) };
    const { total } = await t.db.collection('volunteerRecords').where({ communityId: 'c-haian', ...held }).count();
    expect(total).toBeGreaterThan(0); // the seed's past activities of 李建国

    const view = await t.ok('demo-grid-worker', 'ledger', 'request', { kind: 'volunteerHours', requestId: randomUUID(), from: monthAgo, to: today, filters: {} });
    expect(view).toMatchObject({ kindLabel: '志愿服务台账', unitName: '海岸社区', filterText: '全部' });
    const street = await t.ok('demo-street', 'ledger', 'request', { kind: 'volunteerHours', requestId: randomUUID(), from: monthAgo, to: today, filters: { type: 'safety' } });
    expect(street).toMatchObject({ unitName: '向阳街道', filterText: '邻里安' });
    expect(await runTimer()).toMatchObject({ failed: 0 });

    const { sheet } = await fileOf(view, 'demo-grid-worker');
    expect(sheet.headers).toEqual(volunteerHoursExport.columns.map((c) => c.header));
    expect(sheet.rows).toHaveLength(total);
    const col = (h: string) => sheet.headers.indexOf(h);
    for (const r of sheet.rows) {
      expect(r[col('社区')]).toBe('海岸社区');
      expect(r[col('姓名')]).toBe('李建国');
      expect(Number(r[col('服务时长（分钟）')])).toBeGreaterThan(0);
    }
    const times = sheet.rows.map((r) => String(r[col('活动时间')]));
    expect([...times].sort()).toEqual(times);

    const safety = await t.db.collection('volunteerRecords').where({ communityPath: 's-xiangyang', 'activity.type': 'safety', ...held }).count();
    const streetFile = await fileOf(street, 'demo-street');
    expect(streetFile.sheet.rows).toHaveLength(safety.total);
    for (const r of streetFile.sheet.rows) expect(r[streetFile.sheet.headers.indexOf('类型')]).toBe('邻里安');
  }, 90_000);

  it('bad volunteer filters are refused, and nothing is queued', async () => {
    const before = await exportsOf(STAFF);
    const res = await t.call(STAFF, 'ledger', 'request', { kind: 'volunteerHours', requestId: randomUUID(), from: monthAgo, to: today, filters: { type: 'party' } as never });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await exportsOf(STAFF)).toBe(before);
  });
});
