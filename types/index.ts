/** The contract's table of contents: each function and its actions, as the server registers them (cloudfunctions/modules.ts). */
export type { Contract, FunctionName } from '../cloudfunctions/modules';
