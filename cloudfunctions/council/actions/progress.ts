/** 办事: staff record a step of the work (what was done, photos, who answers for it, by when). */
import type { councilContract } from '../../../types/council';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { viewOf } from '../app/view';
import { addProgress } from '../domain/stages';

export const progress: Handler<typeof councilContract.progress> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const step = { at: now, note: input.note, photos: input.photos, owner: input.owner ?? null, dueDay: input.dueDay ?? null, by: personOf(caller) };
  const after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => addProgress(m, step));
  return viewOf(after, { caller, now });
};
