/** What the function returns: bookings, services and sessions as the app shows them. Pure. */
import {
  BOOKING_CHANNEL_LABELS,
  BOOKING_COMMANDS,
  BOOKING_MODE_LABELS,
  BOOKING_RATING_LABELS,
  BOOKING_STATUS_LABELS,
  HOME_REASON_LABELS,
  SESSION_KIND_LABELS,
  isAfterHours,
  type BookingCommand,
  type BookingStatus,
  type BookingSummary,
  type BookingView,
  type CommunityRef,
  type ComplaintItem,
  type ServiceView,
  type SessionView,
} from '../../../types/booking.constants';
import type { BookingDoc, ServiceDef, SessionDef } from './model';
import { may, type StaffActor, isOwner, worksDesk } from './policy';
import { slotLabel } from './schedule';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const serviceView = (s: ServiceDef): ServiceView => ({ ...s, materials: [...s.materials], windowIds: [...s.windowIds] });

export const sessionView = (s: SessionDef): SessionView => ({ ...s, kindLabel: SESSION_KIND_LABELS[s.kind], weekdays: [...s.weekdays], windowIds: [...s.windowIds] });

export const communityRef = (b: Pick<BookingDoc, 'communityId' | 'communityName' | 'communityPhone'>): CommunityRef => ({ id: b.communityId, name: b.communityName, phone: b.communityPhone });

/** 139****1234 */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

function slotOf(b: BookingDoc): BookingView['slot'] {
  return {
    id: b.slot.slotId,
    day: b.slot.day,
    start: b.slot.start.toISOString(),
    end: b.slot.end.toISOString(),
    label: slotLabel(b.slot),
    kind: b.slot.sessionKind,
    kindLabel: SESSION_KIND_LABELS[b.slot.sessionKind],
    afterHours: isAfterHours(b.slot.sessionKind),
  };
}

/** What the actor may do now: rights and state together (the server checks both again). */
export function commandsFor(b: BookingDoc, actor: StaffActor, now: Date, today: string): Record<BookingCommand, boolean> {
  const s = b.status;
  const own = isOwner(actor, b);
  const beforeCutoff = now.getTime() <= b.changeUntil.getTime();
  const can: Record<BookingCommand, boolean> = Object.fromEntries(BOOKING_COMMANDS.map((c) => [c, false])) as Record<BookingCommand, boolean>;
  const pending = s === 'booked' || s === 'pending_approval';
  const staffSide = !own && worksDesk(actor, b.communityId);
  can.cancel = may('cancel', actor, b) && (staffSide ? pending || s === 'checked_in' : pending && beforeCutoff);
  can.reschedule = may('reschedule', actor, b) && pending && (staffSide || beforeCutoff);
  can.rate = may('rate', actor, b) && s === 'served' && !b.rating;
  can.checkIn = may('checkIn', actor, b) && s === 'booked' && b.slot.day === today;
  can.serve = may('serve', actor, b) && (s === 'booked' || s === 'checked_in') && b.slot.day <= today;
  can.noShow = may('noShow', actor, b) && s === 'booked' && now.getTime() >= b.slot.start.getTime();
  can.approve = may('approve', actor, b) && s === 'pending_approval';
  can.answer = may('answer', actor, b) && !!b.complaint && !b.complaint.answeredAt;
  return can;
}

/** The view without its QR image, which is drawn outside the pure code (app/view.ts). */
export function toView(b: BookingDoc, actor: StaffActor, now: Date, today: string): Omit<BookingView, 'codeQr'> {
  const own = isOwner(actor, b);
  const status = b.status as BookingStatus;
  // The front desk of the community calls the resident; higher levels see the number masked.
  const phone = b.owner.phone ? (own || worksDesk(actor, b.communityId) ? b.owner.phone : maskPhone(b.owner.phone)) : null;
  return {
    id: b._id,
    code: b.code,
    version: b.version,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    channel: b.channel,
    channelLabel: BOOKING_CHANNEL_LABELS[b.channel],
    community: communityRef(b),
    service: { id: b.service.id, name: b.service.name, minutes: b.service.minutes, materials: [...b.service.materials] },
    slot: slotOf(b),
    window: { id: b.slot.windowId, name: b.slot.windowName },
    mode: b.mode,
    modeLabel: BOOKING_MODE_LABELS[b.mode],
    home: b.home ? { reason: b.home.reason, reasonLabel: HOME_REASON_LABELS[b.home.reason], address: b.home.address } : null,
    resident: { name: b.owner.name, phone },
    note: b.note,
    createdAt: b.createdAt.toISOString(),
    checkedInAt: iso(b.checkedInAt),
    served: b.served ? { at: b.served.at.toISOString(), byName: b.served.by.name, note: b.served.note } : null,
    cancelled: b.cancelled ? { at: b.cancelled.at.toISOString(), byName: b.cancelled.by.name, reason: b.cancelled.reason } : null,
    rating: b.rating ? { value: b.rating.value, label: BOOKING_RATING_LABELS[b.rating.value], comment: b.rating.comment, at: b.rating.at.toISOString() } : null,
    complaint: b.complaint
      ? { dueAt: b.complaint.dueAt.toISOString(), answer: b.complaint.answer, answeredAt: iso(b.complaint.answeredAt), overdue: b.complaint.overdue }
      : null,
    isOwner: own,
    changeUntil: b.changeUntil.toISOString(),
    can: commandsFor(b, actor, now, today),
  };
}

/** The fields a list needs. */
export type ListedBooking = Pick<
  BookingDoc,
  '_id' | 'code' | 'version' | 'status' | 'communityId' | 'communityName' | 'communityPhone' | 'slot' | 'mode' | 'channel' | 'rating' | 'createdAt' | 'service' | 'owner'
>;

export function toSummary(b: ListedBooking): BookingSummary {
  const status = b.status as BookingStatus;
  return {
    id: b._id,
    code: b.code,
    version: b.version,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    community: communityRef(b),
    slot: slotOf(b as BookingDoc),
    window: { id: b.slot.windowId, name: b.slot.windowName },
    mode: b.mode,
    channel: b.channel,
    rating: b.rating ? { value: b.rating.value, label: BOOKING_RATING_LABELS[b.rating.value], comment: b.rating.comment, at: b.rating.at.toISOString() } : null,
    createdAt: b.createdAt.toISOString(),
    serviceName: b.service.name,
    residentName: b.owner.name,
  };
}

export function toComplaintItem(b: BookingDoc): ComplaintItem {
  const c = b.complaint!;
  const r = b.rating!;
  return {
    bookingId: b._id,
    code: b.code,
    serviceName: b.service.name,
    residentName: b.owner.name,
    rating: r.value,
    ratingLabel: BOOKING_RATING_LABELS[r.value],
    comment: r.comment,
    ratedAt: r.at.toISOString(),
    dueAt: c.dueAt.toISOString(),
    answer: c.answer,
    answeredAt: iso(c.answeredAt),
    overdue: c.overdue,
    communityName: b.communityName,
  };
}
