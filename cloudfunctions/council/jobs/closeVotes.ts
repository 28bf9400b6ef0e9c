/**
 * 表决结束: every matter whose window has closed (plus the grace for votes in flight) is counted and
 * moves on — passed to 办事, failed to closed. The eligible are the verified households in scope at
 * the count, plus any household that voted and has since lost its verification (its vote stands).
 * Idempotent: the count clears the timer in the same conditional write.
 */
import { sweepDue, type SweepResult } from '../../core/jobs/sweepDue';
import { runMatter } from '../app/command';
import { householdsInScope } from '../app/residence';
import type { MatterDoc } from '../domain/model';
import { closeVote } from '../domain/stages';
import { tally } from '../domain/tally';
import { votesRepo } from '../repos/ballots';

export async function countVotes(m: MatterDoc): Promise<ReturnType<typeof tally>> {
  const ballot = m.ballot!;
  const closesAt = new Date(ballot.closesAt).getTime();
  const [households, stored] = await Promise.all([householdsInScope(m), votesRepo.all(m._id)]);
  const votes = stored.filter((v) => new Date(v.castAt).getTime() < closesAt);
  const eligible = new Map(households.map((h) => [h.id, { id: h.id, area: h.area }]));
  for (const v of votes) if (!eligible.has(v.householdId)) eligible.set(v.householdId, { id: v.householdId, area: v.area ?? null });
  return tally({ kind: ballot.kind, rule: ballot.rule, major: ballot.major, quorumPercent: ballot.quorumPercent, options: ballot.options, eligible: [...eligible.values()], votes });
}

export function closeVotes(now: Date): Promise<SweepResult> {
  return sweepDue<MatterDoc>('councilMatters', 'tallyAt', now, async (m) => {
    if (m.stage !== 'voting' || !m.ballot) return;
    const result = await countVotes(m);
    await runMatter(m._id, { now, loaded: m }, (doc) => closeVote(doc, result, now));
  });
}
