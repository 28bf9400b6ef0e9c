/** 受理: a resident files an appeal from a building's QR code. Idempotent per (openid, requestId). */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { effectsOf, flushEffects } from '../app/effects';
import { appealIds } from '../app/ids';
import { route } from '../domain/routing';
import { file } from '../domain/stateMachine';
import { toDetail } from '../domain/views';
import { shanghaiDay } from '../../core/time/workingTime';
import { appealsRepo } from '../repos/appeals';
import { placesRepo } from '../repos/places';
import { routingRepo } from '../repos/routingRules';

export const createAppeal: Handler<typeof appealsContract.create> = async (input, { caller, now }) => {
  const actor = actorOf(caller);
  const { id, no } = appealIds(caller.openid, input.requestId, now);
  const [existing, place] = await Promise.all([appealsRepo.get(id), placesRepo.byCode(input.buildingCode)]);
  if (existing) {
    // A retry: the first attempt's appeal, with any effects it left unapplied.
    await flushEffects(existing, now);
    return toDetail(existing, actor, now);
  }
  const rules = await routingRepo.get(place.communityId);
  const doc = file(
    {
      _id: id,
      no,
      requestId: input.requestId,
      resident: { openid: caller.openid, name: actor.name, phone: input.phone ?? caller.user?.phone ?? null, anonymous: input.anonymous },
      category: input.category,
      description: input.description,
      photos: input.photos,
      place,
      filedDay: shanghaiDay(now),
    },
    route(input.category, place, rules),
    { now },
  );
  const effects = await effectsOf({ kind: 'file' }, null, doc, null, now);
  const written = { ...doc, effects, effectsPending: effects.length > 0 };
  if (!(await appealsRepo.insert(written))) {
    // A concurrent retry inserted it first.
    const first = await appealsRepo.get(id);
    if (first) return toDetail(first, actor, now);
  }
  await flushEffects(written, now);
  return toDetail(written, actor, now);
};
