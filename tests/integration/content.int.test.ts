/**
 * Content screening and photo ownership through the local stack: the router screens the fields an
 * action declares (`screen:`) with the local word list, before the handler writes anything.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppealCategory } from '../../types/appeals';
import { startTestCloud, type TestCloud } from '../support/cloud';

const TEXT_RISKY = '内容含有不适宜公开的信息，请修改后再提交';

// A copy of the shipped word list that this file may edit (instances read the path at start).
const wordsFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'jy-words-')), 'words.txt');
copyFileSync(path.join(__dirname, '../../cloudfunctions/core/content/words.txt'), wordsFile);
const ENV = { JIAYUAN_CONTENT_WORDS: wordsFile };
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));

let t: TestCloud;
beforeAll(async () => {
  Object.assign(process.env, ENV);
  t = await startTestCloud();
}, 120_000);
afterAll(async () => {
  await t?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

interface FileInput {
  category: AppealCategory;
  description: string;
  photos: string[];
}

const fileAs = (openid: string, input: Partial<FileInput> = {}) =>
  t.call(openid, 'appeals', 'create', {
    requestId: randomUUID(),
    buildingCode: '370602B0001',
    category: input.category ?? 'sanitation',
    description: input.description ?? '楼道里堆满了杂物，影响通行和消防安全',
    photos: input.photos ?? [],
    anonymous: false,
  });

const countAppeals = async () => (await t.db.collection('appeals').count()).total;
const storedScreening = async (id: string) => ((await t.db.collection('appeals').doc(id).get()).data[0] as { screening?: string }).screening;
/** A fileID in the test cloud's bucket. */
const fileId = (cloudPath: string) => t.cloud.storage.fileId(cloudPath);

describe('text screening (create, rate, reply)', () => {
  it('a risky description is INVALID_INPUT on `description` with a clear message, and nothing is written', async () => {
    const before = await countAppeals();
    const outboxBefore = (await t.db.collection('outbox').count()).total;
    const res = await fileAs('demo-resident', { description: '楼下车库天天有人聚众赌博，吵得没法睡' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: TEXT_RISKY, issues: [{ path: 'description', message: TEXT_RISKY }] } });
    expect(await countAppeals()).toBe(before);
    expect((await t.db.collection('outbox').count()).total).toBe(outboxBefore);
  });

  it('a review word is stored with screening review; a clean one with pass', async () => {
    const held = await fileAs('demo-resident', { description: '物业让我们加微信私下交费，不开收据' });
    expect(held).toMatchObject({ ok: true });
    if (held.ok) expect(await storedScreening(held.data.id)).toBe('review');
    const clean = await fileAs('demo-resident', { description: '3单元楼道灯坏了一周，晚上很黑' });
    expect(clean).toMatchObject({ ok: true });
    if (clean.ok) expect(await storedScreening(clean.data.id)).toBe('pass');
  });

  it('the word list can be edited while the cloud runs', async () => {
    const word = `测试词${Date.now()}`;
    writeFileSync(wordsFile, `${readFileSync(wordsFile, 'utf8')}\nrisky:${word}\n`);
    const res = await fileAs('demo-resident', { description: `楼道里有${word}的传单` });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'description' }] } });
  });

  it('a risky rating comment and a risky staff reply are refused on their fields', async () => {
    const a = await fileAs('demo-resident');
    if (!a.ok) throw new Error(a.error.message);
    const rate = await t.call('demo-resident', 'appeals', 'rate', { id: a.data.id, rating: 'satisfied', comment: '办得好，下次一起赌博' });
    expect(rate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'comment', message: TEXT_RISKY }] } });
    const reply = await t.call('demo-grid-worker', 'appeals', 'reply', { id: a.data.id, text: '可以帮你代开发票', photos: [] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'text', message: TEXT_RISKY }] } });
    const detail = await t.ok('demo-resident', 'appeals', 'detail', { id: a.data.id });
    expect(detail.version).toBe(1);
  });
});

describe('photos (create)', () => {
  it('accepts the caller’s own uploads in this environment', async () => {
    const res = await fileAs('demo-resident', { photos: [fileId('uploads/demo-resident/a.jpg'), fileId('uploads/demo-resident/2024/b.png')] });
    expect(res).toMatchObject({ ok: true });
  });

  it('refuses another person’s upload on its path, and writes nothing', async () => {
    const before = await countAppeals();
    const res = await fileAs('demo-resident', { photos: [fileId('uploads/demo-resident/a.jpg'), fileId('uploads/demo-resident-2/x.jpg')] });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'photos.1', message: '只能使用自己上传的图片，请重新上传' }] },
    });
    expect(await countAppeals()).toBe(before);
  });

  it('refuses a file of another environment, and one outside the uploads folder', async () => {
    const other = 'cloud://prod-9z8y7x.7072-prod-9z8y7x-1258717764/uploads/demo-resident/a.jpg';
    const res = await fileAs('demo-resident', { photos: [other, fileId('posters/370602B0001.png')] });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [
          { path: 'photos.0', message: '图片不在本小程序的云存储中，请重新上传' },
          { path: 'photos.1', message: '只能使用自己上传的图片，请重新上传' },
        ],
      },
    });
  });

  it('locally, an image whose name is on the word list is refused like text', async () => {
    const res = await fileAs('demo-resident', { photos: [fileId('uploads/demo-resident/赌博现场.jpg')] });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'photos.0', message: '图片含有不适宜公开的信息，请更换后再提交' }] } });
  });
});
