/** What a capability brings to the server: its function, contract, collections and message templates. */
import type { FunctionContract } from '../../types/contract';
import type { CollectionSpec } from './db/collections';
import type { Templates } from './outbox/templates';

export interface ServerModule<C extends FunctionContract = FunctionContract, T extends Templates = Templates> {
  /** The cloud function's name: its folder under cloudfunctions/ and its key in the contract. */
  name: string;
  contract: C;
  collections: readonly CollectionSpec[];
  templates: T;
}

export const defineModule = <C extends FunctionContract, T extends Templates = Record<never, never>>(module: ServerModule<C, T>): ServerModule<C, T> => module;
