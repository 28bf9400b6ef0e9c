/** 办结: the front desk marks the visit served with a note; the resident is asked to rate it. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { shanghaiDay } from '../../core/time/workingTime';
import { bookingCommand } from '../app/bookingCommand';
import { serve as serveTransition } from '../domain/stateMachine';

export const serve: Handler<typeof bookingContract.serve> = (input, ctx) =>
  bookingCommand('serve', input, ctx, (b, _actor, me) => serveTransition(b, me, input.note, shanghaiDay(ctx.now), { now: ctx.now }));
