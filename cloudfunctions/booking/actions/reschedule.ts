/**
 * 改约: the booking moves to another slot of the same service. The new seat is taken first (hold ref
 * `<id>@<version>`), then the booking is moved by a write conditional on that version, whose effect
 * gives the old seat back. If the move does not happen, the new seat is given back at once; if the
 * outcome is unknown (a crash), the hold sweep decides from the booking's version.
 */
import { BOOKING_LIMITS, isAfterHours, type BookingView } from '../../../types/booking.constants';
import type { bookingContract } from '../../../types/booking';
import { isDuplicate } from '../../core/db/errors';
import { AppError, conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { calendarInForce } from '../../core/time/calendar';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf, personOf } from '../app/actor';
import { loadBooking } from '../app/bookingCommand';
import { runCommand, STALE } from '../app/command';
import { releaseSeat, takeSeat } from '../app/seats';
import { viewFor } from '../app/view';
import { windowsFor } from '../domain/capacity';
import { holdRef, slotDocId } from '../domain/model';
import { actsAsStaff, assertMay } from '../domain/policy';
import { changeUntilOf, checkEligibility, SAME_DAY } from '../domain/rules';
import { slotOf, tooSoonOrLate } from '../domain/schedule';
import { assertCanReschedule, reschedule as rescheduleTransition } from '../domain/stateMachine';
import { bookingsRepo } from '../repos/bookings';
import { settingsRepo } from '../repos/settings';

export const reschedule: Handler<typeof bookingContract.reschedule> = async (input, { caller, now }): Promise<BookingView> => {
  const [actor, b] = await Promise.all([actorOf(caller), loadBooking(input.id)]);
  assertMay('reschedule', actor, b);
  if (input.version !== undefined && b.version !== input.version) throw conflict(STALE);
  const asStaff = actsAsStaff(actor, b);
  assertCanReschedule(b, asStaff, now);
  if (b.slot.slotId === input.slotId) return viewFor(b, actor, now);

  const settings = await settingsRepo.of(b.communityId);
  const service = settings.services.find((s) => s.id === b.service.id && s.active);
  if (!service) throw invalid('slotId', '该服务已暂停预约，请取消后重新预约其他服务');
  const slot = slotOf(input.slotId, settings, calendarInForce);
  if (!slot) throw invalid('slotId', '该时段不开放预约，请选择其他时段');
  const late = tooSoonOrLate(slot, now, shanghaiDay(now), settings.rules.minNoticeMinutes, BOOKING_LIMITS.horizonDays);
  if (late) throw invalid('slotId', late);
  const windowIds = windowsFor(slot, service);
  if (windowIds.length === 0) throw invalid('slotId', '该时段不办理这项服务');
  if (slot.day !== b.slot.day) checkEligibility(await bookingsRepo.activeOf(b.ownerKey), service.id, slot.day, settings.rules, b._id);

  const seatDoc = slotDocId(b.communityId, slot.id);
  const ref = holdRef(b._id, b.version);
  const hold = await takeSeat(seatDoc, { ref, bookingId: b._id, windowIds, slotMinutes: settings.rules.slotMinutes, minutes: service.minutes, at: now }, now);
  const to = {
    slot: {
      slotId: slot.id,
      day: slot.day,
      start: slot.start,
      end: slot.end,
      sessionId: slot.session.id,
      sessionKind: slot.session.kind,
      windowId: hold.windowId,
      windowName: settings.windows.find((w) => w.id === hold.windowId)?.name ?? hold.windowId,
    },
    slotDocId: seatDoc,
    afterHours: isAfterHours(slot.session.kind),
    changeUntil: changeUntilOf(slot.start, settings.rules),
  };
  try {
    const after = await runCommand(b._id, { now, expectedVersion: b.version, loaded: b }, (doc) => rescheduleTransition(doc, personOf(actor), asStaff, to, { now }));
    return viewFor(after, actor, now);
  } catch (error) {
    // Refused (a state conflict, a newer version, the same service booked that day): the move did not happen.
    if (error instanceof AppError || isDuplicate(error)) {
      await releaseSeat(seatDoc, ref, now);
      if (isDuplicate(error)) throw conflict(SAME_DAY);
    }
    throw error;
  }
};
