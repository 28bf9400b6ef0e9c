/** 预约提醒: the evening before and one hour before, once each, as subscribe messages through the outbox. */
import { remind } from '../domain/stateMachine';
import { sweep, type SweepResult } from './sweep';

export function remindBookings(now: Date): Promise<SweepResult> {
  return sweep('remindAt', now, (b) => remind(b, { now }));
}
