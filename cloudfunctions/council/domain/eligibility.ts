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

export type Refusal = 'unverified' | 'outOfScope' | null;

export function refusal(residence: Residence | null, scope: Pick<Scope, 'kind' | 'id'>): Refusal {
  if (!residence || residence.status !== 'verified') return 'unverified';
  return residence[SCOPE_FIELD[scope.kind]] === scope.id ? null : 'outOfScope';
}

export const REFUSALS: Record<Exclude<Refusal, null>, string> = {
  unverified: '完成住户认证后才能附议和投票',
  outOfScope: '该议题仅限范围内的住户参与',
};
