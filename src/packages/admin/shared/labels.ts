/**
 * Run-time labels the workbench needs. Kept here (not imported from `@contract/appeals`) so the
 * admin subpackage does not bundle zod; they mirror APPEAL_STATUS_LABELS / ROUTING_TARGET_LABELS /
 * APPEAL_LIMITS in types/appeals.ts and move to a zod-free constants module once the lead splits it.
 */
import type { AppealStatus, RoutingTarget } from '@contract/appeals';
import type { Role } from '@contract/contract';

export const STATUS_OPTIONS: ReadonlyArray<{ value: AppealStatus; label: string }> = [
  { value: 'pending', label: '待受理' },
  { value: 'processing', label: '办理中' },
  { value: 'resolved', label: '已办结待评价' },
  { value: 'closed', label: '已完结' },
];

export const TARGETS: ReadonlyArray<{ value: RoutingTarget; short: string; label: string }> = [
  { value: 'grid', short: '网格', label: '楼栋所在网格网格员' },
  { value: 'community', short: '社区', label: '社区工作站' },
  { value: 'property', short: '物业', label: '小区物业公司' },
  { value: 'enforcement', short: '综合执法', label: '街道综合执法队' },
];

export const targetLabel = (target: RoutingTarget) => TARGETS.find((t) => t.value === target)?.label ?? target;

export const LIMITS = { photosMax: 6, textMax: 500, reasonMax: 200 } as const;

/** Roles that see org-level statistics (the `dashboard` / `bulletin` / `routingRules` actions). */
export const ORG_STAFF_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'street_commander', 'district_commander'];

export const hasAnyRole = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));

export const appealUrl = (id: string) => `/packages/admin/appeal/index?id=${encodeURIComponent(id)}`;
