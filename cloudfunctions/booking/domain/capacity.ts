/**
 * Capacity, exactly. The resource is window time: in a slot of `slotMinutes`, each open window has
 * that many minutes, and a visit takes its service's `minutes` of one window. A window serves a
 * service in regular hours if the service lists it; in 延时/错时 every open window serves every
 * service (一窗通办). Seats left for a service = Σ over the windows that serve it of
 * ⌊free minutes ÷ minutes per visit⌋.
 *
 * Every seat taken or given back is a change of the slot's one document (its `holds`), written by
 * the kernel's command runner conditional on the version read (see app/seats.ts): two callers
 * reading the same free seat cannot both write, the loser re-reads and decides again here, and
 * when nothing fits any more it hears 该时段已约满. Pure.
 */
import { isAfterHours } from '../../../types/booking.constants';
import { conflict } from '../../core/errors';
import type { Hold, ServiceDef } from './model';
import type { SlotDef } from './schedule';

export const FULL = '该时段已约满';

/** The open windows of the slot that serve the service, in the session's order. */
export function windowsFor(slot: Pick<SlotDef, 'session'>, service: Pick<ServiceDef, 'windowIds'>): string[] {
  return slot.session.windowIds.filter((w) => isAfterHours(slot.session.kind) || service.windowIds.includes(w));
}

export function usedMinutes(holds: readonly Pick<Hold, 'windowId' | 'minutes'>[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const h of holds) used.set(h.windowId, (used.get(h.windowId) ?? 0) + h.minutes);
  return used;
}

/** How many more visits of `minutes` fit in the windows. */
export function seatsLeft(windowIds: readonly string[], holds: readonly Pick<Hold, 'windowId' | 'minutes'>[], slotMinutes: number, minutes: number): number {
  const used = usedMinutes(holds);
  return windowIds.reduce((sum, w) => sum + Math.max(0, Math.floor((slotMinutes - (used.get(w) ?? 0)) / minutes)), 0);
}

/**
 * The window a new visit goes to: the one with the least free time that still fits it (so that
 * longer visits of other services keep room), the session's order breaking ties; null when full.
 */
export function pickWindow(windowIds: readonly string[], holds: readonly Pick<Hold, 'windowId' | 'minutes'>[], slotMinutes: number, minutes: number): string | null {
  const used = usedMinutes(holds);
  let best: { id: string; free: number } | null = null;
  for (const id of windowIds) {
    const free = slotMinutes - (used.get(id) ?? 0);
    if (free < minutes) continue;
    if (!best || free < best.free) best = { id, free };
  }
  return best?.id ?? null;
}

export interface SeatRequest {
  ref: string;
  bookingId: string;
  windowIds: readonly string[];
  slotMinutes: number;
  minutes: number;
  at: Date;
}

/**
 * The holds after taking a seat, or null when `ref` already holds one (a retry). Throws CONFLICT
 * 该时段已约满 when no window has room.
 */
export function takeSeat(holds: readonly Hold[], req: SeatRequest): Hold[] | null {
  if (holds.some((h) => h.ref === req.ref)) return null;
  const windowId = pickWindow(req.windowIds, holds, req.slotMinutes, req.minutes);
  if (!windowId) throw conflict(FULL);
  return [...holds, { ref: req.ref, bookingId: req.bookingId, windowId, minutes: req.minutes, at: req.at, checked: false }];
}

/** The holds after giving `ref`'s seat back, or null when it holds none. */
export function releaseSeat(holds: readonly Hold[], ref: string): Hold[] | null {
  return holds.some((h) => h.ref === ref) ? holds.filter((h) => h.ref !== ref) : null;
}
