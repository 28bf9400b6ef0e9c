/**
 * Every collection and index, declared once. The local CloudBase creates them at start-up;
 * `scripts/deploy-indexes.ts` creates the same ones in a CloudBase environment.
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

export const COLLECTIONS: CollectionSpec[] = [
  { name: 'orgUnits', indexes: [{ name: 'parent', keys: { parentId: 1 } }, { name: 'level', keys: { level: 1 } }] },
  { name: 'estates', indexes: [{ name: 'community', keys: { communityId: 1 } }, { name: 'property', keys: { propertyCompanyId: 1 } }] },
  { name: 'buildings', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'grid', keys: { gridId: 1 } }] },
  { name: 'propertyCompanies', indexes: [] },
  {
    name: 'users',
    indexes: [
      { name: 'roles', keys: { roles: 1 } },
      { name: 'jurisdiction', keys: { 'jurisdiction.unitIds': 1 } },
      { name: 'property', keys: { propertyCompanyId: 1 } },
    ],
  },
  // ── appeals (有呼必应); every list query starts with an equality on the first key ──
  {
    name: 'appeals',
    indexes: [
      { name: 'community_activity', keys: { 'place.communityId': 1, lastActivityAt: -1 } },
      { name: 'grid_activity', keys: { 'place.gridId': 1, lastActivityAt: -1 } },
      { name: 'street_activity', keys: { 'place.streetId': 1, lastActivityAt: -1 } },
      { name: 'district_activity', keys: { 'place.districtId': 1, lastActivityAt: -1 } },
      { name: 'property_activity', keys: { propertyCompanyId: 1, lastActivityAt: -1 } },
      { name: 'holder_activity', keys: { holderKey: 1, lastActivityAt: -1 } },
      { name: 'handler_activity', keys: { 'handler.openid': 1, lastActivityAt: -1 } },
      { name: 'first_responder_activity', keys: { 'firstResponder.openid': 1, lastActivityAt: -1 } },
      { name: 'resident_filed', keys: { 'resident.openid': 1, filedAt: -1 } },
      { name: 'followers', keys: { followers: 1 } },
      { name: 'building_category_filed', keys: { 'place.buildingId': 1, category: 1, filedAt: -1 } },
      { name: 'escalate_at', keys: { escalateAt: 1 } },
      { name: 'warn_notice_at', keys: { warnNoticeAt: 1 } },
      { name: 'auto_close_at', keys: { autoCloseAt: 1 } },
      { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
      { name: 'no', keys: { no: 1 }, unique: true },
    ],
  },
  { name: 'appealStats', indexes: [{ name: 'unit_day', keys: { unitId: 1, day: 1 } }, { name: 'parent_day', keys: { parentId: 1, day: 1 } }] },
  {
    name: 'appealBulletin',
    indexes: [
      { name: 'grid_at', keys: { gridId: 1, at: -1 } },
      { name: 'community_at', keys: { communityId: 1, at: -1 } },
      { name: 'street_at', keys: { streetId: 1, at: -1 } },
      { name: 'district_at', keys: { districtId: 1, at: -1 } },
    ],
  },
  { name: 'appealRouting', indexes: [] },
  // ── calendar: each year's official holiday schedule, `_id` = the year, its audit in `history` ──
  { name: 'holidaySchedules', indexes: [] },
  { name: 'rateLimits', indexes: [{ name: 'expires_at', keys: { expiresAt: 1 } }] }, // core/limits: a counter per caller, limit and window; purged after expiresAt
  // ── notifications: the outbox and, locally, the message log ──
  { name: 'outbox', indexes: [{ name: 'status_next', keys: { status: 1, nextAttemptAt: 1 } }, { name: 'status_lease', keys: { status: 1, leaseUntil: 1 } }] },
  { name: 'messageLog', indexes: [{ name: 'to_created', keys: { toOpenid: 1, createdAt: -1 } }, { name: 'created', keys: { createdAt: -1 } }] },
];
