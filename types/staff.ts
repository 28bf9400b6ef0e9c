/**
 * 人员与权限 — staff onboarding: the contract of the `staff` cloud function. An admin invites staff
 * for a role and unit at or below their own; the invitee accepts the code once; every change is
 * audited. Constants and views live in `staff.constants.ts` (zod-free), re-exported here.
 */
import { z } from 'zod';
import { action } from './contract';
import { pageInput, type Page } from './paging';
import {
  GRANTABLE_ROLES,
  INVITE_CODE_PATTERN,
  INVITE_TTL,
  STAFF_ADMIN_ROLES,
  type AcceptResult,
  type AuditEntryView,
  type CompanyOption,
  type InvitationView,
  type StaffMemberView,
} from './staff.constants';

export * from './staff.constants';

const Id = (label: string) => z.string({ error: `请选择${label}` }).trim().min(1, { message: `请选择${label}` }).max(64);

/** A role with its unit (org roles) or property company (property staff; the caller's own by default). */
const Grant = {
  role: z.enum(GRANTABLE_ROLES, { error: '请选择角色' }),
  unitId: Id('单位').optional(),
  propertyCompanyId: Id('物业公司').optional(),
};

export const InviteCode = z
  .string({ error: '请输入邀请码' })
  .trim()
  .toUpperCase()
  .regex(INVITE_CODE_PATTERN, { message: '邀请码应为8位字母或数字' });

export const staffContract = {
  /** 发出邀请: a code + QR that expires and works once. A retry with the same requestId returns the same invitation. */
  invite: action<InvitationView>()({
    input: z.object({
      ...Grant,
      ttlHours: z
        .number({ error: '有效期应为数字' })
        .int({ message: '有效期应为整数小时' })
        .min(INVITE_TTL.minHours, { message: `有效期至少${INVITE_TTL.minHours}小时` })
        .max(INVITE_TTL.maxHours, { message: `有效期不能超过${INVITE_TTL.maxHours}小时` })
        .default(INVITE_TTL.defaultHours),
      requestId: z.uuid({ message: '缺少请求编号' }),
    }),
    roles: STAFF_ADMIN_ROLES,
    limit: 'staffInvite',
  }),
  /** 接受邀请: the caller (any WeChat user) is bound to the invitation's role. */
  accept: action<AcceptResult>()({ input: z.object({ code: InviteCode }), roles: 'anyone' }),
  /** Staff in the caller's reach (org staff beneath their units, or their company's property staff). */
  list: action<Page<StaffMemberView>>()({ input: z.object({ ...pageInput() }), roles: STAFF_ADMIN_ROLES }),
  /** Invitations the caller issued, newest first. */
  invitations: action<Page<InvitationView>>()({ input: z.object({ ...pageInput() }), roles: STAFF_ADMIN_ROLES }),
  /** 调整角色 of a staff member strictly below the caller, to a grant the caller may give. */
  changeRole: action<StaffMemberView>()({
    input: z.object({ openid: Id('人员'), ...Grant }),
    roles: STAFF_ADMIN_ROLES,
  }),
  /** 撤销权限: the person keeps their profile and household, not their staff role. */
  revoke: action<StaffMemberView>()({ input: z.object({ openid: Id('人员') }), roles: STAFF_ADMIN_ROLES }),
  /** The property companies the caller may invite staff for: their own, or every one for the district. */
  companies: action<CompanyOption[]>()({ input: z.object({}).default({}), roles: STAFF_ADMIN_ROLES }),
  /** 变更记录 of the units in the caller's reach (the level above sees the level below), newest first. */
  audit: action<Page<AuditEntryView>>()({ input: z.object({ ...pageInput() }), roles: STAFF_ADMIN_ROLES }),
};
