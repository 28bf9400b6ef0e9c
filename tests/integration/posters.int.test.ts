/**
 * 一码通海报 through the real SDK and the local CloudBase: staff ask for a unit's posters, the
 * platform's timer draws the PDF, the requester downloads it; pdf.js reads every page back, jsQR decodes
 * every image, and each code opens its own building through org.resolveCode.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../types/contract';
import type { PosterBatchView } from '../../types/posters';
import type { FileJobTally } from '../../cloudfunctions/core/jobs/fileJobs';
import { responsePromise } from '../../cloudfunctions/posters/domain/promise';
import { parseScanCode } from '../../src/pages/scan/parseCode';
import { startTestCloud, type TestCloud } from '../support/cloud';
import { flat, readPdf, type PdfPage } from '../support/pdf';

jest.setTimeout(180_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const STAFF = 'demo-community-staff';

async function runTimer(): Promise<FileJobTally> {
  const { result } = await t.cloud.host.fireTimer('posters', 'generatePosters');
  const envelope = result as Envelope<FileJobTally>;
  if (!envelope.ok) throw new Error(`generatePosters failed: ${envelope.error.message}`);
  return envelope.data;
}

const batchesOf = async (openid: string) => (await t.db.collection('posterBatches').where({ 'requester.openid': openid }).count()).total;

async function codesOf(where: Record<string, string>): Promise<string[]> {
  const { data } = await t.db.collection('buildings').where(where).field({ code: true }).limit(1000).get();
  return (data as Array<{ code: string }>).map((b) => b.code).sort();
}

async function pdfOf(view: PosterBatchView, openid: string): Promise<{ bytes: Buffer; pages: PdfPage[] }> {
  const link = await t.ok(openid, 'posters', 'download', { id: view.id });
  expect(link.fileName).toBe(view.fileName);
  const res = await fetch(link.url);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, pages: await readPdf(bytes) };
}

/** Every decoded code, as the scan page reads a scanned link (`q`), resolved to its building. */
async function openEach(texts: string[]) {
  return Promise.all(
    texts.map(async (text) => {
      expect(text.startsWith(`${t.cloud.url}/#/pages/scan/index?`)).toBe(true);
      const code = parseScanCode({ q: encodeURIComponent(text) });
      expect(code).not.toBeNull();
      return t.ok('demo-resident', 'org', 'resolveCode', { code: code! });
    }),
  );
}

describe('posters: a community’s A4 posters', () => {
  let first: PosterBatchView;

  it('is queued for the community; a retry with the same requestId is the same batch', async () => {
    const input = { requestId: randomUUID(), unitId: 'c-haian', layout: 'a4' as const };
    first = await t.ok(STAFF, 'posters', 'request', input);
    expect(first).toMatchObject({ status: 'queued', statusLabel: '排队中', unitName: '海岸社区', unitLevel: 'community', layout: 'a4', done: 0, total: null });
    const again = await t.ok(STAFF, 'posters', 'request', input);
    expect(again.id).toBe(first.id);
    expect((await t.db.collection('posterBatches').where({ requestId: input.requestId }).count()).total).toBe(1);
  });

  it('the timer draws one A4 page per building; every QR opens its own building, whose name, grid worker and the promise are printed beside it', async () => {
    const codes = await codesOf({ communityId: 'c-haian' });
    expect(codes.length).toBeGreaterThanOrEqual(6);
    expect(await runTimer()).toMatchObject({ done: 1, failed: 0 });

    const mine = (await t.ok(STAFF, 'posters', 'list', {})).items.find((b) => b.id === first.id)!;
    expect(mine).toMatchObject({ status: 'done', statusLabel: '已完成', done: codes.length, total: codes.length, error: null, fileName: '一码通海报_海岸社区_A4.pdf' });

    const { bytes, pages } = await pdfOf(mine, STAFF);
    expect(pages).toHaveLength(codes.length);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
      expect(page.images).toHaveLength(1);
    }
    const texts = pages.map((p) => p.images[0].qr);
    expect(texts.every((q) => q !== null)).toBe(true);
    const places = await openEach(texts as string[]);
    expect(places.map((p) => p.building.code).sort()).toEqual(codes);

    const promise = responsePromise();
    places.forEach((place, i) => {
      const text = flat(pages[i].text);
      expect(place.community.name).toBe('海岸社区');
      expect(text).toContain(`${place.estate.name} ${place.building.name}`);
      expect(text).toContain(place.building.address);
      expect(text).toContain(`楼栋码 ${place.building.code}`);
      expect(text).toContain(`网格员：${place.grid.workerName} 电话：${place.grid.workerPhone}`);
      expect(text).toContain(`${place.community.name} · ${place.grid.name}`);
      expect(text).toContain('有呼必应');
      for (const line of promise.lines) expect(text).toContain(line);
    });
    // the known building of the demo resident, by name
    const first1 = places.find((p) => p.building.code === '370602B0001')!;
    expect(first1.grid.workerName).toBe('张丽');
    expect(pages[places.indexOf(first1)].text).toContain('海岸花园 1号楼');

    // the CJK font is embedded as a subset (a tagged name), not the 10 MB file
    const pdfText = bytes.toString('latin1');
    expect(pdfText).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(bytes.length).toBeLessThan(codes.length * 150_000);
  });

  it('a second run draws nothing again', async () => {
    const before = (await t.db.collection('posterBatches').doc(first.id).get()).data[0] as { fileId: string; finishedAt: Date; attempts: number };
    expect(await runTimer()).toMatchObject({ done: 0, scanned: 0 });
    const after = (await t.db.collection('posterBatches').doc(first.id).get()).data[0] as typeof before;
    expect(after).toEqual(before);
  });

  it('only the requester downloads it', async () => {
    const other = await t.call('demo-street', 'posters', 'download', { id: first.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('demo-street', 'posters', 'list', {})).items.some((b) => b.id === first.id)).toBe(false);
  });
});

describe('posters: a grid worker’s A5 two-up', () => {
  it('two posters to a landscape A4 page, every code decoded and opening a building of the grid', async () => {
    const view = await t.ok('demo-grid-worker', 'posters', 'request', { requestId: randomUUID(), layout: 'a5x2', unitId: 'g-haian-1' });
    expect(view).toMatchObject({ unitName: '海岸社区第一网格', layoutLabel: 'A5 两栋拼一张 A4' });
    expect(await runTimer()).toMatchObject({ done: 1, failed: 0 });
    const done = (await t.ok('demo-grid-worker', 'posters', 'list', {})).items.find((b) => b.id === view.id)!;
    const codes = await codesOf({ gridId: 'g-haian-1' });
    expect(done).toMatchObject({ status: 'done', done: codes.length });

    const { pages } = await pdfOf(done, 'demo-grid-worker');
    expect(pages).toHaveLength(Math.ceil(codes.length / 2));
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
    const images = pages.flatMap((p) => p.images);
    expect(images).toHaveLength(codes.length);
    const places = await openEach(images.map((i) => i.qr!));
    expect(places.map((p) => p.building.code).sort()).toEqual(codes);
    expect(places.every((p) => p.grid.id === 'g-haian-1' && p.grid.workerName === '张丽')).toBe(true);
    // each page carries its own two buildings' names
    places.forEach((place, i) => expect(pages[Math.floor(i / 2)].text).toContain(`${place.estate.name} ${place.building.name}`));
  });
});

describe('posters: who may ask, and for what', () => {
  it('two runs at once: one draws it, the other finds it taken', async () => {
    const view = await t.ok(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: 'g-haian-2', layout: 'a4' });
    const [a, b] = await Promise.all([runTimer(), runTimer()]);
    expect(a.done + b.done).toBe(1);
    expect(a.failed + b.failed).toBe(0);
    const doc = (await t.db.collection('posterBatches').doc(view.id).get()).data[0] as { status: string; attempts: number };
    expect(doc).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('another jurisdiction, a resident, a whole district and bad input are refused, and nothing is written', async () => {
    const before = await batchesOf(STAFF);
    const other = await t.call(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: 'c-shengli', layout: 'a4' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resident = await t.call('demo-resident', 'posters', 'request', { requestId: randomUUID(), unitId: 'c-haian', layout: 'a4' });
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const district = await t.call('demo-district', 'posters', 'request', { requestId: randomUUID(), unitId: 'd-370602', layout: 'a4' });
    expect(district).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unitId' }] } });
    const layout = await t.call(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: 'c-haian', layout: 'a3' as never });
    expect(layout).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'layout' }] } });
    const noUnit = await t.call(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: '', layout: 'a4' });
    expect(noUnit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unitId' }] } });
    expect(await batchesOf(STAFF)).toBe(before);
    expect(await batchesOf('demo-resident')).toBe(0);
    expect(await batchesOf('demo-district')).toBe(0);
  });

  it('a queued batch cannot be downloaded yet', async () => {
    const view = await t.ok(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: 'g-haian-3', layout: 'a4' });
    expect(await t.call(STAFF, 'posters', 'download', { id: view.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a unit without buildings fails with the reason, and the next run leaves it alone', async () => {
    await t.db.collection('orgUnits').add({ _id: 'g-haian-empty', level: 'grid', name: '海岸社区空网格', parentId: 'c-haian', path: ['d-370602', 's-xiangyang', 'c-haian', 'g-haian-empty'] });
    const view = await t.ok(STAFF, 'posters', 'request', { requestId: randomUUID(), unitId: 'g-haian-empty', layout: 'a4' });
    await runTimer();
    const failed = (await t.ok(STAFF, 'posters', 'list', {})).items.find((b) => b.id === view.id)!;
    expect(failed).toMatchObject({ status: 'failed', statusLabel: '失败', error: '海岸社区空网格还没有楼栋，请先导入组织架构' });
    expect(await runTimer()).toMatchObject({ scanned: 0 });
  });
});
