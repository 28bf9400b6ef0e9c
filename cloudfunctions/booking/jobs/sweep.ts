/** Runs a booking command over every booking a timer field says is due (the kernel's `sweepDue`). */
import { sweepDue, type SweepResult } from '../../core/jobs/sweepDue';
import { runCommand } from '../app/command';
import type { BookingDoc } from '../domain/model';
import type { Transition } from '../domain/stateMachine';
import type { TimerField } from '../repos/bookings';

export type { SweepResult } from '../../core/jobs/sweepDue';

export function sweep(field: TimerField, now: Date, decide: (b: BookingDoc) => Transition): Promise<SweepResult> {
  return sweepDue<BookingDoc>('bookings', field, now, (b) => runCommand(b._id, { now, loaded: b }, decide));
}
