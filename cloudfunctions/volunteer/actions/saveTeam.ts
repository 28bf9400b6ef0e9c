/**
 * Community staff create a team (no id) or edit one: name, intro, how members join, and the 报到单位
 * it serves for as a 党员志愿服务队 (null: a community team). A new team is led by its creator until
 * a member is appointed.
 */
import { randomUUID } from 'node:crypto';
import type { volunteerContract } from '../../../types/volunteer';
import { forbidden, invalid, notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import type { TeamDoc } from '../domain/model';
import { teamsRepo } from '../repos/teams';
import { unitsRepo } from '../repos/units';
import { isStaffOf, personOf, staffCommunity, teamOf } from '../app/access';
import { teamAdminRow } from './units';

export const saveTeam: Handler<typeof volunteerContract.saveTeam> = async (input, { caller, now }) => {
  const existing = input.id ? await teamOf(input.id) : null;
  const community = existing ? existing.community : await staffCommunity(caller, input.communityId);
  if (!isStaffOf(caller, community.path)) throw forbidden('该社区不在您的辖区内');
  const unit = input.unitId ? await unitsRepo.get(input.unitId) : null;
  if (input.unitId && !unit) throw notFound('找不到该报到单位');
  if (unit && unit.communityId !== community._id) throw invalid('unitId', '该单位不在本社区登记');
  const fields = { name: input.name, intro: input.intro ?? '', joinPolicy: input.joinPolicy, unit: unit ? { id: unit._id, name: unit.name } : null };
  if (existing) {
    await teamsRepo.update(existing.team._id, fields);
    return teamAdminRow({ ...existing.team, ...fields });
  }
  const order = (await teamsRepo.ofCommunity(community._id)).reduce((max, t) => Math.max(max, t.order), 0) + 1;
  const doc: TeamDoc = { _id: `vt-${randomUUID()}`, communityId: community._id, ...fields, leader: personOf(caller), order, createdAt: now };
  await teamsRepo.insert(doc);
  return teamAdminRow(doc);
};
