import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { check } from '../app/check';

export const checkOut: Handler<typeof volunteerContract.checkOut> = (input, { caller, now }) => check(caller, input.id, input.code, 'check_out', now);
