/**
 * 差评 not answered within a working day: marked overdue, reported to the street's commanders and
 * the community's staff. Idempotent: the mark clears the timer field in the same conditional write,
 * so a second (or concurrent) run changes nothing.
 */
import { markOverdue } from '../domain/stateMachine';
import { sweep, type SweepResult } from './sweep';

export function escalateComplaints(now: Date): Promise<SweepResult> {
  return sweep('complaintDueAt', now, (b) => markOverdue(b, { now }));
}
