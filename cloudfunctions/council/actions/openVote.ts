/**
 * 发起表决: staff fix the options (赞成/反对/弃权 by default), the rule and the closing time of a matter
 * on the agenda; the verified households in scope now are the roll live turnout is shown against.
 */
import { APPROVAL_OPTIONS, COUNCIL_LIMITS } from '../../../types/council.constants';
import type { councilContract } from '../../../types/council';
import { conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { householdsInScope } from '../app/residence';
import { viewOf } from '../app/view';
import type { Ballot } from '../domain/model';
import { openVote as open } from '../domain/stages';

export const openVote: Handler<typeof councilContract.openVote> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() < now.getTime() + COUNCIL_LIMITS.windowMinMinutes * 60_000) throw invalid('closesAt', `截止时间至少在${COUNCIL_LIMITS.windowMinMinutes}分钟之后`);
  if (closesAt.getTime() > now.getTime() + COUNCIL_LIMITS.windowMaxDays * 86_400_000) throw invalid('closesAt', `表决期不能超过${COUNCIL_LIMITS.windowMaxDays}天`);
  const roll = await householdsInScope(loaded);
  if (roll.length === 0) throw conflict('范围内还没有已认证的住户，暂不能表决');
  const ballot: Ballot = {
    kind: input.options ? 'choice' : 'approval',
    options: input.options ? input.options.map((label, i) => ({ id: `o${i + 1}`, label })) : APPROVAL_OPTIONS.map((o) => ({ ...o })),
    rule: input.rule,
    major: input.major,
    quorumPercent: input.quorumPercent,
    opensAt: now,
    closesAt,
    rollHouseholds: roll.length,
    openedBy: personOf(caller),
  };
  const after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => open(m, ballot, now));
  return viewOf(after, { caller, now });
};
