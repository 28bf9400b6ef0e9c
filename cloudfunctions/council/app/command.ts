/** Runs a transition of the state machine on a matter (the kernel's runner), its log entry appended. */
import { MATTER_STAGE_LABELS } from '../../../types/council.constants';
import { messagePage, routes } from '../../../types/routes';
import type { NotifyEffect } from '../../core/commands/runner';
import { renderTemplate } from '../../core/outbox/templates';
import type { MatterDoc } from '../domain/model';
import { logged, type Transition } from '../domain/stages';
import { matterCommands } from '../repos/matters';
import { COUNCIL_TEMPLATES } from '../templates';

/** The raiser hears when their matter moves to another stage (not about their own act, nor staff's own matters). */
function noticesOf(m: MatterDoc, t: Transition, now: Date): NotifyEffect[] {
  const stage = t.set.stage;
  if (!stage || stage === m.stage || m.byStaff || t.log.by.openid === m.raisedBy.openid) return [];
  const message = {
    toOpenid: m.raisedBy.openid,
    template: 'councilMatterUpdate',
    title: COUNCIL_TEMPLATES.councilMatterUpdate.title,
    page: messagePage(routes.councilMatter(m._id)),
    data: renderTemplate(COUNCIL_TEMPLATES.councilMatterUpdate, { title: m.title, stage: MATTER_STAGE_LABELS[stage], note: t.log.note ?? '', time: now }),
  };
  return [{ id: `${m._id}_v${m.version + 1}_0`, kind: 'notify', message }];
}

export function runMatter(id: string, options: { now: Date; expectedVersion?: number; loaded?: MatterDoc }, decide: (m: MatterDoc) => Transition | null | Promise<Transition | null>): Promise<MatterDoc> {
  return matterCommands.run(id, options, async (m) => {
    const t = await decide(m);
    if (!t) return null;
    const push: { log?: unknown[]; progress?: unknown[]; meetings?: unknown[] } = {};
    if (t.meetings?.length) push.meetings = t.meetings;
    if (logged(t)) push.log = [t.log];
    if (t.progress?.length) push.progress = t.progress;
    return { set: t.set, push: Object.keys(push).length ? push : undefined, effects: [...noticesOf(m, t, options.now), ...(t.effects ?? [])] };
  });
}
