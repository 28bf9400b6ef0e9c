/** 办结: the handler records the result (text + photos); the resident is asked to rate it. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { resolve as resolveTransition } from '../domain/stateMachine';

export const resolve: Handler<typeof appealsContract.resolve> = (input, ctx) =>
  appealCommand('resolve', input, ctx, (a, me) => resolveTransition(a, me, input.text, input.photos, { now: ctx.now }));
