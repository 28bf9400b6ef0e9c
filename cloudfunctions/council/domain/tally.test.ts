import { APPROVAL_OPTIONS } from '../../../types/council.constants';
import { rollTotals } from './roll';
import { tally, type TallyInput } from './tally';

/** A case as residents see it: the households on the roll (areas known or not) and who chose what. */
type Case = Omit<TallyInput, 'roll' | 'votes'> & {
  eligible: ReadonlyArray<{ id: string; area: number | null }>;
  votes: ReadonlyArray<{ householdId: string; optionId: string }>;
};

/** Counts as the close does: the roll's totals, each vote with its household's area on the roll. */
function count({ eligible, votes, ...rest }: Case) {
  const areaOf = new Map(eligible.map((h) => [h.id, h.area]));
  return tally({ ...rest, roll: rollTotals(eligible), votes: votes.map((v) => ({ ...v, area: areaOf.get(v.householdId) ?? null })) });
}

/** n households h0…h(n-1), with the given areas (null: unknown). */
const households = (n: number, area: (i: number) => number | null = () => null) => Array.from({ length: n }, (_, i) => ({ id: `h${i}`, area: area(i) }));
/** Votes: the first `yes` households say yes, the next `no` no, the next `abstain` abstain. */
const votes = (yes: number, no = 0, abstain = 0) =>
  [...Array(yes).fill('yes'), ...Array(no).fill('no'), ...Array(abstain).fill('abstain')].map((optionId: string, i) => ({ householdId: `h${i}`, optionId }));

const approval = (patch: Partial<Case>): Case => ({ kind: 'approval', rule: 'civil278', major: false, quorumPercent: 50, options: APPROVAL_OPTIONS, eligible: households(9), votes: [], ...patch });

describe('民法典 278 by headcount', () => {
  it('needs at least 2/3 of households to take part: 6 of 9 is enough, 5 of 9 is not', () => {
    expect(count(approval({ votes: votes(6) })).outcome).toBe('passed');
    const short = count(approval({ votes: votes(5) }));
    expect(short).toMatchObject({ outcome: 'failed', votedHouseholds: 5, eligibleHouseholds: 9 });
    expect(short.checks[0]).toMatchObject({ met: false });
  });

  it('needs more than half of the participants: 4 of 6 passes, 3 of 6 (a tie) does not; abstentions count as taking part', () => {
    expect(count(approval({ votes: votes(4, 2) })).outcome).toBe('passed');
    expect(count(approval({ votes: votes(3, 3) })).outcome).toBe('failed');
    expect(count(approval({ votes: votes(3, 0, 3) })).outcome).toBe('failed');
  });

  it('a major matter needs at least 3/4 of the participants: 6 of 8 passes, 5 of 8 does not', () => {
    const eligible = households(12);
    expect(count(approval({ major: true, eligible, votes: votes(6, 2) })).outcome).toBe('passed');
    expect(count(approval({ major: true, eligible, votes: votes(5, 3) })).outcome).toBe('failed');
  });

  it('counts one vote per household whatever was stored, and ignores unknown options', () => {
    const r = count(approval({ votes: [...votes(6), { householdId: 'h0', optionId: 'no' }, { householdId: 'h8', optionId: 'maybe' }] }));
    expect(r.votedHouseholds).toBe(6);
    expect(r.options.find((o) => o.id === 'yes')?.households).toBe(6);
    expect(r.options.find((o) => o.id === 'no')?.households).toBe(0);
  });

  it('with nobody eligible, nothing passes', () => {
    expect(count(approval({ eligible: [], votes: [] })).outcome).toBe('failed');
  });
});

describe('民法典 278 by area, where known', () => {
  // Three big flats (150㎡) and six small ones (50㎡): 750㎡ in all.
  const eligible = households(9, (i) => (i < 3 ? 150 : 50));

  it('fails on participating area although the headcount is enough', () => {
    // h3…h8 vote (6 of 9 households) but only 300 of 750㎡ take part.
    const r = count(approval({ eligible, votes: votes(0, 0, 0).concat(Array.from({ length: 6 }, (_, i) => ({ householdId: `h${i + 3}`, optionId: 'yes' }))) }));
    expect(r).toMatchObject({ outcome: 'failed', votedHouseholds: 6, eligibleArea: 750, votedArea: 300, areaKnownHouseholds: 9 });
    expect(r.checks.map((c) => c.met)).toEqual([true, false, true, true]);
  });

  it('fails on approving area although the headcount approves', () => {
    // All vote; the three big flats say no, the six small ones yes: 6/9 households, 300/750㎡.
    const all = [...Array.from({ length: 3 }, (_, i) => ({ householdId: `h${i}`, optionId: 'no' })), ...Array.from({ length: 6 }, (_, i) => ({ householdId: `h${i + 3}`, optionId: 'yes' }))];
    const r = count(approval({ eligible, votes: all }));
    expect(r.outcome).toBe('failed');
    expect(r.checks.map((c) => c.met)).toEqual([true, true, true, false]);
    expect(r.options.find((o) => o.id === 'yes')).toMatchObject({ households: 6, area: 300 });
  });

  it('passes when both measures pass, and weighs fractional areas exactly', () => {
    const odd = households(3, () => 33.33);
    const r = count(approval({ eligible: odd, votes: votes(2) }));
    expect(r).toMatchObject({ outcome: 'passed', votedArea: 66.66, eligibleArea: 99.99 });
  });

  it('measures area over the households whose area is known only', () => {
    const partly = households(6, (i) => (i < 2 ? 100 : null));
    const r = count(approval({ eligible: partly, votes: votes(4) }));
    expect(r).toMatchObject({ eligibleArea: 200, votedArea: 200, areaKnownHouseholds: 2, outcome: 'passed' });
  });
});

describe('simple majority with a quorum', () => {
  it('needs the quorum to take part and more than half of the votes cast', () => {
    const base = { rule: 'majority' as const, eligible: households(10), quorumPercent: 50 };
    expect(count(approval({ ...base, votes: votes(3, 2) })).outcome).toBe('passed');
    expect(count(approval({ ...base, votes: votes(3, 1) })).outcome).toBe('failed'); // 4 of 10 < 50%
    expect(count(approval({ ...base, votes: votes(3, 3) })).outcome).toBe('failed');
    expect(count(approval({ ...base, quorumPercent: 30, votes: votes(2, 1) })).outcome).toBe('passed');
  });

  it('elects the single front-runner of several options when it has a majority; a tie elects nobody', () => {
    const options = [
      { id: 'a', label: '方案一' },
      { id: 'b', label: '方案二' },
      { id: 'c', label: '方案三' },
    ];
    const cast = (ids: string[]) => ids.map((optionId, i) => ({ householdId: `h${i}`, optionId }));
    const base = { kind: 'choice' as const, rule: 'majority' as const, options, eligible: households(8) };
    expect(count({ ...base, major: false, quorumPercent: 50, votes: cast(['b', 'b', 'b', 'a', 'c']) })).toMatchObject({ outcome: 'passed', winner: 'b' });
    expect(count({ ...base, major: false, quorumPercent: 50, votes: cast(['b', 'b', 'a', 'a', 'c']) })).toMatchObject({ outcome: 'failed', winner: null });
    expect(count({ ...base, major: false, quorumPercent: 50, votes: cast(['b', 'b', 'a', 'c', 'c', 'a']) }).outcome).toBe('failed');
  });
});
