/** A service's slots over the next 14 days with the visits left: the schedule (pure) over one read of the slots' seats. */
import { BOOKING_LIMITS, SESSION_KIND_LABELS, type ServiceSlots, type SlotDay } from '../../../types/booking.constants';
import { weekdayOf } from '../../../types/calendar';
import type { OrgUnit } from '../../../types/org';
import { calendarInForce } from '../../core/time/calendar';
import { shanghaiDay } from '../../core/time/workingTime';
import { seatsLeft, windowsFor } from '../domain/capacity';
import type { ServiceDef, SettingsDoc } from '../domain/model';
import { horizonDays, slotLabel, slotsOfDay, tooSoonOrLate } from '../domain/schedule';
import { serviceView } from '../domain/views';
import { slotsRepo } from '../repos/slots';
import { refOf } from './community';
import { WEEKDAY_LABELS } from '../../../types/time.constants';


export async function serviceSlots(community: OrgUnit, settings: SettingsDoc, service: ServiceDef, now: Date): Promise<ServiceSlots> {
  const today = shanghaiDay(now);
  const days = horizonDays(today, BOOKING_LIMITS.horizonDays);
  const holds = await slotsRepo.holdsOf(community._id, days[0], days[days.length - 1]);
  const { rules } = settings;
  const out: SlotDay[] = days.map((day) => {
    const { plan, slots } = slotsOfDay(day, settings, calendarInForce);
    const views = slots
      .filter((slot) => tooSoonOrLate(slot, now, today, rules.minNoticeMinutes, BOOKING_LIMITS.horizonDays) === null)
      .map((slot) => ({ slot, windows: windowsFor(slot, service) }))
      .filter(({ windows }) => windows.length > 0)
      .map(({ slot, windows }) => ({
        id: slot.id,
        start: slot.start.toISOString(),
        end: slot.end.toISOString(),
        label: slotLabel(slot),
        kind: slot.session.kind,
        kindLabel: SESSION_KIND_LABELS[slot.session.kind],
        left: seatsLeft(windows, holds.get(slot.id) ?? [], rules.slotMinutes, service.minutes),
      }));
    return {
      day,
      weekdayLabel: WEEKDAY_LABELS[weekdayOf(day)],
      closed: plan.closed ?? (views.length === 0 ? '当日无可预约时段' : null),
      makeup: plan.makeup,
      slots: views,
    };
  });
  return { community: refOf(community), service: serviceView(service), days: out };
}
