/**
 * 提事: a verified resident raises a matter about their building, estate or community (their household
 * counts as its first 附议); staff raise one about a place in their jurisdiction. Idempotent per
 * (openid, requestId). Held for review when content screening says so.
 */
import { DEFAULT_COSIGN_THRESHOLD, type MatterScope } from '../../../types/council.constants';
import type { councilContract } from '../../../types/council';
import type { OrgUnit } from '../../../types/org';
import type { Caller } from '../../core/auth/caller';
import { coversUnitPath, isOrgStaff } from '../../core/auth/jurisdiction';
import { forbidden, invalid, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import type { ResidenceDoc } from '../../users/domain/residence';
import { personOf } from '../app/actor';
import { runMatter } from '../app/command';
import { matterId } from '../app/ids';
import { eligibleHousehold, residenceOf } from '../app/residence';
import { viewOf } from '../app/view';
import { REFUSALS } from '../domain/eligibility';
import type { MatterDoc, Scope } from '../domain/model';
import { cosigned, startStage } from '../domain/stages';
import { cosignsRepo } from '../repos/ballots';
import { matterCommands, mattersRepo, thresholdOf } from '../repos/matters';
import { ballotKey } from '../repos/ballots';

interface Placed {
  scope: Scope;
  community: OrgUnit;
  gridId: string | null;
}

async function communityUnit(id: string): Promise<OrgUnit> {
  const unit = await orgRepo.unit(id);
  if (!unit || unit.level !== 'community') throw notFound('找不到该社区');
  return unit;
}

/** The place a scope names, from a building, estate or community id. */
async function placeOf(kind: MatterScope, id: string): Promise<Placed> {
  if (kind === 'building') {
    const b = await orgRepo.building(id);
    if (!b) throw invalid('placeId', '找不到该楼栋');
    const estate = await orgRepo.estate(b.estateId);
    return { scope: { kind, id, name: `${estate?.name ?? ''}${b.name}` }, community: await communityUnit(b.communityId), gridId: b.gridId };
  }
  if (kind === 'estate') {
    const e = await orgRepo.estate(id);
    if (!e) throw invalid('placeId', '找不到该小区');
    return { scope: { kind, id, name: e.name }, community: await communityUnit(e.communityId), gridId: null };
  }
  const c = await orgRepo.unit(id);
  if (!c || c.level !== 'community') throw invalid('placeId', '找不到该社区');
  return { scope: { kind, id, name: c.name }, community: c, gridId: null };
}

const SCOPE_ID: Record<MatterScope, keyof Pick<ResidenceDoc, 'buildingId' | 'estateId' | 'communityId'>> = { building: 'buildingId', estate: 'estateId', community: 'communityId' };

async function placeFor(caller: Caller, scope: MatterScope, placeId: string | undefined, residence: ResidenceDoc | null): Promise<Placed & { byStaff: boolean }> {
  if (placeId !== undefined && isOrgStaff(caller)) {
    const placed = await placeOf(scope, placeId);
    if (!coversUnitPath(caller, [...placed.community.path, ...(placed.gridId ? [placed.gridId] : [])])) throw forbidden('该范围不在您的辖区内');
    return { ...placed, byStaff: true };
  }
  if (isOrgStaff(caller)) throw invalid('placeId', '请选择议题所在的楼栋、小区或社区');
  if (!residence || residence.status !== 'verified') throw forbidden(REFUSALS.unverified);
  return { ...(await placeOf(scope, residence[SCOPE_ID[scope]])), byStaff: false };
}

export const raise: Handler<typeof councilContract.raise> = async (input, { caller, now, screening }) => {
  const id = matterId(caller.openid, input.requestId);
  const residence = await residenceOf(caller.openid);
  const retried = await mattersRepo.get(id);
  // A retry racing the first attempt may find the matter before its first 附议 is counted: it finishes that (both steps are idempotent).
  if (retried) return viewOf(retried.byStaff || retried.cosigns > 0 ? retried : await firstCosign(retried, residence, caller.openid, now), { caller, now, residence });

  const placed = await placeFor(caller, input.scope, input.placeId, residence);
  const by = personOf(caller);
  const raisedFrom = placed.byStaff ? placed.community.name : (residence?.household.buildingName ?? '');
  const [districtId, streetId] = placed.community.path;
  const doc: MatterDoc = {
    _id: id,
    communityId: placed.community._id,
    communityName: placed.community.name,
    streetId,
    districtId,
    gridId: placed.gridId,
    scope: placed.scope,
    title: input.title,
    description: input.description,
    photos: input.photos,
    raisedBy: by,
    raisedFrom,
    byStaff: placed.byStaff,
    stage: startStage(placed.byStaff, screening),
    cosigns: 0,
    threshold: await thresholdOf(placed.community._id, DEFAULT_COSIGN_THRESHOLD),
    ballot: null,
    tallyAt: null,
    result: null,
    log: [
      { at: now, kind: 'raised', by: { openid: by.openid, name: placed.byStaff ? by.name : `${raisedFrom}居民` }, note: null },
      ...(screening === 'review' ? [{ at: now, kind: 'held' as const, by: { openid: 'system', name: '系统' }, note: '内容待社区审核后公开' }] : []),
    ],
    createdAt: now,
    updatedAt: now,
    version: 1,
    effects: [],
    effectsPending: false,
  };
  const stored = (await matterCommands.create(doc, now)) ?? doc;
  return viewOf(placed.byStaff ? stored : await firstCosign(stored, residence, caller.openid, now), { caller, now, residence });
};

/** The raiser's household is the first to 附议: stored once (by its key) and counted once. */
async function firstCosign(matter: MatterDoc, residence: ResidenceDoc | null, openid: string, now: Date): Promise<MatterDoc> {
  const household = eligibleHousehold(residence, matter.scope);
  await cosignsRepo.insert({ _id: ballotKey(matter._id, household.id), matterId: matter._id, householdId: household.id, by: openid, at: now });
  return runMatter(matter._id, { now }, async (m) => cosigned(m, await cosignsRepo.count(matter._id), now));
}
