/** 生成海报: queues the posters of a street, community or grid in the caller's reach; a retry with the same requestId returns the same batch. */
import { POSTER_SCOPE_LEVELS, type postersContract } from '../../../types/posters';
import { unitInReach } from '../../core/auth/reach';
import { invalid } from '../../core/errors';
import { fileJobId, queuedJob } from '../../core/jobs/fileJobs';
import type { Handler } from '../../core/router';
import { toView, type PosterBatchDoc } from '../domain/model';
import { batchesRepo } from '../repos/batches';

export const batchId = (openid: string, requestId: string) => fileJobId('po', openid, requestId);

export const request: Handler<typeof postersContract.request> = async (input, { caller, now }) => {
  const unit = await unitInReach(caller, input.unitId);
  if (!(POSTER_SCOPE_LEVELS as readonly string[]).includes(unit.level)) throw invalid('unitId', '请选择一个街道、社区或网格');
  const doc: PosterBatchDoc = {
    ...queuedJob(input.requestId, { openid: caller.openid, name: caller.user?.name ?? '' }, now),
    _id: batchId(caller.openid, input.requestId),
    status: 'queued',
    unitId: unit._id,
    unitName: unit.name,
    unitLevel: unit.level,
    layout: input.layout,
  };
  return toView(await batchesRepo.create(doc));
};
