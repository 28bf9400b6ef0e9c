/** Applies effects (notices) a crashed or failed 住户认证 command left behind (idempotent). */
import type { Tally } from '../../core/jobs/drain';
import { residenceCommands } from '../repos/residences';

export const flushEffects = (now: Date): Promise<Tally<'flushed' | 'retrying'>> => residenceCommands.sweep(now);
