/**
 * 志愿服务证明: the figures of the caller's record over the period, stored under an unguessable code
 * (16 symbols from crypto randomness) that anyone can verify with `verifyCertificate`.
 */
import { randomBytes } from 'node:crypto';
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { certificateFigures, codeOf } from '../domain/certificate';
import { recordItems } from '../domain/record';
import { certificatesRepo, type CertificateDoc } from '../repos/declarations';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';
import { personOf } from '../app/access';

export const issueCertificate: Handler<typeof volunteerContract.issueCertificate> = async (input, { caller, now }) => {
  const me = personOf(caller);
  const records = await recordsRepo.ofPerson(me.openid);
  const rules = await settingsRepo.rules(records.map((r) => r.communityId));
  const figures = certificateFigures(recordItems(records, rules), input.from, input.to);
  if (figures.activities === 0) throw conflict('所选期间还没有志愿服务时长，暂不能开具证明');
  // The issuer: the household's community, else that of the latest service.
  const home = caller.householdBuildingId ? await orgRepo.building(caller.householdBuildingId) : null;
  const issuerId = home?.communityId ?? records.find((r) => r.checkInAt)?.communityId;
  const issuer = issuerId ? await orgRepo.unit(issuerId) : null;
  const body: Omit<CertificateDoc, '_id'> = {
    openid: me.openid,
    name: me.name,
    ...figures,
    issuer: `${issuer?.name ?? ''}志愿服务站`,
    issuerPhone: issuer?.phone ?? null,
    issuedAt: now.toISOString(),
    note: '服务时长依据活动现场签到、签退记录（或队长注明原因的更正）计算，按社区规则取整，同一时段参加多个活动只计一次。',
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = codeOf(randomBytes(16));
    if (await certificatesRepo.insert({ _id: code, ...body })) return { code, ...stripOwner(body) };
  }
  throw conflict('证明编号分配失败，请稍后重试');
};

export function stripOwner<T extends { openid: string }>(doc: T): Omit<T, 'openid'> {
  const { openid: _owner, ...rest } = doc;
  return rest;
}
