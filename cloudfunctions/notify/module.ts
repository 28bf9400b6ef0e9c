/** The kernel's timers: the outbox dispatcher and rate-limit housekeeping; no client actions. */
import { defineModule } from '../core/module';

export const notifyModule = defineModule({ name: 'notify', contract: {}, collections: [], templates: {} });
