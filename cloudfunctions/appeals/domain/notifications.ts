/**
 * Who hears about a state change, with which template. Pure: recipients are looked up by the caller
 * (the holder's staff), values are cut to WeChat's limits by `renderTemplate`.
 */
import { APPEAL_CATEGORIES, APPEAL_LIMITS } from '../../../types/appeals.constants';
import { ORG_LEVEL_LABELS } from '../../../types/org.constants';
import { messagePage, routes } from '../../../types/routes';
import { renderTemplate, type TemplateValues } from '../../core/outbox/templates';
import type { OutboxMessage } from '../../core/outbox/types';
import type { AppealDoc, Person } from './model';
import type { Transition } from './stateMachine';
import { APPEAL_TEMPLATES, type AppealTemplate } from '../templates';

export const residentPage = (id: string) => messagePage(routes.appeal(id));
export const staffPage = (id: string) => messagePage(routes.staffAppeal(id));

export interface Recipients {
  /** Staff who act for the holder the appeal has after the change. */
  holderStaff: Person[];
}

type Notice = { to: string; template: AppealTemplate; page: string; data: Record<string, string> };

function notice<K extends AppealTemplate>(to: string, template: K, page: string, values: TemplateValues<(typeof APPEAL_TEMPLATES)[K]>): Notice {
  return { to, template, page, data: renderTemplate(APPEAL_TEMPLATES[template], values) };
}

export type Change = Transition | { kind: 'file' };

/**
 * The messages a change sends. `actor` (who made the change) is never told about their own action.
 */
export function noticesFor(change: Change, before: AppealDoc | null, after: AppealDoc, actor: string | null, recipients: Recipients, now: Date): OutboxMessage[] {
  const a = after;
  const content = a.description;
  const resident = a.resident.openid;
  const rPage = residentPage(a._id);
  const sPage = staffPage(a._id);
  const out: Notice[] = [];

  const progress = (status: string, text: string, to = resident) =>
    out.push(notice(to, 'appealProgress', rPage, { no: a.no, content, status, progress: text, updatedAt: now }));
  const newTask = (source: string, people: Person[]) => {
    for (const p of people) {
      out.push(
        notice(p.openid, 'staffNewTask', sPage, {
          no: a.no,
          category: APPEAL_CATEGORIES[a.category].label,
          address: `${a.place.estateName}${a.place.buildingName}`,
          dueAt: a.dueAt,
          source,
        }),
      );
    }
  };
  const accountable = [a.firstResponder, before?.handler ?? null].filter((p): p is Person => p !== null);

  switch (change.kind) {
    case 'file':
      out.push(
        notice(resident, 'appealAccepted', rPage, {
          no: a.no,
          category: APPEAL_CATEGORIES[a.category].label,
          acceptedAt: a.filedAt,
          holder: a.holder.name,
          phone: a.holder.kind === 'property' ? a.place.propertyCompanyPhone : a.place.communityPhone,
        }),
      );
      newTask('群众上报', recipients.holderStaff);
      break;
    case 'claim':
      progress('已签收', `${a.handler?.name ?? '工作人员'}已签收，正在办理`);
      break;
    case 'reply': {
      const last = a.timeline[a.timeline.length - 1];
      progress('办理中', last?.text ?? '工作人员回复了您的诉求');
      break;
    }
    case 'transfer':
      progress('已转办', `已转至${a.holder.name}办理`);
      newTask('转办', recipients.holderStaff);
      break;
    case 'resolve':
      out.push(
        notice(resident, 'appealResolved', rPage, {
          no: a.no,
          content,
          result: a.resolution?.text ?? '已办结',
          resolvedAt: a.resolvedAt,
          tip: `请在${APPEAL_LIMITS.autoCloseDays}日内评价办理结果`,
        }),
      );
      for (const follower of a.followers) progress('已办结', a.resolution?.text ?? '已办结', follower);
      break;
    case 'press':
      for (const p of a.handler ? [a.handler] : recipients.holderStaff) {
        const last = a.timeline[a.timeline.length - 1];
        out.push(notice(p.openid, 'staffPressed', sPage, { no: a.no, content, note: last?.text ?? '请尽快办理', by: last?.actor.name ?? '上级', pressedAt: now }));
      }
      break;
    case 'escalate':
    case 'rate': {
      if (change.kind === 'rate' && change.outcome === 'reopened') {
        progress('重新办理', `已退回${a.handler?.name ?? '原承办人'}重新办理`);
        if (a.handler) newTask('群众不满', [a.handler]);
        break;
      }
      if (change.kind === 'rate' && change.outcome !== 'escalated') break;
      const esc = change.escalation;
      if (!esc) break;
      progress('已升级', `已升级至${esc.to.name}办理`);
      // Overdue: the new level and the accountable people hear it was overdue. Otherwise the new
      // level gets a new task, and the accountable people hear where it went.
      const overdue = esc.reason === 'respond_overdue' || esc.reason === 'resolve_overdue';
      if (!overdue) newTask(esc.reason === 'dissatisfied' ? '群众不满' : '下级上报', recipients.holderStaff);
      for (const p of overdue ? [...recipients.holderStaff, ...accountable] : accountable) {
        out.push(
          notice(p.openid, 'staffEscalated', sPage, {
            no: a.no,
            content,
            toUnit: overdue ? `${esc.to.name}（${ORG_LEVEL_LABELS[esc.to.level]}）` : esc.to.name,
            overdueAt: overdue ? (before?.dueAt ?? now) : now,
            accountable: a.firstResponder?.name ?? '未签收',
          }),
        );
      }
      break;
    }
    case 'autoClose':
      progress('已完结', `超过${APPEAL_LIMITS.autoCloseDays}天未评价，系统已默认完结`);
      break;
    case 'warn': {
      // Past due already: the escalation tells them instead.
      if (before?.dueAt && before.dueAt.getTime() < now.getTime()) break;
      const people = before?.status === 'processing' && a.handler ? [a.handler] : recipients.holderStaff;
      const to = [...people, ...(a.firstResponder ? [a.firstResponder] : [])];
      for (const p of to) {
        out.push(
          notice(p.openid, 'staffDueSoon', sPage, {
            no: a.no,
            content,
            dueAt: a.dueAt,
            stage: a.dueKind === 'resolve' ? '办结' : '响应',
            accountable: a.firstResponder?.name ?? a.handler?.name ?? a.holder.name,
          }),
        );
      }
      break;
    }
    case 'follow':
    case 'approve':
      break;
  }

  // One message per person and template; nobody is told about their own action.
  const seen = new Set<string>();
  const messages: OutboxMessage[] = [];
  for (const n of out) {
    const key = `${n.to}|${n.template}`;
    if (n.to === actor || seen.has(key)) continue;
    seen.add(key);
    messages.push({ toOpenid: n.to, template: n.template, title: APPEAL_TEMPLATES[n.template].title, page: n.page, data: n.data });
  }
  return messages;
}
