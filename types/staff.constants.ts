/**
 * 人员与权限 (staff onboarding): roles that may be granted, invitation codes, statuses and views.
 * Zod-free, so pages can import it; `staff.ts` re-exports it.
 */
import type { Role } from './contract';
import type { OrgLevel } from './org.constants';

/** Who may open 人员与权限: admins of a level, and property companies for their own staff. */
export const STAFF_ADMIN_ROLES: readonly Role[] = ['district_commander', 'street_commander', 'community_staff', 'property_staff'];

/** The roles an invitation may grant. */
export const GRANTABLE_ROLES = ['grid_worker', 'community_staff', 'street_commander', 'district_commander', 'property_staff'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Invitation codes: typed by hand, so no 0/O, 1/I/L. 31^8 ≈ 8.5×10^11 codes. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** How long an invitation stays open, in hours. */
export const INVITE_TTL = { defaultHours: 72, minHours: 1, maxHours: 168 } as const;

export const INVITATION_STATUSES = ['pending', 'used', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = { pending: '待使用', used: '已使用', expired: '已过期' };

export const AUDIT_KINDS = ['invited', 'accepted', 'changed', 'revoked'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = { invited: '发出邀请', accepted: '接受邀请', changed: '调整角色', revoked: '撤销权限' };

export interface PersonRef {
  openid: string;
  name: string;
}

/** A grant: a role with its unit (org roles) or its property company (property staff). */
export interface GrantView {
  role: GrantableRole;
  roleLabel: string;
  level: OrgLevel | null;
  unitId: string | null;
  unitName: string | null;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
}

export interface InvitationView extends GrantView {
  code: string;
  status: InvitationStatus;
  statusLabel: string;
  expiresAt: string;
  createdAt: string;
  invitedBy: PersonRef;
  usedBy: PersonRef | null;
  usedAt: string | null;
  /** The accept page's route with the code: what the QR carries. */
  link: string;
  /** PNG data URL of the link (on invite only; lists leave it out). */
  qr: string | null;
}

export interface StaffMemberView extends GrantView {
  openid: string;
  name: string;
  phone: string | null;
  /** The caller may change or revoke this person (they are strictly below the caller). */
  canManage: boolean;
}

export interface AuditEntryView {
  id: string;
  kind: AuditKind;
  kindLabel: string;
  at: string;
  by: PersonRef;
  /** Who the change is about (null for an invitation nobody accepted yet). */
  target: PersonRef | null;
  /** The grant after the change (before it, for a revoke). */
  grant: GrantView;
  /** For a change: the grant before it. */
  previous: GrantView | null;
  code: string | null;
}

/** A property company the caller may invite staff for. */
export interface CompanyOption {
  id: string;
  name: string;
}

/** What 接受邀请 returns: the grant now held. */
export interface AcceptResult extends GrantView {
  name: string;
}

/** The text of a role for a grant: 网格员 · 海岸社区第一网格. */
export function grantLabel(grant: Pick<GrantView, 'roleLabel' | 'unitName' | 'propertyCompanyName'>): string {
  const where = grant.unitName ?? grant.propertyCompanyName;
  return where ? `${grant.roleLabel} · ${where}` : grant.roleLabel;
}
