/**
 * Counting a vote, pure. The eligible are the roll fixed at the window's opening. Headcount is
 * households; area is ㎡ over the households whose area is known (kept in hundredths, so 2/3 and 3/4
 * compare exactly). Simple majority: the carried option has more than half of the votes cast and the
 * quorum took part. 民法典 278: participation ≥ 2/3 of eligible
 * households and of the known area; the carried option > 1/2 (major: ≥ 3/4) of the participants by
 * households and by area.
 */
import { VOTE_RULE_LABELS, type BallotKind, type BallotResult, type ResultCheck, type VoteRule } from '../../../types/council.constants';
import { areaCents, type RollTotals } from './roll';

export interface TallyInput {
  kind: BallotKind;
  rule: VoteRule;
  major: boolean;
  quorumPercent: number;
  options: ReadonlyArray<{ id: string; label: string }>;
  /** The roll's totals fixed at the opening: the bar, whatever verifications came or went since. */
  roll: RollTotals;
  /** Votes of households on the roll, each with the household's area on the roll. */
  votes: ReadonlyArray<{ householdId: string; optionId: string; area: number | null }>;
}

const m2 = (c: number) => c / 100;
/** a / b ≥ n / d, in integers. */
const atLeast = (a: number, b: number, n: number, d: number) => a * d >= b * n;
/** a / b > n / d. */
const moreThan = (a: number, b: number, n: number, d: number) => a * d > b * n;

export function tally(input: TallyInput): BallotResult {
  const eligibleArea = input.roll.areaCents;
  const byOption = new Map(input.options.map((o) => [o.id, { households: 0, area: 0 }]));
  const seen = new Set<string>();
  for (const v of input.votes) {
    const o = byOption.get(v.optionId);
    if (!o || seen.has(v.householdId)) continue; // one per household, whatever was stored
    seen.add(v.householdId);
    o.households += 1;
    o.area += areaCents(v.area);
  }
  const votedHouseholds = seen.size;
  const votedArea = [...byOption.values()].reduce((s, o) => s + o.area, 0);
  const eligibleHouseholds = input.roll.households;
  const useArea = eligibleArea > 0;

  // The option carried: approval ballots ask about 赞成; choice ballots about the single front-runner.
  const ranked = input.options.map((o) => ({ ...o, ...byOption.get(o.id)! })).sort((a, b) => b.households - a.households || b.area - a.area);
  const candidate = input.kind === 'approval' ? ranked.find((o) => o.id === 'yes') ?? null : ranked[0] && (ranked.length < 2 || ranked[0].households > ranked[1].households) ? ranked[0] : null;

  const checks: ResultCheck[] = [];
  if (input.rule === 'majority') {
    checks.push({ label: `参与表决户数达到${input.quorumPercent}%（${votedHouseholds}/${eligibleHouseholds}户）`, met: eligibleHouseholds > 0 && atLeast(votedHouseholds, eligibleHouseholds, input.quorumPercent, 100) });
    checks.push({ label: `${candidate?.label ?? '得票最多的选项'}超过投票户数的一半（${candidate?.households ?? 0}/${votedHouseholds}户）`, met: !!candidate && moreThan(candidate.households, votedHouseholds, 1, 2) });
  } else {
    checks.push({ label: `参与表决户数不少于三分之二（${votedHouseholds}/${eligibleHouseholds}户）`, met: eligibleHouseholds > 0 && atLeast(votedHouseholds, eligibleHouseholds, 2, 3) });
    if (useArea) checks.push({ label: `参与表决面积不少于三分之二（${m2(votedArea)}/${m2(eligibleArea)}㎡）`, met: atLeast(votedArea, eligibleArea, 2, 3) });
    const [n, d, words] = input.major ? [3, 4, '不少于四分之三'] : [1, 2, '超过一半'];
    const pass = (a: number, b: number) => (input.major ? atLeast(a, b, n, d) : moreThan(a, b, n, d));
    const label = candidate?.label ?? '得票最多的选项';
    checks.push({ label: `${label}户数${words}（${candidate?.households ?? 0}/${votedHouseholds}户）`, met: !!candidate && votedHouseholds > 0 && pass(candidate.households, votedHouseholds) });
    if (useArea) checks.push({ label: `${label}面积${words}（${m2(candidate?.area ?? 0)}/${m2(votedArea)}㎡）`, met: !!candidate && votedArea > 0 && pass(candidate.area, votedArea) });
  }
  const passed = !!candidate && checks.every((c) => c.met);
  const what = input.kind === 'approval' ? '表决通过' : `表决结果：${candidate?.label ?? ''}`;
  return {
    outcome: passed ? 'passed' : 'failed',
    winner: passed ? candidate!.id : null,
    eligibleHouseholds,
    votedHouseholds,
    eligibleArea: m2(eligibleArea),
    votedArea: m2(votedArea),
    areaKnownHouseholds: input.roll.areaKnownHouseholds,
    options: ranked.length ? input.options.map((o) => ({ id: o.id, label: o.label, households: byOption.get(o.id)!.households, area: m2(byOption.get(o.id)!.area) })) : [],
    checks,
    summary: passed ? `${what}（${VOTE_RULE_LABELS[input.rule]}）` : `未通过（${VOTE_RULE_LABELS[input.rule]}）`,
  };
}
