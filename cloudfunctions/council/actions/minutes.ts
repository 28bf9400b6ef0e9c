/** 议事: staff record a meeting held about a matter on the agenda, with its minutes. */
import type { councilContract } from '../../../types/council';
import type { Handler } from '../../core/router';
import { assertManages, personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { loadMatter } from '../app/load';
import { viewOf } from '../app/view';
import { addMeeting } from '../domain/stages';

export const minutes: Handler<typeof councilContract.minutes> = async (input, { caller, now }) => {
  const loaded = await loadMatter(input.id, caller);
  assertManages(caller, loaded);
  const meeting = { day: input.day, place: input.place, minutes: input.minutes, by: personOf(caller), at: now };
  const after = await runMatter(input.id, { now, expectedVersion: input.version, loaded }, (m) => addMeeting(m, meeting));
  return viewOf(after, { caller, now });
};
