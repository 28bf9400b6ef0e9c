/** A community's settings as staff see them, with the after-hours duties of the next 14 days. */
import { BOOKING_LIMITS, isAfterHours, type BookingSettingsView, type DutyView } from '../../../types/booking.constants';
import { weekdayOf } from '../../../types/calendar';
import type { OrgUnit } from '../../../types/org';
import { calendarInForce } from '../../core/time/calendar';
import { shanghaiDay } from '../../core/time/workingTime';
import type { SettingsDoc } from '../domain/model';
import { dutyOf, horizonDays, planOf } from '../domain/schedule';
import { serviceView, sessionView } from '../domain/views';
import { staffRepo } from '../repos/staff';
import { refOf } from './community';
import { WEEKDAY_LABELS } from '../../../types/time.constants';

export function upcomingDuties(doc: SettingsDoc, today: string): DutyView[] {
  return horizonDays(today, BOOKING_LIMITS.horizonDays).flatMap((day) =>
    planOf(day, doc, calendarInForce)
      .sessions.filter((s) => isAfterHours(s.kind))
      .map((s) => {
        const duty = dutyOf(doc.roster, day, s.id);
        return { day, weekdayLabel: WEEKDAY_LABELS[weekdayOf(day)], sessionId: s.id, sessionName: s.name, label: `${s.start}–${s.end}`, staff: duty.staff, source: duty.source };
      }),
  );
}

export async function settingsViewOf(community: OrgUnit, doc: SettingsDoc, now: Date): Promise<BookingSettingsView> {
  const dutyStaff = await staffRepo.dutyStaff(community._id);
  return {
    community: refOf(community),
    windows: doc.windows.map((w) => ({ ...w })),
    sessions: doc.sessions.map(sessionView),
    closures: doc.closures.map((c) => ({ ...c })),
    services: doc.services.map(serviceView),
    rules: { ...doc.rules },
    pattern: doc.roster.pattern.map((p) => ({ sessionId: p.sessionId, weekday: p.weekday, staff: { ...p.staff } })),
    duties: upcomingDuties(doc, shanghaiDay(now)),
    dutyStaff,
    updatedAt: doc.updatedAt ? doc.updatedAt.toISOString() : null,
    updatedByName: doc.updatedBy?.name ?? null,
    version: doc.version,
  };
}
