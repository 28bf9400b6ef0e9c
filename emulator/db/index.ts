/** Local CloudBase database: answers @cloudbase/node-sdk requests from one SQLite file. */
export { openDatabase } from './service';
export type { DbService, DbServiceOptions } from './service';
export type { StoreStats as DbStats } from './store';
export type { Explain } from './reads';
export { ErrorCode } from './errors';
export type { CollectionSpec, IndexSpec, IndexDirection } from './spec';
