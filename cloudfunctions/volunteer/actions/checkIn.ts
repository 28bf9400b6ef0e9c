import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { check } from '../app/check';

export const checkIn: Handler<typeof volunteerContract.checkIn> = (input, { caller, now }) => check(caller, input.id, input.code, 'check_in', now);
