/**
 * Every server module, registered once. A new capability adds its `module.ts` here; the contract the
 * app is typed by, the collections the local CloudBase creates and the message templates all come
 * from this list.
 */
import { appealsModule } from './appeals/module';
import { bookingModule } from './booking/module';
import { councilModule } from './council/module';
import { KERNEL_COLLECTIONS, type CollectionSpec } from './core/db/collections';
import type { ServerModule } from './core/module';
import type { Templates } from './core/outbox/templates';
import { ledgerModule } from './ledger/module';
import { notifyModule } from './notify/module';
import { orgModule } from './org/module';
import { postersModule } from './posters/module';
import { staffModule } from './staff/module';
import { usersModule } from './users/module';
import { volunteerModule } from './volunteer/module';

export const MODULES = {
  org: orgModule,
  users: usersModule,
  appeals: appealsModule,
  booking: bookingModule,
  council: councilModule,
  volunteer: volunteerModule,
  ledger: ledgerModule,
  posters: postersModule,
  staff: staffModule,
  notify: notifyModule,
} as const;

/** Every function and its actions: the one contract the app and the functions share. */
export type Contract = { [K in keyof typeof MODULES]: (typeof MODULES)[K]['contract'] };
export type FunctionName = keyof Contract;

const modules: readonly ServerModule[] = Object.values(MODULES);

export const COLLECTIONS: readonly CollectionSpec[] = [...KERNEL_COLLECTIONS, ...modules.flatMap((m) => m.collections)];

export const TEMPLATES: Templates = Object.assign({}, ...modules.map((m) => m.templates));
