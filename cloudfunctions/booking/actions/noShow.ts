/** 爽约: the front desk marks a booking nobody came for, once its time has started. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { bookingCommand } from '../app/bookingCommand';
import { noShow as noShowTransition } from '../domain/stateMachine';

export const noShow: Handler<typeof bookingContract.noShow> = (input, ctx) =>
  bookingCommand('noShow', input, ctx, (b, _actor, me) => noShowTransition(b, me, { now: ctx.now }));
