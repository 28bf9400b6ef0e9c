/** 组织架构导入: a district admin imports the org sheet they uploaded; only their own districts. */
import type { orgContract } from '../../../types/org';
import { coveredUnits } from '../../core/auth/jurisdiction';
import { AppError, forbidden, invalid } from '../../core/errors';
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

  let bytes: Buffer;
  try {
    // The bytes, not `tempFilePath`: the SDK resolves that before the file is written.
    const { fileContent } = await cloud().downloadFile({ fileID: fileId });
    if (!Buffer.isBuffer(fileContent) || fileContent.length === 0) throw new Error('empty');
    bytes = fileContent;
  } catch {
    throw invalid('fileId', '文件下载失败，请确认文件已上传');
  }
  if (bytes.length > ORG_FILE_MAX_BYTES) throw invalid('fileId', `文件不能超过 ${ORG_FILE_MAX_BYTES / 1024 / 1024} MB`);
  const authorize = (districtIds: string[]) => {
    const outside = districtIds.filter((id) => !covered.has(id));
    if (outside.length > 0) throw forbidden(`文件中的区市（区划代码 ${outside.map((id) => id.slice(2)).join('、')}）不在您的辖区内`);
  };
  try {
    return await runImport(database(), bytes, { dryRun, authorize });
  } catch (error) {
    // exceljs and JSZip throw on bytes that are not an .xlsx workbook
    if (!(error instanceof AppError) && error instanceof Error && /zip|central directory|signature|corrupt|end of data/i.test(error.message)) {
      throw invalid('fileId', '文件不是有效的 Excel（.xlsx）文件，请使用导入模板');
    }
    throw error;
  }
};
