/** 好差评: the resident rates a served booking; a 差评 opens an item the community must answer within a working day. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { bookingCommand } from '../app/bookingCommand';
import { rate as rateTransition } from '../domain/stateMachine';

export const rate: Handler<typeof bookingContract.rate> = ({ id, rating, comment }, ctx) =>
  bookingCommand('rate', { id }, ctx, (b, _actor, me) => rateTransition(b, me, rating, comment ?? null, ctx.screening, { now: ctx.now }));
