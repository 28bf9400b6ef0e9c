/** 受理: a resident files an appeal from a building's QR code. Idempotent per (openid, requestId). */
import type { appealsContract } from '../../../types/appeals';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf } from '../app/actor';
import { appealCommands } from '../app/command';
import { effectsOf } from '../app/effects';
import { appealIds } from '../app/ids';
import { route } from '../domain/routing';
import { file } from '../domain/stateMachine';
import { detailFor } from '../app/detail';
import { appealsRepo } from '../repos/appeals';
import { placesRepo } from '../repos/places';
import { routingRepo } from '../repos/routingRules';

export const createAppeal: Handler<typeof appealsContract.create> = async (input, { caller, now, screening }) => {
  const actor = actorOf(caller);
  const { id, numbers } = appealIds(caller.openid, input.requestId, now);
  const [existing, place] = await Promise.all([appealsRepo.get(id), placesRepo.byCode(input.buildingCode)]);
  if (existing) {
    // A retry: the first attempt's appeal, with any effects it left unapplied.
    await appealCommands.flush(existing, now);
    return detailFor(existing, actor, now);
  }
  const rules = await routingRepo.get(place.communityId);
  // The number is unique (an index says so); on the rare clash with another appeal of the day, the next candidate.
  for (const no of numbers) {
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
    const stored = await appealCommands.create({ ...doc, screening, effects, effectsPending: effects.length > 0, effectsAt: now }, now);
    if (stored) return detailFor(stored, actor, now);
  }
  throw conflict('受理编号分配失败，请稍后重试');
};
