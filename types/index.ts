import { appealsContract } from './appeals';
import { orgContract } from './org';
import { usersContract } from './users';

/** Every cloud function and its actions: the one contract the app and the functions share. */
export const contract = {
  org: orgContract,
  users: usersContract,
  appeals: appealsContract,
};

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
