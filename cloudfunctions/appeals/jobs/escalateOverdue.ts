/**
 * 问题通报制 / 下呼上应: every overdue appeal goes one level up, its new level and its accountable
 * people are told, and it is listed on the bulletin. Idempotent: an escalation moves `escalateAt` on
 * and the write is conditional on the version read, so a second run (or a concurrent one) escalates
 * nothing twice.
 */
import { overdueReason } from '../domain/escalation';
import { escalate } from '../domain/stateMachine';
import { nothingToDo, sweep, type SweepResult } from './sweep';

export function escalateOverdue(now: Date): Promise<SweepResult> {
  return sweep('escalateAt', now, (appeal) => {
    const reason = overdueReason(appeal, now);
    if (!reason) throw nothingToDo();
    return escalate(appeal, null, reason, null, { now });
  });
}
