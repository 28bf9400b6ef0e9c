/**
 * A timer job over versioned documents: every document whose timer field has come gets one command,
 * on the drain loop. A command that finds nothing left to do (someone acted first: CONFLICT, or the
 * document is gone) counts as skipped; any other failure is logged and the sweep moves on.
 */
import { AppError } from '../errors';
import { dueBatch, type Keyed } from '../db/keyset';
import { drain, type Tally } from './drain';

export type SweepResult = Tally<'changed' | 'skipped'>;

/** Thrown by a decision that finds nothing to do any more. */
export const nothingToDo = () => new AppError('CONFLICT', '无需处理');

export function sweepDue<D extends Keyed>(collection: string, field: keyof D & string, now: Date, act: (doc: D) => Promise<unknown>): Promise<SweepResult> {
  return drain<D, 'changed' | 'skipped'>({
    name: `sweep ${collection}.${field}`,
    next: (after, limit) => dueBatch<D>(collection, field, now, after, limit),
    each: async (doc) => {
      try {
        await act(doc);
        return 'changed';
      } catch (error) {
        if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) return 'skipped';
        throw error;
      }
    },
    outcomes: ['changed', 'skipped'],
    label: (doc) => doc._id,
  });
}
