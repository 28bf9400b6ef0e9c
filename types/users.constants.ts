/** 住户认证: statuses, labels and views. Zod-free, so pages can import them; `users.ts` re-exports it. */

/**
 * A resident's verification of their bound household: 待审核 → 已认证 | 未通过; 已认证 (or 待审核)
 * → 已撤销 when they move out, rebind, or staff correct it. One verification per person; a household
 * (building + room) may have several verified residents.
 */
export const RESIDENCE_STATUSES = ['pending', 'verified', 'rejected', 'revoked'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

export const RESIDENCE_STATUS_LABELS: Record<ResidenceStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  revoked: '已撤销',
};

/** What the 申请住户认证 tap asks residents to subscribe to (resident templates of the users module). */
export const RESIDENCE_SUBSCRIPTIONS = ['residenceDecided'] as const;

export type ResidenceEventKind = 'requested' | 'verified' | 'rejected' | 'revoked';

export interface ResidenceEvent {
  kind: ResidenceEventKind;
  at: string;
  by: { openid: string; name: string };
  /** Building name and room at the time. */
  household: string;
  reason: string | null;
}

/** What the resident sees of their own verification. */
export interface ResidenceView {
  status: ResidenceStatus;
  statusLabel: string;
  buildingName: string;
  room: string;
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  /** The bound household differs from the verified one, or it was refused/revoked: ask (again). */
  canRequest: boolean;
}

/** A verification as staff see it in their queue (the room is shown to staff only). */
export interface ResidenceItem extends ResidenceView {
  openid: string;
  name: string;
  phone: string | null;
  buildingId: string;
  gridId: string;
  communityId: string;
  /** 建筑面积 (㎡) where staff recorded it: what 民法典 278 votes weigh. */
  area: number | null;
  version: number;
  history: ResidenceEvent[];
}

