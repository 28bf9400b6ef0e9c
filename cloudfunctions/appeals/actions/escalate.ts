/** 上报 (下呼上应): the holder hands the appeal one level up, with a reason. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { escalate as escalateTransition } from '../domain/stateMachine';

export const escalate: Handler<typeof appealsContract.escalate> = (input, ctx) =>
  appealCommand('escalate', input, ctx, (a, me) => escalateTransition(a, me, 'manual', input.reason, { now: ctx.now }));
