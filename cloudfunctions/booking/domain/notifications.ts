/**
 * Who hears about a booking's change, with which template. Pure: the recipients among staff are
 * looked up by the caller; values are cut to WeChat's limits by `renderTemplate`. A resident booked
 * by phone has no WeChat account and gets no messages.
 */
import { BOOKING_LIMITS, BOOKING_RATING_LABELS, SESSION_KIND_LABELS } from '../../../types/booking.constants';
import { messagePage, routes } from '../../../types/routes';
import { renderTemplate, type TemplateValues } from '../../core/outbox/templates';
import type { OutboxMessage } from '../../core/outbox/types';
import { BOOKING_TEMPLATES, type BookingTemplate } from '../templates';
import type { BookingDoc, Person, SessionDef } from './model';
import type { Transition } from './stateMachine';

export const residentPage = (id: string) => messagePage(routes.bookingDetail(id));
export const dayPage = (communityId: string, day: string) => messagePage(routes.bookingDay(communityId, day));

export interface Recipients {
  /** Community staff of the booking's community. */
  admins: Person[];
  /** The street's commanders (for overdue 差评). */
  street: Person[];
}

export type Change = Transition | { kind: 'created'; by: Person | null };

type Notice = { to: string; template: BookingTemplate; page: string; data: Record<string, string> };

function notice<K extends BookingTemplate>(to: string, template: K, page: string, values: TemplateValues<(typeof BOOKING_TEMPLATES)[K]>): Notice {
  return { to, template, page, data: renderTemplate(BOOKING_TEMPLATES[template], values) };
}

export const placeOf = (b: Pick<BookingDoc, 'mode' | 'communityName' | 'slot'>) => (b.mode === 'home' ? `${b.communityName}上门服务` : `${b.communityName}${b.slot.windowName}`);

/** One message per person and template; nobody is told about their own action. */
export function messagesOf(notices: Notice[], actor: string | null): OutboxMessage[] {
  const seen = new Set<string>();
  const out: OutboxMessage[] = [];
  for (const n of notices) {
    const key = `${n.to}|${n.template}`;
    if (n.to === actor || seen.has(key)) continue;
    seen.add(key);
    out.push({ toOpenid: n.to, template: n.template, title: BOOKING_TEMPLATES[n.template].title, page: n.page, data: n.data });
  }
  return out;
}

/** The messages a change of the booking sends. Confirmations go to the resident even when they acted. */
export function noticesFor(change: Change, b: BookingDoc, recipients: Recipients, now: Date): OutboxMessage[] {
  const out: Notice[] = [];
  const resident = b.owner.kind === 'wechat' ? b.owner.openid : null;
  const page = residentPage(b._id);
  const service = b.service.name;
  const time = b.slot.start;
  const changed = (status: string, note: string) => {
    if (resident) out.push(notice(resident, 'bookingChanged', page, { service, time, status, note }));
  };
  let actor = change.by?.openid ?? null;

  switch (change.kind) {
    case 'created':
    case 'approve':
    case 'reschedule': {
      actor = null; // the resident's own confirmation
      if (b.status === 'pending_approval') {
        changed('待审核', `近${BOOKING_LIMITS.noShowWindowDays}天爽约较多，需社区审核`);
        for (const p of recipients.admins) {
          out.push(notice(p.openid, 'staffBookingApproval', dayPage(b.communityId, b.slot.day), { name: b.owner.name, service, time, reason: `近${BOOKING_LIMITS.noShowWindowDays}天爽约达到上限` }));
        }
        break;
      }
      const tip = change.kind === 'reschedule' ? '预约时间已改，请按新时间到场' : b.service.materials.length ? `请带齐${b.service.materials.length}项材料，凭预约码办理` : '请凭预约码按时办理';
      if (resident) out.push(notice(resident, 'bookingConfirmed', page, { service, time, place: placeOf(b), code: b.code, tip }));
      break;
    }
    case 'reject':
      changed('未通过', b.cancelled?.reason ?? '请联系社区');
      break;
    case 'cancel':
      if (change.byStaff) changed('已取消', b.cancelled?.reason ?? '社区取消了本次预约');
      break;
    case 'serve':
      if (resident) out.push(notice(resident, 'bookingServed', page, { service, servedAt: b.served?.at ?? now, result: b.served?.note ?? '已办结', tip: '请对本次服务作出评价' }));
      break;
    case 'noShow':
      changed('爽约', `近${BOOKING_LIMITS.noShowWindowDays}天爽约过多将需审核后才能预约`);
      break;
    case 'rate':
      if (b.complaint && b.rating) {
        for (const p of recipients.admins) {
          out.push(notice(p.openid, 'staffComplaint', page, { service, rating: BOOKING_RATING_LABELS[b.rating.value], comment: b.rating.comment ?? '未填写评价内容', dueAt: b.complaint.dueAt }));
        }
      }
      break;
    case 'answer':
      if (resident && b.complaint) out.push(notice(resident, 'bookingAnswered', page, { service, answer: b.complaint.answer ?? '', answeredAt: b.complaint.answeredAt ?? now }));
      break;
    case 'overdue':
      if (b.complaint && b.rating) {
        for (const p of [...recipients.street, ...recipients.admins]) {
          out.push(notice(p.openid, 'staffComplaintOverdue', page, { service, community: b.communityName, dueAt: b.complaint.dueAt, rating: BOOKING_RATING_LABELS[b.rating.value] }));
        }
      }
      break;
    case 'remind':
      if (resident && change.kind === 'remind' && change.stage) {
        const tip = change.stage === 'evening' ? '明天办理，请带齐材料按时到场' : `${BOOKING_LIMITS.hourReminderMinutes}分钟后开始，请按时到场`;
        out.push(notice(resident, 'bookingReminder', page, { service, time, place: placeOf(b), code: b.code, tip }));
      }
      break;
    case 'checkIn':
    case 'touch':
      break;
  }
  return messagesOf(out, actor);
}

/** 轮值坐班 changed: the new person hears of the duty (with the bookings waiting), the previous one that it moved. */
export function dutyNotices(input: {
  communityId: string;
  communityName: string;
  session: SessionDef;
  /** The first day the change applies to, and when that session starts. */
  day: string;
  start: Date;
  weekly: boolean;
  bookings: number;
  from: Person | null;
  to: Person | null;
}): OutboxMessage[] {
  const { session, from, to } = input;
  const page = dayPage(input.communityId, input.day);
  const what = `${session.name}（${SESSION_KIND_LABELS[session.kind]}）`;
  const out: Notice[] = [];
  if (to && to.openid !== from?.openid) {
    out.push(
      notice(to.openid, 'staffDutyChanged', page, {
        session: what,
        time: input.start,
        community: input.communityName,
        bookings: input.bookings,
        note: input.weekly ? '每周固定值班，已有预约不变' : from ? `接替${from.name}值班，已有预约不变` : '请按时到岗',
      }),
    );
  }
  if (from && from.openid !== to?.openid) {
    out.push(
      notice(from.openid, 'staffDutyChanged', page, {
        session: what,
        time: input.start,
        community: input.communityName,
        bookings: input.bookings,
        note: to ? `已改由${to.name}值班` : '该时段已取消值班',
      }),
    );
  }
  // Told even when they made the change themselves: a duty is worth a message.
  return messagesOf(out, null);
}
