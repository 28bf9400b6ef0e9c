import type { RosterEntry } from './model';
import { cancel, signUp, standingOf } from './roster';

const e = (openid: string, requestId = `r-${openid}`): RosterEntry => ({ openid, name: openid, requestId, at: new Date(0) });
const empty = (capacity: number) => ({ capacity, seated: [] as RosterEntry[], waiting: [] as RosterEntry[], left: [] as RosterEntry[] });

function fill(capacity: number, ids: string[]) {
  let r = empty(capacity);
  for (const id of ids) r = { ...r, ...signUp(r, e(id))! };
  return r;
}

describe('signUp', () => {
  it('seats while seats last, then queues in order', () => {
    const r = fill(2, ['a', 'b', 'c', 'd']);
    expect(r.seated.map((x) => x.openid)).toEqual(['a', 'b']);
    expect(r.waiting.map((x) => x.openid)).toEqual(['c', 'd']);
    expect(standingOf(r, 'd')).toEqual({ status: 'waiting', waitingPosition: 2 });
    expect(standingOf(r, 'a')).toEqual({ status: 'signed_up', waitingPosition: null });
    expect(standingOf(r, 'z').status).toBe('none');
  });
  it('never adds the same person twice, nor a retried request of one who cancelled', () => {
    const r = fill(1, ['a', 'b']);
    expect(signUp(r, e('a', 'other'))).toBeNull();
    const after = cancel(r, 'a')!;
    const r2 = { ...r, ...after };
    expect(signUp(r2, e('a'))).toBeNull();
    expect(signUp(r2, e('a', 'new-request'))?.waiting.map((x) => x.openid)).toEqual(['a']);
  });
});

describe('cancel (waiting list promotion)', () => {
  it('promotes exactly one per freed seat, the first waiting', () => {
    const r = fill(2, ['a', 'b', 'c', 'd', 'e']);
    const c = cancel(r, 'a')!;
    expect(c.promoted.map((x) => x.openid)).toEqual(['c']);
    expect(c.seated.map((x) => x.openid)).toEqual(['b', 'c']);
    expect(c.waiting.map((x) => x.openid)).toEqual(['d', 'e']);
    expect(c.left.map((x) => x.openid)).toEqual(['a']);
  });
  it('leaving the waiting list promotes nobody and moves the rest up', () => {
    const r = fill(1, ['a', 'b', 'c']);
    const c = cancel(r, 'b')!;
    expect(c.promoted).toEqual([]);
    expect(c.seated.map((x) => x.openid)).toEqual(['a']);
    expect(standingOf({ ...r, ...c }, 'c')).toEqual({ status: 'waiting', waitingPosition: 1 });
  });
  it('with nobody waiting the seat stays free; someone not on the roster changes nothing', () => {
    const r = fill(3, ['a', 'b']);
    expect(cancel(r, 'a')!.promoted).toEqual([]);
    expect(cancel(r, 'z')).toBeNull();
  });
});
