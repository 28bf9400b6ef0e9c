import { checkAtOf, HOLD_GRACE_MS, holdsToJudge, judged, parseRef, verdictOf } from './holds';
import type { Hold } from './model';

const t0 = new Date('2026-09-28T00:00:00Z');
const hold = (ref: string, at = t0, checked = false): Hold => ({ ref, bookingId: ref.split('@')[0], windowId: 'w1', minutes: 15, at, checked });

describe('holds without a booking', () => {
  it('parses the attempt from the ref', () => {
    expect(parseRef('bk1@0')).toEqual({ bookingId: 'bk1', version: 0 });
    expect(parseRef('bk1@x')).toBeNull();
  });

  it('a hold is the booking’s while its ref and slot match; once the booking is past the attempt’s version it is dead', () => {
    const booking = { holdRef: 'bk1@0', slotDocId: 'sl_a', version: 1 };
    expect(verdictOf('bk1@0', 'sl_a', booking)).toBe('alive');
    // Two reschedules at one version took seats in two slots; the booking moved to the other.
    expect(verdictOf('bk1@0', 'sl_b', booking)).toBe('dead');
    expect(verdictOf('bk1@1', 'sl_b', booking)).toBe('stale'); // a reschedule at version 1 may still land
    expect(verdictOf('bk1@1', 'sl_b', { ...booking, version: 2 })).toBe('dead');
    expect(verdictOf('bk1@0', 'sl_a', { holdRef: null, slotDocId: '', version: 1 })).toBe('dead'); // a tombstone
  });

  it('judges unchecked holds past the grace period, and knows when to look again', () => {
    const young = hold('bk2@0', new Date(t0.getTime() + 60_000));
    const holds = [hold('bk1@0'), young, hold('bk3@0', t0, true)];
    const now = new Date(t0.getTime() + HOLD_GRACE_MS);
    expect(holdsToJudge(holds, now).map((h) => h.ref)).toEqual(['bk1@0']);
    expect(checkAtOf(holds)?.getTime()).toBe(t0.getTime() + HOLD_GRACE_MS);
    expect(judged(holds, new Set(), new Set(['bk1@0']))?.map((h) => h.ref)).toEqual(['bk2@0', 'bk3@0']);
    expect(judged(holds, new Set(['bk1@0']), new Set())?.[0].checked).toBe(true);
    expect(judged(holds, new Set(['bk3@0']), new Set())).toBeNull();
    expect(checkAtOf([hold('x@0', t0, true)])).toBeNull();
  });
});
