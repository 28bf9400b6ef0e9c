/**
 * Keyset paging over a timer field: what a sweep reads batch after batch. Documents whose `field` has
 * come (≤ now), ordered by (field, _id), strictly after the last one of the previous batch — so the
 * loop moves on past documents that stay due (failing ones) instead of reading them again.
 */
import { database } from '../platform/cloud';

export interface Keyed {
  _id: string;
}

export function dueWhere<D extends Keyed>(field: keyof D & string, now: Date, after: D | null, extra: Record<string, unknown> = {}): Record<string, unknown> | object {
  const _ = database().command;
  const last = after?.[field];
  if (!after || last === undefined || last === null) return { ...extra, [field]: _.lte(now) };
  return _.and([{ ...extra, [field]: _.lte(now) }, _.or([{ [field]: _.gt(last) }, { [field]: last, _id: _.gt(after._id) }])]);
}

/** One batch of due documents of a collection. */
export async function dueBatch<D extends Keyed>(collection: string, field: keyof D & string, now: Date, after: D | null, limit: number, extra: Record<string, unknown> = {}): Promise<D[]> {
  const { data } = await database()
    .collection(collection)
    .where(dueWhere(field, now, after, extra))
    .orderBy(field, 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as D[];
}
