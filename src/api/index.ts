import type { InputOf, OutputOf } from '@contract/contract';
import type { Contract } from '@contract/index';
import { callFunction } from './transport';

export type Api = {
  [F in keyof Contract]: {
    [A in keyof Contract[F]]: (input: InputOf<Contract[F][A]>) => Promise<OutputOf<Contract[F][A]>>;
  };
};

/** `api.<function>.<action>(input)`: typed from the contract in `types/`, carried by `callFunction`. */
export const api = new Proxy({} as Api, {
  get: (_target, fn: string) =>
    new Proxy(
      {},
      { get: (_t, action: string) => (input: unknown) => callFunction(fn, { action, input }) },
    ),
});

export { ApiError } from './errors';
