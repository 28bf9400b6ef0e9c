import { z } from 'zod';
import { action, type Role } from './contract';
import { BuildingCode } from './org';
import type { OrgLevel } from './org';
import { ORG_STAFF_ROLES } from './org.constants';
import { pageInput, type Page } from './paging';
import { RESIDENCE_STATUSES, type ResidenceItem, type ResidenceView } from './users.constants';

export * from './users.constants';

export interface Jurisdiction {
  level: OrgLevel;
  /** The org units the staff member covers; everything beneath them is in scope. */
  unitIds: string[];
}

export interface UserDoc {
  /** The caller's OPENID. */
  _id: string;
  name: string;
  phone?: string;
  roles: Role[];
  jurisdiction?: Jurisdiction;
  propertyCompanyId?: string;
  household?: { buildingId: string; room?: string };
  /** The user's own display settings, remembered across devices. */
  preferences?: Preferences;
  createdAt: Date;
  /** Seeded demo personas only: how the local sign-in lists them. */
  demo?: { label: string; order: number };
}

/** What the user chose for how the app looks to them. */
export interface Preferences {
  /** 长辈版: large text, large tap targets, one column, plain words. */
  elderMode: boolean;
}

export interface Me {
  openid: string;
  name: string;
  roles: Role[];
  isStaff: boolean;
  jurisdiction: (Jurisdiction & { unitNames: string[] }) | null;
  propertyCompany: { id: string; name: string } | null;
  household: { buildingId: string; buildingCode: string; buildingName: string; room?: string } | null;
  preferences: Preferences;
  /** 住户认证: where the caller's residence verification stands (null or absent: never asked). */
  residence?: ResidenceView | null;
}

const Openid = z.string({ error: '缺少居民' }).trim().min(1, { message: '缺少居民' }).max(64);
const Reason = z.string({ error: '请填写原因' }).trim().min(2, { message: '原因至少2个字' }).max(100, { message: '原因不能超过100字' });

export const usersContract = {
  me: action<Me>()({ input: z.object({}).default({}), roles: 'anyone' }),
  bindHousehold: action<Me>()({
    input: z.object({
      buildingCode: BuildingCode,
      room: z.string().trim().max(16).optional(),
    }),
    roles: 'anyone',
  }),
  /** Sets the caller's preferences (a resident profile is created on first use). */
  setPreferences: action<Me>()({
    input: z.object({ elderMode: z.boolean() }),
    roles: 'anyone',
  }),
  /** 申请住户认证 for the bound household (it needs a room). Asking again while pending changes nothing. */
  requestResidence: action<Me>()({ input: z.object({}).default({}), roles: 'anyone' }),
  /** 我已搬离: the resident ends their own verification. */
  withdrawResidence: action<Me>()({ input: z.object({}).default({}), roles: 'anyone' }),
  /** The verification queue of a unit in the caller's jurisdiction (their own first unit by default). */
  residenceQueue: action<Page<ResidenceItem>>()({
    input: z.object({
      status: z.enum(RESIDENCE_STATUSES).default('pending'),
      unitId: z.string().trim().min(1).max(64).optional(),
      ...pageInput(),
    }),
    roles: ORG_STAFF_ROLES,
  }),
  /** 通过 (optionally with the household's floor area) or 不通过 with a reason: the building's grid worker or staff above. */
  decideResidence: action<ResidenceItem>()({
    input: z
      .object({
        openid: Openid,
        approve: z.boolean({ error: '请选择通过或不通过' }),
        reason: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), Reason.optional()),
        area: z.number({ error: '面积应为数字' }).positive({ message: '面积应大于0' }).max(10_000, { message: '面积不能超过10000㎡' }).optional(),
        version: z.number().int().min(0).optional(),
      })
      .refine((v) => v.approve || v.reason !== undefined, { message: '不通过须填写原因', path: ['reason'] }),
    roles: ORG_STAFF_ROLES,
  }),
  /** 撤销 a verification (staff correction, a resident moved out): kept in the history. */
  revokeResidence: action<ResidenceItem>()({
    input: z.object({ openid: Openid, reason: Reason, version: z.number().int().min(0).optional() }),
    roles: ORG_STAFF_ROLES,
  }),
};
