/**
 * 住户认证, pure: a person's verification of their household and its transitions. The household is
 * the building and the room (normalised), its key what "one per household" rules are keyed on.
 */
import type { Versioned } from '../../core/commands/versioned';
import type { NotifyEffect } from '../../core/commands/runner';
import { AppError, conflict, invalid } from '../../core/errors';
import type { PlaceUnits } from '../../core/auth/jurisdiction';
import type { ResidenceEvent, ResidenceStatus } from '../../../types/users';

export interface Person {
  openid: string;
  name: string;
}

export interface HouseholdRef {
  buildingId: string;
  buildingName: string;
  estateId: string;
  room: string;
  /** `<buildingId>/<room>`: the household. */
  key: string;
}

export interface ResidenceDoc extends Versioned<NotifyEffect>, PlaceUnits {
  /** The resident's openid: one verification per person. */
  _id: string;
  name: string;
  phone: string | null;
  household: HouseholdRef;
  /** Flat copies for the indexes: where the household is. */
  householdKey: string;
  buildingId: string;
  estateId: string;
  status: ResidenceStatus;
  area: number | null;
  reason: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: Person | null;
  history: ResidenceEvent[];
  updatedAt: Date;
}

/** A room as typed ('2单元 301', '２单元３０１') → one spelling: no spaces, half-width, upper case. */
export function normaliseRoom(room: string): string {
  return room
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

export const householdKey = (buildingId: string, room: string) => `${buildingId}/${normaliseRoom(room)}`;

export interface Decision {
  set: Partial<ResidenceDoc>;
  event: ResidenceEvent;
}

const label = (h: HouseholdRef) => `${h.buildingName}${h.room}`;

function event(kind: ResidenceEvent['kind'], by: Person, h: HouseholdRef, reason: string | null, now: Date): ResidenceEvent {
  return { kind, at: now.toISOString(), by, household: label(h), reason };
}

/** Asking for the bound household. Null: already pending or verified for it (nothing to do). */
export function request(doc: ResidenceDoc | null, who: Person, household: HouseholdRef, now: Date): Decision | null {
  if (doc && doc.household.key === household.key && (doc.status === 'pending' || doc.status === 'verified')) return null;
  return {
    set: { household, householdKey: household.key, buildingId: household.buildingId, estateId: household.estateId, status: 'pending', area: null, reason: null, requestedAt: now, decidedAt: null, decidedBy: null, updatedAt: now },
    event: event('requested', who, household, null, now),
  };
}

/** 通过 / 不通过: only a pending request. */
export function decide(doc: ResidenceDoc, by: Person, approve: boolean, reason: string | null, area: number | null, now: Date): Decision {
  if (doc.status !== 'pending') throw conflict(`该申请${doc.status === 'verified' ? '已通过' : '已处理'}，无需再审核`);
  if (!approve && !reason) throw invalid('reason', '不通过须填写原因');
  const status: ResidenceStatus = approve ? 'verified' : 'rejected';
  return {
    set: { status, reason: approve ? null : reason, area: approve ? area : null, decidedAt: now, decidedBy: by, updatedAt: now },
    event: event(approve ? 'verified' : 'rejected', by, doc.household, reason, now),
  };
}

/** 撤销: a verified (or pending) residence ends; null when there is nothing to end. */
export function revoke(doc: ResidenceDoc, by: Person, reason: string, now: Date): Decision | null {
  if (doc.status !== 'verified' && doc.status !== 'pending') return null;
  return { set: { status: 'revoked', reason, decidedAt: now, decidedBy: by, updatedAt: now }, event: event('revoked', by, doc.household, reason, now) };
}

/** Staff revoking something that is not in force hear so (a resident's own withdrawal is quiet). */
export function mustRevoke(doc: ResidenceDoc, by: Person, reason: string, now: Date): Decision {
  const d = revoke(doc, by, reason, now);
  if (!d) throw new AppError('CONFLICT', '该居民当前没有有效的认证');
  return d;
}

/** A new verification document (before its first request is applied). */
export function blankResidence(openid: string, name: string, phone: string | null, household: HouseholdRef, place: PlaceUnits, now: Date): ResidenceDoc {
  return {
    _id: openid,
    name,
    phone,
    household,
    householdKey: household.key,
    buildingId: household.buildingId,
    estateId: household.estateId,
    ...place,
    status: 'pending',
    area: null,
    reason: null,
    requestedAt: now,
    decidedAt: null,
    decidedBy: null,
    history: [],
    updatedAt: now,
    version: 0,
    effects: [],
    effectsPending: false,
  };
}
