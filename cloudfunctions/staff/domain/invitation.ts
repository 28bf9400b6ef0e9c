/** An invitation's life: a code typed by hand, an expiry, used once. Pure. */
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, type InvitationStatus } from '../../../types/staff.constants';

const HOUR_MS = 3_600_000;

/** A code from a source of uniform random integers in [0, n) (crypto's randomInt in production). */
export function makeCode(randomBelow: (n: number) => number): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomBelow(INVITE_CODE_ALPHABET.length)]).join('');
}

export const expiryOf = (now: Date, hours: number): Date => new Date(now.getTime() + hours * HOUR_MS);

export interface InvitationState {
  usedBy: string | null;
  expiresAt: Date;
}

export function statusOf(inv: InvitationState, now: Date): InvitationStatus {
  if (inv.usedBy) return 'used';
  return inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Why a code cannot be accepted now, in words; null when it can. */
export function acceptRefusal(inv: InvitationState | null, now: Date): string | null {
  if (!inv) return '邀请码不存在，请核对后重新输入';
  switch (statusOf(inv, now)) {
    case 'used':
      return '该邀请码已被使用，每个邀请码只能使用一次';
    case 'expired':
      return '该邀请码已过期，请联系邀请人重新邀请';
    case 'pending':
      return null;
  }
}
