/**
 * 表决名册 (the roll), pure: the verified households in scope when a vote window opens, with their floor
 * areas (known or not). Its totals are the bar for the whole window — the 278 preset's 2/3 by households
 * and by area, the simple majority's quorum — so a verification after the opening moves nothing, and
 * only households on it may vote. Areas are kept in hundredths of ㎡ so sums and ratios stay exact.
 */
export interface RollTotals {
  households: number;
  /** Households whose floor area is known (recorded and above zero). */
  areaKnownHouseholds: number;
  /** ㎡ × 100 over those households. */
  areaCents: number;
}

/** A household on the roll: opaque id (never the room), building, area where known, its verified residents. */
export interface RollHousehold {
  id: string;
  buildingId: string;
  area: number | null;
  residents: string[];
}

export const areaKnown = (area: number | null): area is number => area !== null && area > 0;

/** ㎡ → hundredths (0 when unknown). */
export const areaCents = (area: number | null) => (areaKnown(area) ? Math.round(area * 100) : 0);

export function rollTotals(households: ReadonlyArray<{ area: number | null }>): RollTotals {
  let areaKnownHouseholds = 0;
  let cents = 0;
  for (const h of households) {
    if (!areaKnown(h.area)) continue;
    areaKnownHouseholds += 1;
    cents += areaCents(h.area);
  }
  return { households: households.length, areaKnownHouseholds, areaCents: cents };
}

/** The effect id of a vote's broadcast: one per opening of a matter (which opens once). */
export const announceEffectId = (matterId: string, version: number) => `${matterId}_v${version}_announce`;
