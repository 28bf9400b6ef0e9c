/** 审核: community staff pass or refuse the booking of a resident with too many no-shows; a refusal gives the seat back. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { bookingCommand } from '../app/bookingCommand';
import { approve as approveTransition, reject } from '../domain/stateMachine';

export const approve: Handler<typeof bookingContract.approve> = (input, ctx) =>
  bookingCommand('approve', input, ctx, (b, _actor, me) =>
    input.approve ? approveTransition(b, me, { now: ctx.now }) : reject(b, me, input.reason ?? null, { now: ctx.now }),
  );
