/** 上报 (下呼上应): the holder hands the appeal one level up, with a reason. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { staffCommand } from '../app/staffCommand';
import { escalate as escalateTransition } from '../domain/stateMachine';

export const escalate: Handler<typeof appealsContract.escalate> = (input, ctx) =>
  staffCommand('escalate', input, ctx, (a, me) => escalateTransition(a, me, 'manual', input.reason, { now: ctx.now }));
