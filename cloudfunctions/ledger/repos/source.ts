/** Pages through a ledger's source by keyset on (orderField, _id): one index range per page, never the whole range. */
import { database } from '../../core/platform/cloud';
import type { ExportSource } from '../spec';

export const PAGE_SIZE = 500;

export async function* sourcePages<D extends { _id: string }>(src: ExportSource, size = PAGE_SIZE): AsyncGenerator<D[]> {
  const _ = database().command;
  const coll = database().collection(src.collection);
  const field = src.orderField;
  let last: { at: Date; id: string } | null = null;
  for (;;) {
    // Lower bound from the last row (ties on the order field continue by _id). Each bound is its own
    // condition: `gte().and(lt())` travels as one $and operator the index planner cannot use.
    const bounds = [{ ...src.where, [field]: _.gte(last ? last.at : src.from) }, { [field]: _.lt(src.to) }];
    const where = _.and(last ? [...bounds, _.or([{ [field]: _.gt(last.at) }, { _id: _.gt(last.id) }])] : bounds);
    const { data } = await coll.where(where).orderBy(field, 'asc').orderBy('_id', 'asc').limit(size).field(src.fields).get();
    const docs = data as D[];
    if (docs.length > 0) yield docs;
    if (docs.length < size) return;
    const tail = docs[docs.length - 1] as D & Record<string, unknown>;
    last = { at: tail[field] as Date, id: tail._id };
  }
}
