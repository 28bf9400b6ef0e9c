import { fileNameOf, toView, type PosterBatchDoc } from './model';

const doc: PosterBatchDoc = {
  _id: 'po1',
  requestId: 'r',
  requester: { openid: 'o', name: '刘洋' },
  status: 'running',
  rows: 3,
  total: 12,
  fileId: null,
  error: null,
  attempts: 1,
  dueAt: new Date('2026-05-01T02:15:00Z'),
  createdAt: new Date('2026-05-01T02:00:00Z'),
  startedAt: new Date('2026-05-01T02:00:05Z'),
  finishedAt: null,
  unitId: 'c-haian',
  unitName: '海岸 社区/一',
  unitLevel: 'community',
  layout: 'a5x2',
};

describe('poster batch model', () => {
  it('names the file by unit and layout, without characters a file system refuses', () => {
    expect(fileNameOf(doc)).toBe('一码通海报_海岸社区一_A5拼版.pdf');
    expect(fileNameOf({ ...doc, unitName: '海岸社区', layout: 'a4' })).toBe('一码通海报_海岸社区_A4.pdf');
  });

  it('shows progress as posters done of the buildings counted', () => {
    expect(toView(doc)).toMatchObject({ id: 'po1', statusLabel: '生成中', layoutLabel: 'A5 两栋拼一张 A4', done: 3, total: 12, createdAt: '2026-05-01T02:00:00.000Z', finishedAt: null });
  });
});
