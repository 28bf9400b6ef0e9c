import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { z } from 'zod';
import type {
  ActionDef,
  ApiErrorBody,
  CallEvent,
  Envelope,
  FunctionContract,
  OutputOf,
  ParsedInputOf,
  Screening,
} from '../../types/contract';
import { AppError, forbidden, unauthenticated } from './errors';
import { loadCaller, type Caller } from './auth/caller';
import { currentChecker, screenInput } from './content';
import { enforceLimit } from './limits';
import { platformOpenid } from './platform/cloud';
import { currentEnv } from './storage/fileId';
import { loadCalendar } from './time/store';

export interface ActionContext {
  caller: Caller;
  requestId: string;
  now: Date;
  /** The action's `screen` fields passed content security (`pass`) or wait for staff (`review`). */
  screening: Screening;
}

export type Handler<A> = (input: ParsedInputOf<A>, ctx: ActionContext) => Promise<OutputOf<A>>;
export type Handlers<C extends FunctionContract> = { [K in keyof C]: Handler<C[K]> };

/** A timer trigger's event, as CloudBase delivers it. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}
export type Jobs = Record<string, (now: Date) => Promise<unknown>>;

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/** The invocation's platform variables: process.env, and the SCF context's `environment` when given. */
function platformContext(context: unknown): { TRIGGER_SRC?: string; TCB_SOURCE?: string; WX_OPENID?: string } {
  try {
    return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  } catch {
    return tcb.getCloudbaseContext();
  }
}

/**
 * Whether CloudBase itself fired a timer trigger. The event body is the client's to forge; the
 * platform's variables are not: a timer invocation has no WeChat caller, and the platform marks it
 * with `TRIGGER_SRC=timer` (what the SDK keys its timer token on) and/or `TCB_SOURCE=wx_trigger`
 * (the documented `SOURCE` of 定时触发器调用).
 */
export function isPlatformTimer(context?: unknown): boolean {
  const env = platformContext(context);
  if (platformOpenid() || env.WX_OPENID) return false;
  return env.TRIGGER_SRC === 'timer' || env.TCB_SOURCE === 'wx_trigger';
}

function zodIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function toErrorBody(error: unknown, requestId: string, fn: string, action: string): ApiErrorBody {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, issues: error.issues, requestId };
  }
  console.error(JSON.stringify({ level: 'error', requestId, fn, action, error: String((error as Error)?.stack ?? error) }));
  return { code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId };
}

/**
 * The one entry every cloud function uses: validate, identify the caller from the platform,
 * check the role, count the call against its rate limit, screen the declared fields, load the
 * work calendar in force, run the handler, map errors to the envelope. Timer jobs run only for the platform's own timer.
 */
export function createFunction<C extends FunctionContract>(
  fn: string,
  contract: C,
  handlers: Handlers<C>,
  jobs: Jobs = {},
) {
  return async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    const requestId = randomUUID();
    if (isTimerEvent(event)) {
      if (!isPlatformTimer(context)) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由平台触发', requestId } };
      const job = jobs[event.TriggerName];
      if (!job) return { ok: false, error: { code: 'NOT_FOUND', message: `没有名为 ${event.TriggerName} 的定时任务`, requestId } };
      try {
        await loadCalendar();
        return { ok: true, data: await job(new Date()) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error, requestId, fn, event.TriggerName) };
      }
    }
    const { action, input } = (event ?? {}) as Partial<CallEvent>;
    const name = typeof action === 'string' && Object.prototype.hasOwnProperty.call(contract, action) ? action : null;
    try {
      if (!name) throw new AppError('NOT_FOUND', `未知的操作：${String(action)}`);
      const def: ActionDef = contract[name];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        throw new AppError('INVALID_INPUT', issues[0] ? `${issues[0].message}（${issues[0].path || '输入'}）` : '输入有误', issues);
      }
      const openid = platformOpenid();
      if (!openid) throw unauthenticated();
      const caller = await loadCaller(openid);
      if (def.roles !== 'anyone' && !def.roles.some((role) => caller.roles.includes(role))) throw forbidden();
      const now = new Date();
      if (def.limit) await enforceLimit(def.limit, openid, now);
      await loadCalendar(); // the working-time rules below read the calendar in force, without I/O
      const screening = def.screen ? await screenInput(def.screen, parsed.data, { openid, env: currentEnv(), checker: currentChecker() }) : 'pass';
      const data = await handlers[name](parsed.data as never, { caller, requestId, now, screening });
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, requestId, fn, String(action)) };
    }
  };
}
