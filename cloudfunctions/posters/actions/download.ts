/** A finished PDF's signed URL: only for its requester, and only while the unit is still in their reach. */
import type { postersContract } from '../../../types/posters';
import { coversUnitPath } from '../../core/auth/jurisdiction';
import { conflict, forbidden, notFound } from '../../core/errors';
import { signedFileUrl } from '../../core/jobs/fileJobs';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { fileNameOf } from '../domain/model';
import { batchesRepo } from '../repos/batches';

/** Long enough to download a street's PDF on a slow line. */
export const DOWNLOAD_URL_MAX_AGE_SECONDS = 30 * 60;

export const download: Handler<typeof postersContract.download> = async ({ id }, { caller, now }) => {
  const doc = await batchesRepo.get(id);
  if (!doc || doc.requester.openid !== caller.openid) throw notFound('找不到这批海报');
  if (doc.status !== 'done' || !doc.fileId) throw conflict('海报还没有生成好');
  const unit = await orgRepo.unit(doc.unitId);
  if (!unit || !coversUnitPath(caller, unit.path)) throw forbidden('该单位已不在您的辖区内');
  const url = await signedFileUrl(doc.fileId, DOWNLOAD_URL_MAX_AGE_SECONDS);
  return { url, fileName: fileNameOf(doc), expiresAt: new Date(now.getTime() + DOWNLOAD_URL_MAX_AGE_SECONDS * 1000).toISOString() };
};
