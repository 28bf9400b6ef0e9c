/** 导出台账: queues an export of a unit in the caller's reach; a retry with the same requestId returns the same one. */
import { createHash } from 'node:crypto';
import type { ledgerContract } from '../../../types/ledger';
import type { Handler } from '../../core/router';
import { toView, type ExportDoc } from '../domain/model';
import { filterTextOf, unitFor } from '../kinds';
import { exportsRepo } from '../repos/exports';

export const exportId = (openid: string, requestId: string) => `ex${createHash('sha256').update(`${openid}:${requestId.toLowerCase()}`).digest('hex').slice(0, 24)}`;

export const request: Handler<typeof ledgerContract.request> = async (input, { caller, now }) => {
  const { asked, covered: unit } = await unitFor(input.kind, caller, input.unitId);
  const doc: ExportDoc = {
    _id: exportId(caller.openid, input.requestId),
    requestId: input.requestId,
    requester: { openid: caller.openid, name: caller.user?.name ?? '' },
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
    rows: 0,
    total: null,
    fileId: null,
    error: null,
    attempts: 0,
    dueAt: now,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
  return toView(await exportsRepo.create(doc));
};
