import { randomInt } from 'node:crypto';

/** A 签到码: six random digits (crypto), per activity. */
export const newCheckCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
