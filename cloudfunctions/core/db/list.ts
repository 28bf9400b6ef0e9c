/** One page of a collection query, with the total the filter matches: how every list action reads. */
import type { Page, PageRequest } from '../../../types/paging';
import { database } from '../platform/cloud';

export interface ListQuery {
  where: Record<string, unknown>;
  orderBy: string;
  direction?: 'asc' | 'desc';
  /** A projection, when the list needs less than the whole document. */
  fields?: Record<string, true>;
}

export async function listPage<T>(collection: string, query: ListQuery, { page, pageSize }: PageRequest): Promise<Page<T>> {
  const coll = database().collection(collection);
  let docs = coll
    .where(query.where)
    .orderBy(query.orderBy, query.direction ?? 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize);
  if (query.fields) docs = docs.field(query.fields);
  const [{ total }, { data }] = await Promise.all([coll.where(query.where).count(), docs.get()]);
  return { items: data as T[], total, page, pageSize };
}
