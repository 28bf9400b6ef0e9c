import type { appealsContract } from '../../../types/appeals';
import { notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { assertCanView } from '../domain/policy';
import { detailFor } from '../app/detail';
import { appealsRepo } from '../repos/appeals';

export const detail: Handler<typeof appealsContract.detail> = async ({ id }, { caller, now }) => {
  const appeal = await appealsRepo.get(id);
  if (!appeal) throw notFound('找不到该诉求');
  const actor = actorOf(caller);
  assertCanView(actor, appeal);
  return detailFor(appeal, actor, now);
};
