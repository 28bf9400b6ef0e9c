/** Who hears about an activity's change, with which template. Pure. */
import { messagePage, routes } from '../../../types/routes';
import type { NotifyEffect } from '../../core/commands/runner';
import { renderTemplate, type TemplateValues } from '../../core/outbox/templates';
import { VOLUNTEER_TEMPLATES, type VolunteerTemplate } from '../templates';
import { halfLabel } from './hours';
import { memberReminderId, monthLabel, unitReminderId } from './units';
import type { ActivityDoc, RosterEntry } from './model';

export const activityPage = (id: string) => messagePage(routes.volunteerActivity(id));

function notify<K extends VolunteerTemplate>(effectId: string, to: string, template: K, page: string, values: TemplateValues<(typeof VOLUNTEER_TEMPLATES)[K]>): NotifyEffect {
  return {
    id: effectId,
    kind: 'notify',
    message: { toOpenid: to, template, title: VOLUNTEER_TEMPLATES[template].title, page, data: renderTemplate(VOLUNTEER_TEMPLATES[template], values) },
  };
}

/** The effects of a change written at `version` (the version after it): ids `<activity>_v<version>_<n>`. */
const prefix = (a: ActivityDoc, version: number) => `${a._id}_v${version}_`;

export function promotedNotices(a: ActivityDoc, version: number, promoted: readonly RosterEntry[]): NotifyEffect[] {
  return promoted.map((p, i) =>
    notify(`${prefix(a, version)}${i}`, p.openid, 'volunteerPromoted', activityPage(a._id), { activity: a.title, time: a.start, place: a.place, tip: '您已由候补转为正式报名，请准时参加' }),
  );
}

export function cancelledNotices(a: ActivityDoc, version: number, reason: string): NotifyEffect[] {
  return [...a.seated, ...a.waiting].map((p, i) =>
    notify(`${prefix(a, version)}${i}`, p.openid, 'volunteerCancelled', activityPage(a._id), { activity: a.title, time: a.start, reason }),
  );
}

export function reminderNotices(a: ActivityDoc, version: number): NotifyEffect[] {
  return a.seated.map((p, i) =>
    notify(`${prefix(a, version)}${i}`, p.openid, 'volunteerReminder', activityPage(a._id), { activity: a.title, time: a.start, place: a.place, tip: '请按时到场，凭签到码签到' }),
  );
}

/** To a 双报到 member who has not served this half-year: once per half-year (the id says which). */
export function halfYearNotice(openid: string, half: string, lastDay: string): NotifyEffect {
  return notify(memberReminderId(openid, half), openid, 'volunteerHalfYear', messagePage(routes.volunteer()), {
    period: halfLabel(half),
    status: '尚未参加',
    deadline: lastDay,
    tip: '本半年还未参加社区志愿服务，请报名近期活动',
  });
}

export function joinRequestNotice(id: string, leader: string, name: string, team: string, at: Date): NotifyEffect {
  return notify(id, leader, 'volunteerJoinRequest', messagePage(routes.volunteerTeamAdmin()), { name, team, time: at });
}

/** To a leader of a 报到单位's 党员志愿服务队 when the unit has no activity this month: once per unit, month and leader. */
export function unitMonthNotice(unitId: string, unitName: string, month: string, leader: string): NotifyEffect {
  return notify(unitReminderId(unitId, month, leader), leader, 'volunteerUnitMonth', messagePage(routes.volunteerActivities()), {
    unit: unitName,
    period: monthLabel(month),
    tip: '本月还没有开展志愿服务活动，请安排',
  });
}
