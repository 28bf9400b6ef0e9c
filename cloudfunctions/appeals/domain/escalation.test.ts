import { appeal } from './fixtures';
import { bulletinEntry, overdueReason } from './escalation';

const at = (s: string) => new Date(`${s}+08:00`);

describe('which appeals the timer escalates', () => {
  test('pending past its response deadline: respond_overdue; processing past resolution: resolve_overdue', () => {
    expect(overdueReason(appeal(), at('2026-03-10T13:00:01'))).toBe('respond_overdue');
    expect(overdueReason(appeal({ status: 'processing' }), at('2026-03-10T13:00:01'))).toBe('resolve_overdue');
  });
  test('not yet due, or already escalated (escalateAt moved on): nothing', () => {
    expect(overdueReason(appeal(), at('2026-03-10T12:59:00'))).toBeNull();
    expect(overdueReason(appeal({ escalateAt: null }), at('2026-03-20T00:00:00'))).toBeNull();
  });
  test('resolved, closed or at the district: nothing', () => {
    expect(overdueReason(appeal({ status: 'resolved' }), at('2026-03-20T00:00:00'))).toBeNull();
    expect(overdueReason(appeal({ level: 'district' }), at('2026-03-20T00:00:00'))).toBeNull();
  });
  test('the bulletin entry id is per appeal and level, so writing it twice is a no-op', () => {
    const a = appeal();
    const e = bulletinEntry(
      a,
      { reason: 'respond_overdue', from: a.holder, to: { kind: 'unit', level: 'community', id: 'c1', name: '幸福里社区' } },
      at('2026-03-10T13:05:00'),
    );
    expect(e).toMatchObject({ _id: 'a1_community', toLevel: 'community', toUnitId: 'c1', communityId: 'c1', streetId: 's1', reason: 'respond_overdue' });
  });
});
