/** 报到单位 and 项目化服务 as the app shows them, and who may manage a unit's projects. */
import type { OrgUnit } from '../../../types/org';
import type { ProjectView, UnitView } from '../../../types/volunteerUnits.constants';
import type { Caller } from '../../core/auth/caller';
import { forbidden, notFound } from '../../core/errors';
import { signedUrls } from '../../core/storage/tempUrls';
import type { ProjectDoc, TeamDoc, UnitDoc } from '../domain/model';
import { projectTally } from '../domain/units';
import { teamsRepo } from '../repos/teams';
import { projectsRepo, unitsRepo } from '../repos/units';
import { communityOf, isStaffOf } from './access';

export async function unitOf(id: string): Promise<UnitDoc> {
  const unit = await unitsRepo.get(id);
  if (!unit) throw notFound('找不到该报到单位');
  return unit;
}

/** The caller may act for the unit: staff covering its community, or the leader of one of its 党员志愿服务队. */
export async function actsForUnit(caller: Caller, unit: UnitDoc): Promise<boolean> {
  if (isStaffOf(caller, unit.communityPath)) return true;
  const led = await teamsRepo.ledBy(caller.openid);
  return led.some((t) => t.unit?.id === unit._id);
}

export async function unitViews(units: UnitDoc[], teams: TeamDoc[], year: string): Promise<UnitView[]> {
  const ids = units.map((u) => u._id);
  const [members, projects] = await Promise.all([unitsRepo.memberCounts(ids), projectsRepo.countsByUnit(ids, year)]);
  return units.map((u) => ({
    id: u._id,
    name: u.name,
    contact: u.contact,
    phone: u.phone,
    teams: teams.filter((t) => t.unit?.id === u._id).map((t) => ({ id: t._id, name: t.name })),
    members: members.get(u._id) ?? 0,
    projects: projectTally(year, projects.get(u._id) ?? 0),
  }));
}

/** The project with its photos signed for the caller; `canManage` says whether they may claim or post progress. */
export async function projectViews(docs: ProjectDoc[], canManage: (p: ProjectDoc) => boolean): Promise<ProjectView[]> {
  const urls = await signedUrls(docs.flatMap((p) => p.progress.flatMap((e) => e.photos)));
  return docs.map((p) => ({
    id: p._id,
    year: p.year,
    content: p.content,
    owner: p.owner,
    dueDay: p.dueDay,
    unit: p.unit,
    progress: p.progress.map((e) => ({ at: e.at.toISOString(), by: e.by.name, note: e.note, photos: e.photos.map((f) => urls.get(f) ?? '').filter((u) => u !== '') })),
    canManage: canManage(p),
    version: p.version,
  }));
}

export async function projectOf(id: string): Promise<{ project: ProjectDoc; community: OrgUnit }> {
  const project = await projectsRepo.get(id);
  if (!project) throw notFound('找不到该服务项目');
  return { project, community: await communityOf(project.communityId) };
}

/** Staff covering the project's community, or (once claimed) the claiming unit's team leaders. */
export async function managedProject(caller: Caller, id: string): Promise<{ project: ProjectDoc; community: OrgUnit }> {
  const found = await projectOf(id);
  if (isStaffOf(caller, found.community.path)) return found;
  const unit = found.project.unit ? await unitsRepo.get(found.project.unit.id) : null;
  if (unit && (await actsForUnit(caller, unit))) return found;
  throw forbidden('只有社区工作人员或认领单位的服务队队长可以操作');
}
