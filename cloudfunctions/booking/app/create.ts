/**
 * Making a booking (online or by phone). Idempotent per (requester, requestId): the booking's `_id`
 * comes from them, so a retry finds the first attempt's booking, or finishes it.
 *
 *  1. checks that write nothing: the service is this community's and open, the slot is offered
 *     (open day, staffed session, far enough ahead, within 14 days), the resident's limits;
 *  2. the seat: one conditional write of the slot's document (app/seats.ts, domain/capacity.ts) —
 *     this is where 200 people racing for the last seat become one booking and 199 × 该时段已约满;
 *  3. the booking: one insert, refused by unique indexes on `_id` (a retry), `activeKey` (one per
 *     service and day), `quotaKey` (at most maxActive) and (communityId, code). When the insert is
 *     refused for the resident's limits, the seat is given back.
 *
 * A crash between 2 and 3 leaves a seat without a booking; the hold sweep (jobs/checkHolds.ts)
 * gives it back once no attempt can finish any more.
 */
import { BOOKING_LIMITS, isAfterHours, type BookingChannel, type BookingMode, type HomeReason } from '../../../types/booking.constants';
import type { OrgUnit } from '../../../types/org';
import { conflict, invalid } from '../../core/errors';
import { calendarInForce } from '../../core/time/calendar';
import { shanghaiDay } from '../../core/time/workingTime';
import { windowsFor } from '../domain/capacity';
import { metricsOf } from '../domain/metrics';
import { activeKeyOf, holdRef, ownerKey, quotaKeyOf, slotDocId, type BookingDoc, type Owner, type Person } from '../domain/model';
import { remindersFor } from '../domain/reminders';
import { changeUntilOf, checkEligibility, freeQuota, needsApproval, SAME_DAY, tooMany } from '../domain/rules';
import { slotOf, tooSoonOrLate } from '../domain/schedule';
import { bookingsRepo } from '../repos/bookings';
import { settingsRepo } from '../repos/settings';
import { bookingCommands, effectsOf } from './command';
import { bookingIds } from './ids';
import { releaseSeat, takeSeat } from './seats';

const DAY_MS = 86_400_000;

export interface CreateRequest {
  requestId: string;
  /** Who sends the request: the resident, or the staff member taking the call. */
  requester: Person;
  owner: Owner;
  channel: BookingChannel;
  takenBy: Person | null;
  community: OrgUnit;
  serviceId: string;
  slotId: string;
  mode: BookingMode;
  homeReason?: HomeReason;
  address?: string;
  note?: string;
}

/** A booking found by its id: the first attempt's, finished (its effects applied); a tombstone is a dead end. */
async function finished(b: BookingDoc, now: Date): Promise<BookingDoc> {
  if (b.status === 'void') throw conflict('本次预约未能完成，请重新预约');
  await bookingCommands.flush(b, now);
  return b;
}

export async function createBooking(req: CreateRequest, now: Date): Promise<BookingDoc> {
  const { community } = req;
  const { id, codes } = bookingIds(req.requester.openid, req.requestId);
  const [existing, settings] = await Promise.all([bookingsRepo.get(id), settingsRepo.of(community._id)]);
  if (existing) return finished(existing, now);

  // 1. Checks that write nothing.
  const { rules } = settings;
  const service = settings.services.find((s) => s.id === req.serviceId);
  if (!service) throw invalid('serviceId', '该社区没有这项服务');
  if (!service.active) throw invalid('serviceId', '该服务暂停预约');
  if (req.mode === 'home' && !service.homeVisit) throw invalid('mode', '该服务不提供上门办理');
  const slot = slotOf(req.slotId, settings, calendarInForce);
  if (!slot) throw invalid('slotId', '该时段不开放预约，请选择其他时段');
  const late = tooSoonOrLate(slot, now, shanghaiDay(now), rules.minNoticeMinutes, BOOKING_LIMITS.horizonDays);
  if (late) throw invalid('slotId', late);
  const windowIds = windowsFor(slot, service);
  if (windowIds.length === 0) throw invalid('slotId', '该时段不办理这项服务');
  const key = ownerKey(req.owner);
  const [active, noShows] = await Promise.all([
    bookingsRepo.activeOf(key),
    bookingsRepo.noShowsSince(key, new Date(now.getTime() - BOOKING_LIMITS.noShowWindowDays * DAY_MS)),
  ]);
  checkEligibility(active, service.id, slot.day, rules);
  const approval = needsApproval(noShows, rules);

  // 2. The seat.
  const seatDoc = slotDocId(community._id, slot.id);
  const ref = holdRef(id, 0);
  const hold = await takeSeat(seatDoc, { ref, bookingId: id, windowIds, slotMinutes: rules.slotMinutes, minutes: service.minutes, at: now }, now);
  const refuse = async (message: string): Promise<never> => {
    await releaseSeat(seatDoc, ref, now);
    throw conflict(message);
  };

  // 3. The booking.
  const status = approval ? 'pending_approval' : 'booked';
  const bookingSlot = {
    slotId: slot.id,
    day: slot.day,
    start: slot.start,
    end: slot.end,
    sessionId: slot.session.id,
    sessionKind: slot.session.kind,
    windowId: hold.windowId,
    windowName: settings.windows.find((w) => w.id === hold.windowId)?.name ?? hold.windowId,
  };
  const base: Omit<BookingDoc, 'code' | 'quotaKey' | 'm' | 'effects' | 'effectsPending'> = {
    _id: id,
    requestId: req.requestId,
    status,
    owner: req.owner,
    ownerKey: key,
    channel: req.channel,
    takenBy: req.takenBy,
    communityId: community._id,
    communityName: community.name,
    communityPhone: community.phone ?? null,
    streetId: community.path[1],
    districtId: community.path[0],
    service: { id: service.id, name: service.name, minutes: service.minutes, materials: service.materials },
    mode: req.mode,
    home: req.mode === 'home' && req.homeReason && req.address ? { reason: req.homeReason, address: req.address } : null,
    note: req.note ?? null,
    slot: bookingSlot,
    afterHours: isAfterHours(slot.session.kind),
    slotDocId: seatDoc,
    holdRef: ref,
    activeKey: activeKeyOf(key, service.id, slot.day),
    needsApproval: approval,
    changeUntil: changeUntilOf(slot.start, rules),
    createdAt: now,
    checkedInAt: null,
    served: null,
    noShowAt: null,
    cancelled: null,
    ...remindersFor({ owner: req.owner, status, slot: bookingSlot }, now),
    rating: null,
    complaint: null,
    complaintDueAt: null,
    complaintState: null,
    log: [{ at: now, kind: 'booked', by: req.requester.name, text: req.takenBy ? `电话预约，${req.takenBy.name}代为登记` : null }],
    version: 1,
  };

  // A refusal gives the seat back; after any other failure the insert may have happened, so the sweep decides.
  let quota = freeQuota(active, key, rules.maxActive);
  let codeIndex = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    if (quota.length === 0) return refuse(tooMany(rules.maxActive));
    const doc: BookingDoc = { ...base, code: codes[codeIndex], quotaKey: quotaKeyOf(key, quota[0]), m: metricsOf(base), effects: [], effectsPending: false };
    const effects = await effectsOf({ kind: 'created', by: req.requester }, doc, now);
    const stored = await bookingCommands.create({ ...doc, effects, effectsPending: effects.length > 0, effectsAt: now }, now);
    if (stored) return finished(stored, now);
    // Refused by a unique key other than the id: which one decides what happens.
    if (await bookingsRepo.activeKeyTaken(doc.activeKey)) return refuse(SAME_DAY);
    if (await bookingsRepo.codeTaken(community._id, doc.code)) {
      codeIndex += 1;
      if (codeIndex >= codes.length) return refuse('预约码分配失败，请稍后重试');
      continue;
    }
    quota = freeQuota(await bookingsRepo.activeOf(key), key, rules.maxActive);
  }
  return refuse('预约人数较多，请稍后重试');
}
