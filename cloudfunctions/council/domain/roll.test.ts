import { APPROVAL_OPTIONS } from '../../../types/council.constants';
import { REFUSALS, voteRefusal } from './eligibility';
import { areaCents, rollTotals } from './roll';
import { tally } from './tally';

describe('the roll’s totals', () => {
  it('counts every household, and area over those whose area is known only (unknown or zero adds nothing)', () => {
    const totals = rollTotals([{ area: 90 }, { area: null }, { area: 120.5 }, { area: 0 }, { area: null }]);
    expect(totals).toEqual({ households: 5, areaKnownHouseholds: 2, areaCents: 21050 });
  });

  it('keeps area exact in hundredths of ㎡, however many households', () => {
    // 10,000 households of 33.33㎡: a float sum would drift, hundredths do not.
    const totals = rollTotals(Array.from({ length: 10_000 }, () => ({ area: 33.33 })));
    expect(totals).toEqual({ households: 10_000, areaKnownHouseholds: 10_000, areaCents: 33_330_000 });
    expect(areaCents(86.45)).toBe(8645);
    expect(areaCents(null)).toBe(0);
  });

  it('no area known: the 278 preset is measured by households alone', () => {
    const roll = rollTotals(Array.from({ length: 9 }, () => ({ area: null })));
    const votes = Array.from({ length: 6 }, (_, i) => ({ householdId: `h${i}`, optionId: 'yes', area: null }));
    const r = tally({ kind: 'approval', rule: 'civil278', major: false, quorumPercent: 50, options: APPROVAL_OPTIONS, roll, votes });
    expect(r).toMatchObject({ outcome: 'passed', eligibleHouseholds: 9, eligibleArea: 0, areaKnownHouseholds: 0 });
    expect(r.checks).toHaveLength(2);
  });
});

describe('the bar is the roll, fixed at the opening', () => {
  const base = { kind: 'approval' as const, options: APPROVAL_OPTIONS, major: false, quorumPercent: 60 };
  const cast = (n: number) => Array.from({ length: n }, (_, i) => ({ householdId: `h${i}`, optionId: 'yes', area: 100 }));

  it('6 of a 9-household roll meet 2/3 by households and area; the count never looks at later verifications', () => {
    const roll = rollTotals(Array.from({ length: 9 }, () => ({ area: 100 })));
    expect(tally({ ...base, rule: 'civil278', roll, votes: cast(6) })).toMatchObject({ outcome: 'passed', eligibleHouseholds: 9, eligibleArea: 900, votedArea: 600 });
    // Had the bar followed a tenth household verified later, 6 of 10 would fall short of 2/3.
    expect(tally({ ...base, rule: 'civil278', roll: rollTotals(Array.from({ length: 10 }, () => ({ area: 100 }))), votes: cast(6) }).outcome).toBe('failed');
  });

  it('the quorum is a share of the roll: 6 of 10 meet 60%, 6 of 11 do not', () => {
    expect(tally({ ...base, rule: 'majority', roll: rollTotals(Array.from({ length: 10 }, () => ({ area: null }))), votes: cast(6) }).outcome).toBe('passed');
    expect(tally({ ...base, rule: 'majority', roll: rollTotals(Array.from({ length: 11 }, () => ({ area: null }))), votes: cast(6) }).outcome).toBe('failed');
  });
});

describe('who may vote in an open window', () => {
  const verified = { status: 'verified' as const, buildingId: 'b1', estateId: 'e1', communityId: 'c1' };
  const scope = { kind: 'building' as const, id: 'b1' };

  it('a verified household in scope on the roll', () => {
    expect(voteRefusal(verified, scope, true)).toBeNull();
  });

  it('not a household verified after the opening (not on the roll), in words', () => {
    expect(voteRefusal(verified, scope, false)).toBe('notOnRoll');
    expect(REFUSALS.notOnRoll).toContain('不在表决名册内');
  });

  it('not a resident whose verification was revoked, though the household is on the roll', () => {
    expect(voteRefusal({ ...verified, status: 'revoked' }, scope, true)).toBe('unverified');
    expect(voteRefusal({ ...verified, buildingId: 'b2' }, scope, true)).toBe('outOfScope');
  });
});
