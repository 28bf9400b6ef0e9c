/**
 * A finished file's signed URL: only for its requester, and only while the unit is still in their
 * reach (someone moved off the unit loses its ledgers with it).
 */
import type { ledgerContract } from '../../../types/ledger';
import { coversUnitPath } from '../../core/auth/jurisdiction';
import { conflict, forbidden, notFound } from '../../core/errors';
import { signedFileUrl } from '../../core/jobs/fileJobs';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { fileNameOf } from '../domain/model';
import { exportsRepo } from '../repos/exports';

/** Long enough to download a large file on a slow line; a link passed on soon stops working. */
export const DOWNLOAD_URL_MAX_AGE_SECONDS = 30 * 60;

export const download: Handler<typeof ledgerContract.download> = async ({ id }, { caller, now }) => {
  const doc = await exportsRepo.get(id);
  if (!doc || doc.requester.openid !== caller.openid) throw notFound('找不到该导出');
  if (doc.status !== 'done' || !doc.fileId) throw conflict('文件还没有生成好');
  const unit = await orgRepo.unit(doc.askedUnitId ?? doc.unitId);
  if (!unit || !coversUnitPath(caller, unit.path)) throw forbidden('该单位已不在您的辖区内');
  const url = await signedFileUrl(doc.fileId, DOWNLOAD_URL_MAX_AGE_SECONDS);
  return { url, fileName: fileNameOf(doc), expiresAt: new Date(now.getTime() + DOWNLOAD_URL_MAX_AGE_SECONDS * 1000).toISOString() };
};
