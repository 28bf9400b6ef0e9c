/** A held matter shown (on to 附议, or the agenda) or a matter declined with a reason, by staff who manage it. */
import type { councilContract } from '../../../types/council';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { viewOf } from '../app/view';
import { moderate as decide } from '../domain/stages';

export const moderate: Handler<typeof councilContract.moderate> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => decide(m, personOf(caller), input.approve, input.reason ?? null, now));
  return viewOf(after, { caller, now });
};
