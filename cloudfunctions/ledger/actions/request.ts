/** 导出台账: queues an export of a unit in the caller's reach; a retry with the same requestId returns the same one. */
import type { ledgerContract } from '../../../types/ledger';
import { fileJobId, queuedJob } from '../../core/jobs/fileJobs';
import type { Handler } from '../../core/router';
import { toView, type ExportDoc } from '../domain/model';
import { filterTextOf, unitFor } from '../kinds';
import { exportsRepo } from '../repos/exports';

export const exportId = (openid: string, requestId: string) => fileJobId('ex', openid, requestId);

export const request: Handler<typeof ledgerContract.request> = async (input, { caller, now }) => {
  const { asked, covered: unit } = await unitFor(input.kind, caller, input.unitId);
  const doc: ExportDoc = {
    ...queuedJob(input.requestId, { openid: caller.openid, name: caller.user?.name ?? '' }, now),
    _id: exportId(caller.openid, input.requestId),
    kind: input.kind,
    unitId: unit._id,
    unitName: unit.name,
    unitLevel: unit.level,
    askedUnitId: asked._id,
    from: input.from,
    to: input.to,
    filters: { ...input.filters },
    filterText: filterTextOf(input),
    status: 'queued',
  };
  return toView(await exportsRepo.create(doc));
};
