/** 取消: the resident up to the cut-off, the front desk until it is served; the seat is given back. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { bookingCommand } from '../app/bookingCommand';
import { actsAsStaff } from '../domain/policy';
import { cancel as cancelTransition } from '../domain/stateMachine';

export const cancel: Handler<typeof bookingContract.cancel> = (input, ctx) =>
  bookingCommand('cancel', input, ctx, (b, actor, me) => cancelTransition(b, me, actsAsStaff(actor, b), input.reason ?? null, { now: ctx.now }));
