/**
 * Who may see and do what on an appeal, server side. Pure: an actor (from the platform identity and
 * the users collection) and the appeal. Rights failures are FORBIDDEN; state failures are the state
 * machine's CONFLICT.
 */
import { PRESSING_ROLES, type AppealCommand } from '../../../types/appeals';
import { coversHolder, coversPlace, hasAnyRole, isOrgStaff, isPropertyStaffOf, isStaff, outranks } from '../../core/auth/jurisdiction';
import { AppError, forbidden } from '../../core/errors';
import { isOpen, type Actor, type AppealDoc } from './model';

export const isOwner = (actor: Actor, appeal: AppealDoc) => actor.openid === appeal.resident.openid;
export const isFollower = (actor: Actor, appeal: AppealDoc) => appeal.followers.includes(actor.openid);
/** A resident whose bound household is at the appeal's building: the only people who may see it as a neighbour. */
export const isNeighbour = (actor: Pick<Actor, 'householdBuildingId'>, appeal: { place: Pick<AppealDoc['place'], 'buildingId'> }) => actor.householdBuildingId === appeal.place.buildingId;
/** Holding or having held it counts only while the actor is still staff. */
export const isHandler = (actor: Actor, appeal: AppealDoc) => isStaff(actor) && appeal.handler?.openid === actor.openid;
export const isFirstResponder = (actor: Actor, appeal: AppealDoc) => isStaff(actor) && appeal.firstResponder?.openid === actor.openid;
/** 首问负责: the first responder and the current handler answer for it; they see the resident's contact. */
export const isAccountable = (actor: Actor, appeal: AppealDoc) => isHandler(actor, appeal) || isFirstResponder(actor, appeal);

/** The actor may work on the appeal as its holder is now: its unit or any unit above, its property company, its street's enforcement. */
export const canHandleHolder = (actor: Actor, appeal: AppealDoc) => coversHolder(actor, appeal.holder, appeal.place);

/** Staff who acted on it (transferred or handed it up) keep read access while they are staff: 经办人. */
export const hasWorkedOn = (actor: Actor, appeal: AppealDoc) =>
  isStaff(actor) && appeal.timeline.some((e) => e.actor.kind === 'staff' && e.actor.openid === actor.openid);

export function canViewAsStaff(actor: Actor, appeal: AppealDoc): boolean {
  if (!isStaff(actor)) return false;
  if (isAccountable(actor, appeal) || hasWorkedOn(actor, appeal)) return true;
  if (coversPlace(actor, appeal.place)) return true;
  if (isPropertyStaffOf(actor, appeal.propertyCompanyId)) return true;
  return canHandleHolder(actor, appeal);
}

export type Viewer = 'owner' | 'staff' | 'follower';

/**
 * How the actor sees the appeal, or null if they may not. Staff who filed it see it as its owner;
 * a follower sees the neighbour's view, and only while their household is at that building.
 */
export function viewerOf(actor: Actor, appeal: AppealDoc): Viewer | null {
  if (isOwner(actor, appeal)) return 'owner';
  if (canViewAsStaff(actor, appeal)) return 'staff';
  if (isFollower(actor, appeal) && isNeighbour(actor, appeal)) return 'follower';
  return null;
}

export function assertCanView(actor: Actor, appeal: AppealDoc): Viewer {
  const viewer = viewerOf(actor, appeal);
  if (!viewer) throw forbidden('您无权查看该诉求');
  return viewer;
}

/**
 * Rights for a command, independent of the appeal's state where possible, so that a second staff
 * member racing for the same appeal hears "already claimed" (CONFLICT), not "forbidden".
 */
export function rightsFor(command: AppealCommand, actor: Actor, appeal: AppealDoc): AppError | null {
  switch (command) {
    case 'rate':
      return isOwner(actor, appeal) ? null : forbidden('只有诉求人可以评价');
    case 'follow':
      if (isOwner(actor, appeal)) return forbidden('这是您自己提交的诉求');
      return isNeighbour(actor, appeal) ? null : forbidden('只有本楼栋已绑定住址的居民可以附议');
    case 'claim':
      return canHandleHolder(actor, appeal) ? null : forbidden('该诉求不在您的办理范围内');
    case 'reply':
    case 'resolve':
    case 'transfer':
    case 'escalate':
      return isHandler(actor, appeal) || canHandleHolder(actor, appeal) ? null : forbidden('该诉求不在您的办理范围内');
    case 'approve':
      return isOrgStaff(actor) && coversPlace(actor, appeal.place) ? null : forbidden('该诉求不在您的辖区内');
    case 'press':
      if (!hasAnyRole(actor, PRESSING_ROLES) || !coversPlace(actor, appeal.place)) return forbidden('该诉求不在您的督办范围内');
      return outranks(actor, appeal.holder.level) ? null : forbidden('只能督办下级或物业承办的诉求');
  }
}

export function assertRights(command: AppealCommand, actor: Actor, appeal: AppealDoc): void {
  const error = rightsFor(command, actor, appeal);
  if (error) throw error;
}

/** Whether the actor may move the appeal on (转办, 上报) now: its holder's staff while pending, its handler while processing. */
function canMove(actor: Actor, appeal: AppealDoc): boolean {
  if (appeal.status === 'pending') return canHandleHolder(actor, appeal);
  return appeal.status === 'processing' && isHandler(actor, appeal);
}

/** Whether the command is open to the actor right now (rights and state), for the detail view's `can`. */
export function canDo(command: AppealCommand, actor: Actor, appeal: AppealDoc): boolean {
  if (rightsFor(command, actor, appeal)) return false;
  switch (command) {
    case 'claim':
      return appeal.status === 'pending';
    case 'reply':
    case 'resolve':
      return appeal.status === 'processing' && isHandler(actor, appeal);
    case 'transfer':
      return canMove(actor, appeal);
    case 'escalate':
      return appeal.level !== 'district' && canMove(actor, appeal);
    case 'press':
      return isOpen(appeal);
    case 'rate':
      return appeal.status === 'resolved';
    case 'follow':
      return isOpen(appeal) && !isFollower(actor, appeal);
    case 'approve':
      return appeal.screening === 'review';
  }
}
