import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { staffCommand } from '../app/staffCommand';
import { reply as replyTransition } from '../domain/stateMachine';

export const reply: Handler<typeof appealsContract.reply> = (input, ctx) =>
  staffCommand('reply', input, ctx, (a, me) => replyTransition(a, me, input.text, input.photos, { now: ctx.now }));
