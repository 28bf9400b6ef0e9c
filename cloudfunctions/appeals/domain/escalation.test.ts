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
  test('the bulletin entry id is per escalation: the same one written twice is one entry, a later one to the same level another', () => {
    const to = { kind: 'unit' as const, level: 'community' as const, id: 'c1', name: '幸福里社区' };
    const first = appeal({ version: 3 });
    const e = bulletinEntry(first, { reason: 'respond_overdue', from: first.holder, to }, at('2026-03-10T13:05:00'));
    expect(e).toMatchObject({ _id: 'a1_v3', toLevel: 'community', toUnitId: 'c1', communityId: 'c1', streetId: 's1', reason: 'respond_overdue' });
    expect(bulletinEntry(first, { reason: 'respond_overdue', from: first.holder, to }, at('2026-03-10T13:06:00'))._id).toBe(e._id);
    // Sent back down to the grid and escalated again to the community: a real second escalation.
    const again = appeal({ version: 7 });
    expect(bulletinEntry(again, { reason: 'manual', from: again.holder, to }, at('2026-03-12T10:00:00'))._id).not.toBe(e._id);
  });
});
