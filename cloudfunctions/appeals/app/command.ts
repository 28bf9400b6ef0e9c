/**
 * Commands on an appeal, on the kernel's runner: the state machine's transition becomes the one
 * conditional write (patch, timeline entries, effects) of `core/commands`.
 */
import { commandRunner } from '../../core/commands/runner';
import type { AppealDoc, Effect } from '../domain/model';
import { applyTransition, type Transition } from '../domain/stateMachine';
import { appealsCollection } from '../repos/appeals';
import { applyEffect, effectsOf } from './effects';

export const STALE_VIEW = '该诉求刚刚有了新进展，请刷新后再操作';
export const LOST_RACE = '该诉求正被他人同时处理，请刷新后重试';

export const appealCommands = commandRunner<AppealDoc, Effect>({
  collection: appealsCollection,
  applyEffect,
  messages: { notFound: '找不到该诉求', stale: STALE_VIEW, lostRace: LOST_RACE },
});

export interface CommandOptions {
  /** The version the caller's page showed. */
  expectedVersion?: number;
  /** Who acts (openid), or null for the system. */
  actor: string | null;
  now: Date;
  /** A job passes the appeal it already read. */
  loaded?: AppealDoc;
}

/** Runs a transition decided on the appeal as read; null: the appeal already is as asked. */
export function runCommand(
  id: string,
  options: CommandOptions,
  decide: (appeal: AppealDoc) => Transition | null | Promise<Transition | null>,
): Promise<AppealDoc> {
  return appealCommands.run(id, options, async (appeal) => {
    const transition = await decide(appeal);
    if (!transition) return null;
    const after = applyTransition(appeal, transition);
    const effects = await effectsOf(transition, appeal, after, options.actor, options.now);
    return { set: transition.patch, push: { timeline: transition.timeline }, effects };
  });
}
