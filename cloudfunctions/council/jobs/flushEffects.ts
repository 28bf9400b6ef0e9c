/** Applies effects a crashed or failed command left on matters (idempotent). */
import type { Tally } from '../../core/jobs/drain';
import { matterCommands } from '../repos/matters';

export const flushEffects = (now: Date): Promise<Tally<'flushed' | 'retrying'>> => matterCommands.sweep(now);
