/** The community an action is about, checked against what the caller may do there. */
import type { CommunityRef } from '../../../types/booking.constants';
import type { OrgUnit } from '../../../types/org';
import { communityInReach } from '../../core/auth/reach';
import { forbidden, invalid, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import { administers, worksDesk, type StaffActor } from '../domain/policy';

export const refOf = (unit: OrgUnit): CommunityRef => ({ id: unit._id, name: unit.name, phone: unit.phone ?? null });

export async function communityOf(id: string, path = 'communityId'): Promise<OrgUnit> {
  const unit = await orgRepo.unit(id);
  if (!unit) throw notFound('找不到该社区');
  if (unit.level !== 'community') throw invalid(path, '请选择一个社区');
  return unit;
}

/** A community staff may read: the given one in reach, or the caller's own (a grid worker's: their grid's). */
export function readableCommunity(actor: StaffActor, communityId: string | undefined): Promise<OrgUnit> {
  return communityInReach(actor, communityId);
}

/** The community whose front desk the caller works (the given one, or their first). */
export async function deskCommunity(actor: StaffActor, communityId: string | undefined): Promise<OrgUnit> {
  const id = communityId ?? actor.desk[0];
  if (!id || !worksDesk(actor, id)) throw forbidden('只有本社区工作人员可以办理');
  return communityOf(id);
}

/** The community whose settings the caller edits: community staff of it only. */
export async function adminCommunity(actor: StaffActor, communityId: string | undefined): Promise<OrgUnit> {
  const id = communityId ?? actor.admin[0];
  if (!id || !administers(actor, id)) throw forbidden('只有本社区工作人员可以修改预约设置');
  return communityOf(id);
}
