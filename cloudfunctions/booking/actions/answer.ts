/** 差评回复: community staff answer a 不满意/非常不满意 rating; on time if within the working day. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { bookingCommand } from '../app/bookingCommand';
import { answer as answerTransition } from '../domain/stateMachine';

export const answer: Handler<typeof bookingContract.answer> = ({ id, text }, ctx) =>
  bookingCommand('answer', { id }, ctx, (b, _actor, me) => answerTransition(b, me, text, { now: ctx.now }));
