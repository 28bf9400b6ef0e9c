import { actors, appeal } from './fixtures';
import { maskName, maskPhone, publicResidentName, toDetail, toInboxItem } from './views';

const now = new Date('2026-03-10T12:30:00+08:00');
const grid = { openid: 'gw1', name: '张网格' };

describe('masking', () => {
  test('phone and name', () => {
    expect(maskPhone('13905351234')).toBe('139****1234');
    expect(maskPhone('0535-6601101')).toBe('053*****1101');
    expect(maskName('王秀英')).toBe('王**');
    expect(maskName('王')).toBe('王*');
  });
  test('公开时隐去我的信息', () => {
    expect(publicResidentName(appeal())).toBe('王**');
    expect(publicResidentName(appeal({ resident: { openid: 'r1', name: '王秀英', phone: null, anonymous: true } }))).toBe('匿名居民');
  });
});

describe('detail by viewer', () => {
  test('the accountable handler sees the contact; other staff see it masked; the resident sees no contact block', () => {
    const a = appeal({ status: 'processing', handler: grid, firstResponder: grid });
    expect(toDetail(a, actors.grid, now).resident).toEqual({ name: '王秀英', phone: '13812345678', masked: false });
    expect(toDetail(a, actors.community, now).resident).toEqual({ name: '王**', phone: '138****5678', masked: true });
    expect(toDetail(a, actors.resident, now).resident).toBeNull();
  });

  test('followers see the resident as the public does', () => {
    const a = appeal({ followers: ['r2'], resident: { openid: 'r1', name: '王秀英', phone: '1', anonymous: true }, timeline: [{ at: now, kind: 'filed', actor: { kind: 'resident', openid: 'r1', name: '王秀英' }, text: null, photos: [], meta: null }] });
    const d = toDetail(a, actors.other, now);
    expect(d.timeline[0].actorName).toBe('匿名居民');
    expect(d.following).toBe(true);
    expect(d.can.follow).toBe(false);
  });

  test('a following neighbour sees status, category, an excerpt and the outcome; never the photos, the words exchanged or the rating comment', () => {
    const long = '楼道堆放杂物，影响通行。'.repeat(10);
    const a = appeal({
      followers: ['r2'],
      status: 'closed',
      description: long,
      photos: ['cloud://env.bucket/uploads/r1/p1.jpg'],
      resolution: { text: '已清理', photos: [], at: now, by: grid },
      rating: { value: 'satisfied', comment: '谢谢张网格，我家电话 138…', at: now },
      timeline: [
        { at: now, kind: 'filed', actor: { kind: 'resident', openid: 'r1', name: '王秀英' }, text: long, photos: ['cloud://env.bucket/uploads/r1/p1.jpg'], meta: null },
        { at: now, kind: 'replied', actor: { kind: 'staff', openid: 'gw1', name: '张网格' }, text: '明天上午处理，请在家', photos: [], meta: null },
      ],
    });
    const owner = toDetail(a, actors.resident, now);
    expect(owner.photos).toHaveLength(1);
    expect(owner.rating?.comment).toContain('谢谢');
    const d = toDetail(a, actors.other, now);
    expect(d).toMatchObject({ status: 'closed', category: a.category, photos: [], resident: null, resolution: { text: '已清理' } });
    expect(d.description.length).toBeLessThanOrEqual(60);
    expect(d.rating).toMatchObject({ value: 'satisfied', comment: null });
    expect(d.timeline.every((e) => e.text === null && e.photos.length === 0)).toBe(true);
  });

  test('deadline state and commands', () => {
    const d = toDetail(appeal(), actors.grid, now);
    expect(d.deadline).toEqual({ kind: 'respond', dueAt: new Date('2026-03-10T13:00:00+08:00').toISOString(), state: 'dueSoon' });
    expect(d.can).toMatchObject({ claim: true, reply: false, resolve: false, rate: false });
  });

  test('inbox item flags', () => {
    const a = appeal({ status: 'processing', handler: grid, firstResponder: grid, dueAt: new Date('2026-03-10T12:00:00+08:00') });
    expect(toInboxItem(a, actors.grid, now)).toMatchObject({ isMine: true, isFirstResponder: true, due: 'overdue', levelLabel: '网格呼应点' });
  });
});
