/** Paging, the same for every list: the input fields an action spreads into its schema, and the page it returns. */
import { z } from 'zod';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `z.object({ …, ...pageInput() })`: page from 1, a page size up to `maxPageSize`. */
export const pageInput = (maxPageSize = 50, defaultPageSize = 20) => ({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(maxPageSize).default(defaultPageSize),
});

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const mapPage = <A, B>(page: Page<A>, f: (item: A) => B): Page<B> => ({ ...page, items: page.items.map(f) });
