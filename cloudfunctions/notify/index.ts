import { createFunction } from '../core/router';
import { dispatchOutbox } from './jobs/dispatchOutbox';

/** The notification dispatcher: no client actions, one timer job. */
export const main = createFunction('notify', {}, {}, { dispatchOutbox });
