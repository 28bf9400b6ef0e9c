/**
 * Who may see and do what on a booking, server side. Pure over the actor (platform identity, roles
 * and jurisdiction from `users`, every right needing a *current* staff role) and the booking.
 */
import { FRONT_DESK_ROLES, SETTINGS_ROLES, type BookingCommand } from '../../../types/booking.constants';
import { coversUnitPath, hasAnyRole } from '../../core/auth/jurisdiction';
import { forbidden } from '../../core/errors';
import type { Actor, BookingDoc } from './model';

/** An actor with the communities where they work: the front desk and (community staff) the settings. */
export interface StaffActor extends Actor {
  /** Communities whose front desk the actor works: community staff of it, grid workers of its grids. */
  desk: readonly string[];
  /** Communities whose catalogue, hours, roster and 差评 the actor answers for: their community staff. */
  admin: readonly string[];
}

export const isOwner = (actor: Pick<Actor, 'openid'>, b: Pick<BookingDoc, 'owner'>) => b.owner.kind === 'wechat' && b.owner.openid === actor.openid;

export const worksDesk = (actor: StaffActor, communityId: string) => hasAnyRole(actor, FRONT_DESK_ROLES) && actor.desk.includes(communityId);
export const administers = (actor: StaffActor, communityId: string) => hasAnyRole(actor, SETTINGS_ROLES) && actor.admin.includes(communityId);

/** Community staff and every level above (street, district) read; so does the front desk. */
export function canRead(actor: StaffActor, place: Pick<BookingDoc, 'districtId' | 'streetId' | 'communityId'>): boolean {
  return worksDesk(actor, place.communityId) || coversUnitPath(actor, [place.districtId, place.streetId, place.communityId]);
}

export function assertCanView(actor: StaffActor, b: BookingDoc): void {
  if (!isOwner(actor, b) && !canRead(actor, b)) throw forbidden('您无权查看该预约');
}

/** Rights for a command regardless of state, so that a state conflict reads as one (not as forbidden). */
export function may(command: BookingCommand, actor: StaffActor, b: BookingDoc): boolean {
  switch (command) {
    case 'cancel':
      return isOwner(actor, b) || worksDesk(actor, b.communityId);
    case 'reschedule':
      // Staff move phone bookings (the caller has no app); residents move their own.
      return isOwner(actor, b) || (b.channel === 'phone' && worksDesk(actor, b.communityId));
    case 'rate':
      return isOwner(actor, b);
    case 'checkIn':
    case 'serve':
    case 'noShow':
      return worksDesk(actor, b.communityId);
    case 'approve':
    case 'answer':
      return administers(actor, b.communityId);
  }
}

export function assertMay(command: BookingCommand, actor: StaffActor, b: BookingDoc): void {
  if (!may(command, actor, b)) throw forbidden(isOwner(actor, b) || canRead(actor, b) ? '您没有权限执行此操作' : '您无权操作该预约');
}

/** The owner acting on their own booking is held to the cut-off; staff are not. */
export const actsAsStaff = (actor: StaffActor, b: BookingDoc) => !isOwner(actor, b) && worksDesk(actor, b.communityId);
