/** Resolved appeals nobody rated close by themselves after 7 days. */
import { autoClose } from '../domain/stateMachine';
import { sweep, type SweepResult } from './sweep';

export function closeUnrated(now: Date): Promise<SweepResult> {
  return sweep('autoCloseAt', now, (appeal) => autoClose(appeal, { now }));
}
