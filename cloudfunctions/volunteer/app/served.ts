/**
 * A 双报到 member's last half-year with a credited service (`servedHalf` on the declaration), kept up
 * to date when a record of theirs changes, so "who is behind" is an indexed query, not a recount.
 */
import { halfYearRange, periodsOf } from '../domain/hours';
import { recordItems } from '../domain/record';
import { servedHalfAfter } from '../domain/units';
import { declarationsRepo, type DeclarationDoc } from '../repos/declarations';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';

/** Whether the person has a credited service in the Shanghai half-year `at` falls in. */
export async function servedIn(openid: string, at: Date): Promise<{ half: string; served: boolean }> {
  const { half } = periodsOf(at);
  const { from, until } = halfYearRange(half);
  const records = await recordsRepo.ofPeopleBetween([openid], from, until);
  const rules = await settingsRepo.rules(records.map((r) => r.communityId));
  return { half, served: recordItems(records, rules).some((i) => i.hours > 0) };
}

/** After a record of an activity starting at `activityStart` changed: the member's `servedHalf`, if they declared. */
export async function refreshServed(openid: string, activityStart: Date, known?: DeclarationDoc | null): Promise<void> {
  const declaration = known === undefined ? await declarationsRepo.get(openid) : known;
  if (!declaration) return;
  const { half, served } = await servedIn(openid, activityStart);
  const previous = declaration.servedHalf ?? null;
  const next = servedHalfAfter(previous, half, served);
  if (next !== previous) await declarationsRepo.setServed(openid, next);
}
