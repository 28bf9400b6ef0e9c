/** 办事 → 评事 (办结, with what was done), 评事 → 已结束: staff who manage the matter. */
import type { councilContract } from '../../../types/council';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { viewOf } from '../app/view';
import { advance as next } from '../domain/stages';

export const advance: Handler<typeof councilContract.advance> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => next(m, personOf(caller), input.note ?? null, now));
  return viewOf(after, { caller, now });
};
