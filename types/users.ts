import { z } from 'zod';
import { action, type Role } from './contract';
import { BuildingCode } from './org';
import type { OrgLevel } from './org';

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
}

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
};
