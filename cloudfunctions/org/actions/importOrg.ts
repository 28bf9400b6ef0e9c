/** 组织架构导入: a district admin imports the org sheet they uploaded; only their own districts. */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { orgContract } from '../../../types/org';
import { coveredUnits } from '../../core/auth/jurisdiction';
import { forbidden, invalid } from '../../core/errors';
import { cloud, database } from '../../core/platform/cloud';
import type { Handler } from '../../core/router';
import { currentEnv, refuseFile, type FileRefusal } from '../../core/storage/fileId';
import { runImport } from '../import/runImport';

/** Larger than any district's sheet (40,000 buildings are about 1.5 MB). */
export const ORG_FILE_MAX_BYTES = 20 * 1024 * 1024;

const REFUSALS: Record<FileRefusal, string> = {
  format: '文件地址无效，请重新上传',
  env: '文件不在本小程序的云存储中，请重新上传',
  owner: '只能导入自己上传的文件，请重新上传',
};

export const importOrg: Handler<typeof orgContract.importOrg> = async ({ fileId, dryRun }, { caller }) => {
  const refusal = refuseFile(fileId, { env: currentEnv(), openid: caller.openid });
  if (refusal) throw invalid('fileId', REFUSALS[refusal]);
  if (caller.jurisdiction?.level !== 'district') throw forbidden('只有区市指挥中心可以导入组织架构');
  const covered = new Set(coveredUnits(caller));

  const file = path.join(os.tmpdir(), `org-import-${randomUUID()}.xlsx`);
  try {
    try {
      await cloud().downloadFile({ fileID: fileId, tempFilePath: file });
    } catch {
      throw invalid('fileId', '文件下载失败，请重新上传');
    }
    const { size } = await fs.stat(file).catch(() => ({ size: -1 }));
    if (size <= 0) throw invalid('fileId', '文件下载失败，请重新上传');
    if (size > ORG_FILE_MAX_BYTES) throw invalid('fileId', `文件不能超过 ${ORG_FILE_MAX_BYTES / 1024 / 1024} MB`);
    return await runImport(database(), file, {
      dryRun,
      authorize: (districtIds) => {
        const outside = districtIds.filter((id) => !covered.has(id));
        if (outside.length > 0) throw forbidden(`文件中的区市（区划代码 ${outside.map((id) => id.slice(2)).join('、')}）不在您的辖区内`);
      },
    });
  } catch (error) {
    // exceljs throws on a file that is not an .xlsx workbook
    if (error instanceof Error && error.name !== 'AppError' && /central directory|invalid signature|corrupt|FILE_ENDED|unexpected end/i.test(error.message)) {
      throw invalid('fileId', '文件不是有效的 Excel（.xlsx）文件，请使用导入模板');
    }
    throw error;
  } finally {
    await fs.rm(file, { force: true });
  }
};
