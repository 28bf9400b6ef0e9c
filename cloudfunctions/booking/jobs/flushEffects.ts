/** Applies effects a crashed or failed command left on bookings, slots or settings (idempotent). */
import type { Tally } from '../../core/jobs/drain';
import { bookingCommands } from '../app/command';
import { settingsCommands } from '../repos/settings';
import { slotCommands } from '../repos/slots';

export async function flushEffects(now: Date): Promise<Record<'bookings' | 'slots' | 'settings', Tally<'flushed' | 'retrying'>>> {
  const [bookings, slots, settings] = await Promise.all([bookingCommands.sweep(now), slotCommands.sweep(now), settingsCommands.sweep(now)]);
  return { bookings, slots, settings };
}
