/** Runs a booking command over every booking a timer field says is due, on the kernel's drain loop. */
import { AppError } from '../../core/errors';
import { drain, type Tally } from '../../core/jobs/drain';
import { runCommand } from '../app/command';
import type { BookingDoc } from '../domain/model';
import type { Transition } from '../domain/stateMachine';
import { bookingsRepo, type TimerField } from '../repos/bookings';

export type SweepResult = Tally<'changed' | 'skipped'>;

export function sweep(field: TimerField, now: Date, decide: (b: BookingDoc) => Transition): Promise<SweepResult> {
  return drain<BookingDoc, 'changed' | 'skipped'>({
    name: `booking sweep ${field}`,
    next: (after, limit) => bookingsRepo.due(field, now, after, limit),
    each: async (b) => {
      try {
        await runCommand(b._id, { now, loaded: b }, decide);
        return 'changed';
      } catch (error) {
        // Someone acted first (answered, cancelled): nothing left to do.
        if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) return 'skipped';
        throw error;
      }
    },
    outcomes: ['changed', 'skipped'],
    label: (b) => b._id,
  });
}
