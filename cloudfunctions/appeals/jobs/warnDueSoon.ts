/** 即将超期: tells the handler (or the holder's staff) and the first responder, once per clock. */
import { warn } from '../domain/stateMachine';
import { sweep, type SweepResult } from './sweep';

export function warnDueSoon(now: Date): Promise<SweepResult> {
  return sweep('warnNoticeAt', now, (appeal) => warn(appeal, { now }));
}
