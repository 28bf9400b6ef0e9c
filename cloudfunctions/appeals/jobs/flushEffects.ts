/** Applies effects a crashed or failed command left on its appeal (idempotent, like the command's own flush). */
import { appealCommands } from '../app/command';

export const flushEffects = (now: Date) => appealCommands.sweep(now);
