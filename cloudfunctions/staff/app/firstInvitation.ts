/**
 * The first 区市指挥中心 of a district: nobody in the app can invite them, so whoever deploys issues
 * the invitation from the command line (`npm run staff:invite`). Everyone after is invited in the app.
 */
import { INVITE_TTL } from '../../../types/staff.constants';
import { invalid, notFound } from '../../core/errors';
import { database } from '../../core/platform/cloud';
import type { OrgUnit } from '../../../types/org';
import type { InvitationDoc } from '../repos/invitations';
import { storeInvitation } from './store';

export const PLATFORM_ISSUER = { openid: 'platform:go-live', name: '上线部署' } as const;

async function districtByCode(code: string): Promise<OrgUnit | null> {
  const db = database();
  const { data } = await db.collection('orgUnits').where(db.command.or([{ level: 'district', divisionCode: code }, { level: 'district', _id: code }])).limit(1).get();
  return (data[0] as OrgUnit | undefined) ?? null;
}

/** An invitation for the district's commander; `requestId` makes a rerun of the same command return the same code. */
export async function inviteFirstCommander(input: { district: string; ttlHours?: number; requestId: string; now: Date }): Promise<InvitationDoc> {
  const ttlHours = input.ttlHours ?? INVITE_TTL.defaultHours;
  if (!Number.isInteger(ttlHours) || ttlHours < INVITE_TTL.minHours || ttlHours > INVITE_TTL.maxHours) throw invalid('ttlHours', `有效期应为 ${INVITE_TTL.minHours}–${INVITE_TTL.maxHours} 小时`);
  const unit = await districtByCode(input.district.trim());
  if (!unit) throw notFound(`找不到区市 ${input.district}：请先导入组织架构（npm run org:import），再用区划代码（如 370602）邀请`);
  return storeInvitation({
    grant: { role: 'district_commander', unit, company: null },
    by: PLATFORM_ISSUER,
    requestKey: `${PLATFORM_ISSUER.openid}:${input.requestId}`,
    ttlHours,
    now: input.now,
    byPlatform: true,
  });
}
