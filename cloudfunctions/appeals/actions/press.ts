/** 督办: a higher level, or the community over a property company, presses the holder. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { press as pressTransition } from '../domain/stateMachine';

export const press: Handler<typeof appealsContract.press> = (input, ctx) =>
  appealCommand('press', input, ctx, (a, me) => pressTransition(a, me, input.note, { now: ctx.now }));
