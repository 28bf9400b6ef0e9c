import { builtinCalendar } from '../../core/time/calendar';
import { FULL, pickWindow, releaseSeat, seatsLeft, takeSeat, windowsFor } from './capacity';
import { settingsFixture } from './fixtures';
import type { Hold } from './model';
import { slotOf } from './schedule';

const settings = settingsFixture();
const [proof, social] = settings.services; // 15 min at w1; 30 min at w2
const at = new Date('2026-09-28T00:00:00Z');
const hold = (ref: string, windowId: string, minutes: number): Hold => ({ ref, bookingId: ref, windowId, minutes, at, checked: false });

describe('windows', () => {
  it('in office hours a service is served at its own windows; after hours every open window serves everything (一窗通办)', () => {
    const office = slotOf('20260930-0900', settings, builtinCalendar)!;
    const evening = slotOf('20260930-1800', settings, builtinCalendar)!;
    expect(windowsFor(office, proof)).toEqual(['w1']);
    expect(windowsFor(office, social)).toEqual(['w2']);
    expect(windowsFor(evening, social)).toEqual(['w1']);
  });
});

describe('seats are window time', () => {
  it('counts the visits that still fit, across services sharing a window', () => {
    expect(seatsLeft(['w1'], [], 30, 15)).toBe(2);
    expect(seatsLeft(['w1'], [hold('a', 'w1', 15)], 30, 15)).toBe(1);
    expect(seatsLeft(['w1'], [hold('a', 'w1', 15)], 30, 30)).toBe(0); // a 30-minute visit no longer fits
    expect(seatsLeft(['w1', 'w2'], [hold('a', 'w1', 30)], 30, 15)).toBe(2);
  });

  it('puts a visit where it fits most tightly, keeping room for longer ones', () => {
    expect(pickWindow(['w1', 'w2'], [hold('a', 'w2', 15)], 30, 15)).toBe('w2');
    expect(pickWindow(['w1', 'w2'], [hold('a', 'w2', 15)], 30, 30)).toBe('w1');
    expect(pickWindow(['w1'], [hold('a', 'w1', 30)], 30, 15)).toBeNull();
  });

  it('the last seat goes once: a second request hears 该时段已约满; the same ref again changes nothing', () => {
    const req = { ref: 'bk1@0', bookingId: 'bk1', windowIds: ['w1'], slotMinutes: 30, minutes: 30, at };
    const after = takeSeat([], req)!;
    expect(after).toEqual([expect.objectContaining({ ref: 'bk1@0', windowId: 'w1', minutes: 30, checked: false })]);
    expect(takeSeat(after, req)).toBeNull();
    expect(() => takeSeat(after, { ...req, ref: 'bk2@0', bookingId: 'bk2' })).toThrow(FULL);
    expect(releaseSeat(after, 'bk1@0')).toEqual([]);
    expect(releaseSeat(after, 'bk9@0')).toBeNull();
  });
});
