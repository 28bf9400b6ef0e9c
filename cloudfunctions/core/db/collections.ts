/**
 * How collections and their indexes are declared. Each module declares its own (`<module>/module.ts`);
 * the kernel's are below; cloudfunctions/modules.ts gathers them all (COLLECTIONS), which the local
 * CloudBase creates at start-up.
 */
export type IndexDirection = 1 | -1;

export interface IndexSpec {
  name: string;
  /** Field paths in key order (dot paths for nested fields). */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

/** The kernel's collections, which every module's functions use: rate limits and the outbox. */
export const KERNEL_COLLECTIONS: readonly CollectionSpec[] = [
  { name: 'rateLimits', indexes: [{ name: 'expires_at', keys: { expiresAt: 1 } }] }, // core/limits: a counter per caller, limit and window; purged after expiresAt
  // ── notifications: the outbox and, locally, the message log ──
  { name: 'outbox', indexes: [{ name: 'status_next', keys: { status: 1, nextAttemptAt: 1 } }, { name: 'status_lease', keys: { status: 1, leaseUntil: 1 } }] },
  { name: 'messageLog', indexes: [{ name: 'to_created', keys: { toOpenid: 1, createdAt: -1 } }, { name: 'created', keys: { createdAt: -1 } }] },
];
