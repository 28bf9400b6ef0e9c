/** Who the caller is to a community, team or activity: staff covering it, the team's leader, or a resident. */
import type { OrgUnit } from '../../../types/org';
import type { Caller } from '../../core/auth/caller';
import { coversUnitPath, hasAnyRole } from '../../core/auth/jurisdiction';
import { communityInReach } from '../../core/auth/reach';
import { forbidden, invalid, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { ActivityDoc, Person, TeamDoc } from '../domain/model';
import { activitiesRepo } from '../repos/activities';
import { teamsRepo } from '../repos/teams';

/** Staff who manage a community's volunteers: its community staff and the commanders above it. */
export const MANAGER_ROLES = ['community_staff', 'street_commander', 'district_commander'] as const;

export const personOf = (caller: Caller): Person => ({ openid: caller.openid, name: caller.user?.name ?? '居民' });

export const isStaffOf = (caller: Caller, communityPath: readonly string[]) => hasAnyRole(caller, MANAGER_ROLES) && coversUnitPath(caller, communityPath);

export async function communityOf(id: string): Promise<OrgUnit> {
  const unit = await orgRepo.unit(id);
  if (!unit) throw notFound('找不到该社区');
  if (unit.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return unit;
}

/** The community asked for, else the caller's household's, else (staff) their own. */
export async function communityFor(caller: Caller, communityId: string | undefined): Promise<OrgUnit> {
  if (communityId) return communityOf(communityId);
  const home = caller.householdBuildingId ? await orgRepo.building(caller.householdBuildingId) : null;
  if (home) return communityOf(home.communityId);
  if (hasAnyRole(caller, MANAGER_ROLES) || caller.roles.includes('grid_worker')) return communityInReach(caller, undefined);
  throw invalid('communityId', '请先绑定住址，或选择一个社区');
}

export async function teamOf(id: string): Promise<{ team: TeamDoc; community: OrgUnit }> {
  const team = await teamsRepo.get(id);
  if (!team) throw notFound('找不到该服务队');
  return { team, community: await communityOf(team.communityId) };
}

export const managesTeam = (caller: Caller, team: TeamDoc, community: OrgUnit) => team.leader.openid === caller.openid || isStaffOf(caller, community.path);

export async function managedTeam(caller: Caller, teamId: string): Promise<{ team: TeamDoc; community: OrgUnit }> {
  const found = await teamOf(teamId);
  if (!managesTeam(caller, found.team, found.community)) throw forbidden('只有服务队队长或社区工作人员可以操作');
  return found;
}

export async function activityOf(id: string): Promise<ActivityDoc> {
  const a = await activitiesRepo.get(id);
  if (!a) throw notFound('找不到该活动');
  return a;
}

export const managesActivity = (caller: Caller, a: ActivityDoc) => a.leaderOpenid === caller.openid || isStaffOf(caller, a.communityPath);

export async function managedActivity(caller: Caller, id: string): Promise<ActivityDoc> {
  const a = await activityOf(id);
  if (!managesActivity(caller, a)) throw forbidden('只有服务队队长或社区工作人员可以操作');
  return a;
}

/** The community a staff action is about (the given one or the caller's own), if the caller covers it. */
export async function staffCommunity(caller: Caller, communityId: string | undefined): Promise<OrgUnit> {
  const community = await communityFor(caller, communityId);
  if (!isStaffOf(caller, community.path)) throw forbidden('该社区不在您的辖区内');
  return community;
}
