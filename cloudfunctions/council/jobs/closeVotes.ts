/**
 * 表决结束: every matter whose window has closed (plus the grace for votes in flight) is counted and
 * moves on — passed to 办事, failed to closed. The bar is the roll fixed at the opening (its totals on
 * the ballot); the votes are those cast in the window by households on that roll (a vote cast before a
 * revocation stands). Idempotent: the count clears the timer in the same conditional write, and the
 * same votes against the same totals give the same result.
 */
import { nothingToDo, sweepDue, type SweepResult } from '../../core/jobs/sweepDue';
import { runMatter } from '../app/command';
import type { MatterDoc } from '../domain/model';
import { closeVote } from '../domain/stages';
import { tally } from '../domain/tally';
import { votesRepo } from '../repos/ballots';

export async function countVotes(m: MatterDoc): Promise<ReturnType<typeof tally>> {
  const ballot = m.ballot!;
  const closesAt = new Date(ballot.closesAt).getTime();
  const votes = (await votesRepo.all(m._id)).filter((v) => v.rollId === ballot.roll.id && new Date(v.castAt).getTime() < closesAt);
  return tally({ kind: ballot.kind, rule: ballot.rule, major: ballot.major, quorumPercent: ballot.quorumPercent, options: ballot.options, roll: ballot.roll, votes });
}

export function closeVotes(now: Date): Promise<SweepResult> {
  return sweepDue<MatterDoc>('councilMatters', 'tallyAt', now, async (m) => {
    if (m.stage !== 'voting' || !m.ballot) return;
    const result = await countVotes(m);
    // A second timer that lost the race finds it counted: skipped, not changed.
    await runMatter(m._id, { now, loaded: m }, (doc) => {
      const t = closeVote(doc, result, now);
      if (!t) throw nothingToDo();
      return t;
    });
  });
}
