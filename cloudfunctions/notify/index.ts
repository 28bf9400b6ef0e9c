import { createFunction } from '../core/router';
import { dispatchOutbox } from './jobs/dispatchOutbox';
import { purgeRateLimits } from './jobs/purgeRateLimits';

/** The kernel's own timers: outbox delivery, and clearing ended rate-limit windows. No client actions. */
export const main = createFunction('notify', {}, {}, { dispatchOutbox, purgeRateLimits });
