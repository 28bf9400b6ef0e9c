import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { reply as replyTransition } from '../domain/stateMachine';

export const reply: Handler<typeof appealsContract.reply> = (input, ctx) =>
  appealCommand('reply', input, ctx, (a, me) => replyTransition(a, me, input.text, input.photos, { now: ctx.now }));
