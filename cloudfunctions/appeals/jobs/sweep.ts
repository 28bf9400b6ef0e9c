/** Runs a command over every appeal a timer field says is due, on the kernel's drain loop. */
import { AppError, conflict } from '../../core/errors';
import { drain, type Tally } from '../../core/jobs/drain';
import { runCommand } from '../app/command';
import type { AppealDoc } from '../domain/model';
import type { Transition } from '../domain/stateMachine';
import { appealsRepo, type TimerField } from '../repos/appeals';

export type SweepResult = Tally<'changed' | 'skipped'>;

/** Thrown by a decision that finds nothing to do any more (someone acted first). */
export const nothingToDo = () => conflict('无需处理');

export function sweep(field: TimerField, now: Date, decide: (appeal: AppealDoc) => Transition): Promise<SweepResult> {
  return drain<AppealDoc, 'changed' | 'skipped'>({
    name: `sweep ${field}`,
    next: (after, limit) => appealsRepo.due(field, now, after, limit),
    each: async (appeal) => {
      try {
        await runCommand(appeal._id, { actor: null, now, loaded: appeal }, decide);
        return 'changed';
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') return 'skipped';
        throw error;
      }
    },
    outcomes: ['changed', 'skipped'],
    label: (appeal) => appeal._id,
  });
}
