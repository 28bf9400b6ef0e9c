/**
 * 发起表决: staff fix the options (赞成/反对/弃权 by default), the rule and the closing time of a matter
 * on the agenda. The roll — the verified households in scope now, with their floor areas — is written
 * first under a new id; the one conditional write that opens the window names it and keeps its totals,
 * the bar of the count. An attempt that does not open the window drops its roll; the winner drops any a
 * crashed attempt left. Every resident on the roll is told once (the announce effect).
 */
import { APPROVAL_OPTIONS, COUNCIL_LIMITS } from '../../../types/council.constants';
import type { councilContract } from '../../../types/council';
import { conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { newRollId } from '../app/ids';
import { loadMatter } from '../app/load';
import { householdsInScope } from '../app/residence';
import { viewOf } from '../app/view';
import type { Ballot, BallotRoll, MatterDoc } from '../domain/model';
import { rollTotals } from '../domain/roll';
import { assertOpenable, openVote as open } from '../domain/stages';
import { rollRepo, rollKey } from '../repos/roll';

const logged = (what: string, matterId: string) => (error: unknown) =>
  console.error(JSON.stringify({ level: 'error', msg: what, matterId, error: String((error as Error)?.stack ?? error) }));

async function writeRoll(m: MatterDoc, now: Date): Promise<BallotRoll> {
  const households = await householdsInScope(m);
  if (households.length === 0) throw conflict('范围内还没有已认证的住户，暂不能表决');
  const id = newRollId();
  try {
    await rollRepo.write(households.map((h) => ({ _id: rollKey(id, h.id), rollId: id, matterId: m._id, householdId: h.id, buildingId: h.buildingId, area: h.area, residents: h.residents, at: now })));
  } catch (error) {
    await rollRepo.discard(id).catch(logged('dropping a half-written roll failed', m._id));
    throw error;
  }
  return { id, ...rollTotals(households) };
}

export const openVote: Handler<typeof councilContract.openVote> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() < now.getTime() + COUNCIL_LIMITS.windowMinMinutes * 60_000) throw invalid('closesAt', `截止时间至少在${COUNCIL_LIMITS.windowMinMinutes}分钟之后`);
  if (closesAt.getTime() > now.getTime() + COUNCIL_LIMITS.windowMaxDays * 86_400_000) throw invalid('closesAt', `表决期不能超过${COUNCIL_LIMITS.windowMaxDays}天`);
  assertOpenable(loaded);
  const roll = await writeRoll(loaded, now);
  const ballot: Ballot = {
    kind: input.options ? 'choice' : 'approval',
    options: input.options ? input.options.map((label, i) => ({ id: `o${i + 1}`, label })) : APPROVAL_OPTIONS.map((o) => ({ ...o })),
    rule: input.rule,
    major: input.major,
    quorumPercent: input.quorumPercent,
    opensAt: now,
    closesAt,
    rollHouseholds: roll.households,
    roll,
    openedBy: personOf(caller),
  };
  let after: MatterDoc;
  try {
    after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => open(m, ballot, now));
  } catch (error) {
    await rollRepo.discard(roll.id).catch(logged('dropping an unused roll failed', input.id));
    throw error;
  }
  await rollRepo.discardOthers(after._id, roll.id).catch(logged('dropping rolls of crashed openings failed', input.id));
  return viewOf(after, { caller, now });
};
