/**
 * Building codes, by one rule: the district's 6-digit division code, 'B', and the district's next
 * sequence number (at least 4 digits). A code, once assigned, is printed on a poster and never
 * changes; new buildings continue after the highest number the district has used.
 */
import { BUILDING_CODE_PATTERN } from '../../../types/org.constants';

/** The WeChat mini-program code's `scene` holds at most 32 characters; posters put `c=<code>` in it. */
export const SCENE_MAX = 32;
export const sceneOf = (code: string) => `c=${code}`;

export function buildingCode(divisionCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad building sequence ${sequence}`);
  const code = `${divisionCode}B${String(sequence).padStart(4, '0')}`;
  if (!BUILDING_CODE_PATTERN.test(code) || sceneOf(code).length > SCENE_MAX) throw new RangeError(`building code ${code} breaks the rule`);
  return code;
}

/** The division code and sequence of a building code, or null when it does not follow the rule. */
export function parseBuildingCode(code: string): { divisionCode: string; sequence: number } | null {
  const m = BUILDING_CODE_PATTERN.exec(code);
  return m ? { divisionCode: m[1], sequence: Number(m[2]) } : null;
}

/** Hands out a district's next codes after the highest sequence already used. */
export function codeAllocator(divisionCode: string, usedCodes: Iterable<string>): () => string {
  let last = 0;
  for (const code of usedCodes) {
    const parsed = parseBuildingCode(code);
    if (parsed && parsed.divisionCode === divisionCode) last = Math.max(last, parsed.sequence);
  }
  return () => buildingCode(divisionCode, ++last);
}
