/**
 * Who takes part, pure: a verified resident whose household is in the matter's scope. Staff raise and
 * manage; they never co-sign or vote as a household unless they are also a verified resident.
 */
import type { MatterScope } from '../../../types/council.constants';
import type { Scope } from './model';

export interface Residence {
  status: 'pending' | 'verified' | 'rejected' | 'revoked';
  buildingId: string;
  estateId: string;
  communityId: string;
}

/** The residence field a scope is matched on. */
export const SCOPE_FIELD: Record<MatterScope, 'buildingId' | 'estateId' | 'communityId'> = { building: 'buildingId', estate: 'estateId', community: 'communityId' };

export type Refusal = 'unverified' | 'outOfScope' | 'notOnRoll' | null;

export function refusal(residence: Residence | null, scope: Pick<Scope, 'kind' | 'id'>): Refusal {
  if (!residence || residence.status !== 'verified') return 'unverified';
  return residence[SCOPE_FIELD[scope.kind]] === scope.id ? null : 'outOfScope';
}

/**
 * Who may vote in an open window: a verified household in scope now (a revoked resident may not) that
 * was on the roll when the window opened (a household verified since may not).
 */
export function voteRefusal(residence: Residence | null, scope: Pick<Scope, 'kind' | 'id'>, onRoll: boolean): Refusal {
  return refusal(residence, scope) ?? (onRoll ? null : 'notOnRoll');
}

export const REFUSALS: Record<Exclude<Refusal, null>, string> = {
  unverified: '完成住户认证后才能附议和投票',
  outOfScope: '该议题仅限范围内的住户参与',
  notOnRoll: '您家在本次表决发起后才完成认证，不在表决名册内，不能参加本次表决',
};
