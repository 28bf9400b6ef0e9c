import { dueReminder, nextReminder, remindersFor } from './reminders';
import { bookingFixture } from './fixtures';

const b = bookingFixture('2026-09-30', '18:00'); // 18:00 Shanghai = 10:00Z
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('reminders: the evening before at 19:00 and an hour before', () => {
  it('booked days ahead: the evening before first, then the hour', () => {
    const first = nextReminder(b.slot, new Date('2026-09-27T02:00:00Z'));
    expect([iso(first.remindAt), first.remindStage]).toEqual(['2026-09-29T11:00:00.000Z', 'evening']);
    const second = nextReminder(b.slot, new Date('2026-09-29T11:00:00Z'), 'evening');
    expect([iso(second.remindAt), second.remindStage]).toEqual(['2026-09-30T09:00:00.000Z', 'hour']);
    expect(nextReminder(b.slot, new Date('2026-09-30T09:00:00Z'), 'hour')).toEqual({ remindAt: null, remindStage: null });
  });

  it('booked the same day: only the hour; a phone booking or one waiting for approval: none', () => {
    expect(remindersFor(b, new Date('2026-09-30T02:00:00Z')).remindStage).toBe('hour');
    expect(remindersFor({ ...b, owner: { kind: 'phone', name: '赵大爷', phone: '13800000000' } }, new Date('2026-09-27T02:00:00Z')).remindAt).toBeNull();
    expect(remindersFor({ ...b, status: 'pending_approval' }, new Date('2026-09-27T02:00:00Z')).remindAt).toBeNull();
  });

  it('a late run sends only what still makes sense', () => {
    const due = { ...b, remindStage: 'evening' as const };
    expect(dueReminder(due, new Date('2026-09-29T11:03:00Z')).send).toBe('evening');
    expect(dueReminder(due, new Date('2026-09-30T09:10:00Z'))).toEqual({ send: 'hour', next: { remindAt: null, remindStage: null } });
    expect(dueReminder(due, new Date('2026-09-30T10:05:00Z')).send).toBeNull();
    expect(dueReminder({ ...due, status: 'cancelled' }, new Date('2026-09-29T11:03:00Z')).send).toBeNull();
  });
});
