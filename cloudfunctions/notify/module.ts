/** The notification dispatcher: no client actions; it delivers the kernel's outbox on a timer. */
import { defineModule } from '../core/module';

export const notifyModule = defineModule({ name: 'notify', contract: {}, collections: [], templates: {} });
