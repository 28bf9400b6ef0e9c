/**
 * Runs one command on an appeal: read, decide (rights + state machine, pure), write conditionally on
 * the version read, apply the effects. Losing a race re-reads once, so the loser hears what happened
 * ("已由张丽签收") from the state machine; a stale `expectedVersion` from the page is a CONFLICT.
 * A decision of null means the appeal already is as asked (e.g. followed twice): nothing is written.
 */
import { conflict, notFound } from '../../core/errors';
import type { AppealDoc } from '../domain/model';
import { applyTransition, type Transition } from '../domain/stateMachine';
import { appealsRepo } from '../repos/appeals';
import { effectsOf, flushEffects } from './effects';

export const STALE_VIEW = '该诉求刚刚有了新进展，请刷新后再操作';
export const LOST_RACE = '该诉求正被他人同时处理，请刷新后重试';

export interface CommandOptions {
  /** The version the caller's page showed. */
  expectedVersion?: number;
  /** Who acts (openid), or null for the system. */
  actor: string | null;
  now: Date;
  /** A job passes the appeal it already read. */
  loaded?: AppealDoc;
}

export async function runCommand(
  id: string,
  options: CommandOptions,
  decide: (appeal: AppealDoc) => Transition | null | Promise<Transition | null>,
): Promise<AppealDoc> {
  const { expectedVersion, actor, now } = options;
  let loaded = options.loaded;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const appeal = loaded ?? (await appealsRepo.get(id));
    loaded = undefined;
    if (!appeal) throw notFound('找不到该诉求');
    // Decided first, so that a stale page still hears the specific reason (e.g. "已由张丽签收").
    const transition = await decide(appeal);
    if (!transition) return appeal;
    if (expectedVersion !== undefined && appeal.version !== expectedVersion) throw conflict(STALE_VIEW);
    const after = applyTransition(appeal, transition);
    const effects = await effectsOf(transition, appeal, after, actor, now);
    if (await appealsRepo.commit(appeal._id, appeal.version, transition.patch, transition.timeline, effects)) {
      const written: AppealDoc = { ...after, effects: [...appeal.effects, ...effects], effectsPending: effects.length > 0 || appeal.effectsPending };
      await flushEffects(written, now);
      return written;
    }
  }
  throw conflict(LOST_RACE);
}
