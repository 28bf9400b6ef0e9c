/** Applies effects a crashed or failed command left on activities or records (idempotent). */
import type { Tally } from '../../core/jobs/drain';
import { activityCommands } from '../repos/activities';
import { recordCommands } from '../repos/records';

export async function flushEffects(now: Date): Promise<Record<'activities' | 'records', Tally<'flushed' | 'retrying'>>> {
  const [activities, records] = await Promise.all([activityCommands.sweep(now), recordCommands.sweep(now)]);
  return { activities, records };
}
