/** Runs a command over every appeal a timer field says is due, in batches, within a time budget. */
import { AppError, conflict } from '../../core/errors';
import { runCommand } from '../app/command';
import type { AppealDoc } from '../domain/model';
import type { Transition } from '../domain/stateMachine';
import { appealsRepo } from '../repos/appeals';

export interface SweepResult {
  scanned: number;
  changed: number;
  skipped: number;
  failed: number;
}

const BATCH = 100;
const BUDGET_MS = 45_000;

/** Thrown by a decision that finds nothing to do any more (someone acted first). */
export const nothingToDo = () => conflict('无需处理');

export async function sweep(
  field: 'escalateAt' | 'warnNoticeAt' | 'autoCloseAt',
  now: Date,
  decide: (appeal: AppealDoc) => Transition,
): Promise<SweepResult> {
  const result: SweepResult = { scanned: 0, changed: 0, skipped: 0, failed: 0 };
  const started = Date.now();
  const seen = new Set<string>();
  while (Date.now() - started < BUDGET_MS) {
    const batch = (await appealsRepo.due(field, now, BATCH)).filter((a) => !seen.has(a._id));
    if (batch.length === 0) break;
    for (const appeal of batch) {
      seen.add(appeal._id);
      result.scanned += 1;
      try {
        await runCommand(appeal._id, { actor: null, now, loaded: appeal }, decide);
        result.changed += 1;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') result.skipped += 1;
        else {
          result.failed += 1;
          console.error(JSON.stringify({ level: 'error', msg: `sweep ${field} failed`, appealId: appeal._id, error: String((error as Error)?.stack ?? error) }));
        }
      }
    }
    if (batch.length < BATCH) break;
  }
  return result;
}
