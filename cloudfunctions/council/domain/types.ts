/** The contract's constants and the kernel's screening verdict, as the domain uses them. */
export * from '../../../types/council.constants';
export type { Screening } from '../../../types/contract';
