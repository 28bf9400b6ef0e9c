/** Runs an appeal command over every appeal a timer field says is due (the kernel's `sweepDue`). */
import { sweepDue, type SweepResult } from '../../core/jobs/sweepDue';
import { runCommand } from '../app/command';
import type { AppealDoc } from '../domain/model';
import type { Transition } from '../domain/stateMachine';
import type { TimerField } from '../repos/appeals';

export { nothingToDo, type SweepResult } from '../../core/jobs/sweepDue';

export function sweep(field: TimerField, now: Date, decide: (appeal: AppealDoc) => Transition): Promise<SweepResult> {
  return sweepDue<AppealDoc>('appeals', field, now, (appeal) => runCommand(appeal._id, { actor: null, now, loaded: appeal }, decide));
}
