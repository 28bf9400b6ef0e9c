/** 住户认证 commands on the kernel's runner, and the views of a verification. */
import { messagePage, routes } from '../../../types/routes';
import type { NotifyEffect } from '../../core/commands/runner';
import { renderTemplate } from '../../core/outbox/templates';
import { USERS_TEMPLATES } from '../templates';
import { RESIDENCE_STATUS_LABELS, type ResidenceItem, type ResidenceView } from '../../../types/users';
import { invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { UserDoc } from '../../../types/users';
import { blankResidence, householdKey, normaliseRoom, request, type Decision, type HouseholdRef, type Person, type ResidenceDoc } from '../domain/residence';
import { residenceCommands, residencesRepo } from '../repos/residences';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The resident hears a staff decision on their verification (not their own request or withdrawal). */
function noticesOf(doc: ResidenceDoc, d: Decision): NotifyEffect[] {
  if (d.event.kind === 'requested' || d.event.by.openid === doc._id) return [];
  const result = d.event.kind === 'verified' ? '认证通过' : d.event.kind === 'rejected' ? '未通过' : '已撤销';
  const note = d.event.kind === 'verified' ? '现在可以参与家园议事的附议和投票' : (d.event.reason ?? '');
  const message = {
    toOpenid: doc._id,
    template: 'residenceDecided',
    title: USERS_TEMPLATES.residenceDecided.title,
    page: messagePage(routes.council()),
    data: renderTemplate(USERS_TEMPLATES.residenceDecided, { result, household: d.event.household, note, time: new Date(d.event.at) }),
  };
  return [{ id: `${doc._id}_v${doc.version + 1}_0`, kind: 'notify', message }];
}

/** Runs a decision on a verification (null: nothing to do), the event appended to its history. */
export function runResidence(openid: string, now: Date, expectedVersion: number | undefined, decide: (doc: ResidenceDoc) => Decision | null): Promise<ResidenceDoc> {
  return residenceCommands.run(openid, { now, expectedVersion }, (doc) => {
    const d = decide(doc);
    return d ? { set: d.set, push: { history: [d.event] }, effects: noticesOf(doc, d) } : null;
  });
}

/** The user's bound household as a verification names it; INVALID_INPUT without a building and room. */
export async function boundHousehold(user: UserDoc | null): Promise<{ household: HouseholdRef; place: { gridId: string; communityId: string; streetId: string; districtId: string } }> {
  const bound = user?.household;
  if (!bound) throw invalid('household', '请先绑定您家所在的楼栋和房号');
  if (!bound.room || normaliseRoom(bound.room) === '') throw invalid('room', '请先填写房号（如 2单元301）再申请认证');
  const building = await orgRepo.building(bound.buildingId);
  if (!building) throw invalid('household', '绑定的楼栋不存在，请重新绑定');
  const room = bound.room.trim();
  return {
    household: { buildingId: building._id, buildingName: building.name, estateId: building.estateId, room, key: householdKey(building._id, room) },
    place: { gridId: building.gridId, communityId: building.communityId, streetId: building.streetId, districtId: building.districtId },
  };
}

/** Asks for verification of the bound household: the first request creates the document with it. */
export async function requestFor(user: UserDoc, now: Date): Promise<ResidenceDoc> {
  const { household, place } = await boundHousehold(user);
  const who = personOf(user._id, user);
  const existing = await residencesRepo.get(user._id);
  if (!existing) {
    const first = request(null, who, household, now);
    const blank = blankResidence(user._id, user.name, user.phone ?? null, household, place, now);
    const stored = await residenceCommands.create({ ...blank, ...first?.set, history: first ? [first.event] : [], version: 1 }, now);
    if (stored && stored.householdKey === household.key && stored.status === 'pending') return stored;
  }
  return runResidence(user._id, now, undefined, (doc) => {
    const d = request(doc, who, household, now);
    // The place moves with the household (a resident who moved to another grid is queued there).
    return d ? { ...d, set: { ...d.set, ...place, name: user.name, phone: user.phone ?? null } } : null;
  });
}

export function residenceView(doc: ResidenceDoc, user: UserDoc | null): ResidenceView {
  const bound = user?.household;
  const sameHousehold = !!bound?.room && householdKey(bound.buildingId, bound.room) === doc.householdKey;
  return {
    status: doc.status,
    statusLabel: RESIDENCE_STATUS_LABELS[doc.status],
    buildingName: doc.household.buildingName,
    room: doc.household.room,
    reason: doc.reason,
    requestedAt: iso(doc.requestedAt) ?? '',
    decidedAt: iso(doc.decidedAt),
    canRequest: !!bound?.room && (!sameHousehold || doc.status === 'rejected' || doc.status === 'revoked'),
  };
}

export function residenceItem(doc: ResidenceDoc): ResidenceItem {
  return {
    ...residenceView(doc, null),
    canRequest: false,
    openid: doc._id,
    name: doc.name,
    phone: doc.phone,
    buildingId: doc.buildingId,
    gridId: doc.gridId,
    communityId: doc.communityId,
    area: doc.area,
    version: doc.version,
    history: doc.history,
  };
}

export const personOf = (openid: string, user: UserDoc | null): Person => ({ openid, name: user?.name ?? '微信用户' });
