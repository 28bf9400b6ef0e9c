/**
 * 双报到 units (报到单位), 项目化服务 and who is behind: limits and view types. Zod-free, so app pages can
 * import them without bundling zod; `volunteer.ts` re-exports all.
 */
import type { CommunityRef, JoinPolicy } from './volunteer.constants';

export const UNIT_LIMITS = {
  unitNameMax: 40,
  contactMax: 20,
  teamNameMax: 30,
  contentMax: 200,
  ownerMax: 40,
  noteMax: 300,
  photosMax: 6,
  /** 项目化服务: each unit agrees at least this many projects with its community a year. */
  projectsPerYear: 5,
  /** Rows of the behind list per page. */
  behindPageSize: 50,
} as const;

export interface UnitTeamRef {
  id: string;
  name: string;
}

/** A 报到单位 registered with a community, with its 党员志愿服务队 and this year's projects. */
export interface UnitView {
  id: string;
  name: string;
  contact: string;
  phone: string;
  teams: UnitTeamRef[];
  /** Party members who declared this unit (双报到). */
  members: number;
  /** This year's claimed projects against the 5-project rule. */
  projects: ProjectTally;
}

export interface ProjectTally {
  year: string;
  count: number;
  required: number;
  met: boolean;
  missing: number;
}

export interface TeamAdminRow {
  id: string;
  name: string;
  intro: string;
  joinPolicy: JoinPolicy;
  leader: { openid: string; name: string };
  unit: UnitTeamRef | null;
}

export interface UnitsView {
  community: CommunityRef;
  year: string;
  units: UnitView[];
  /** The community's teams, each with the unit it serves for (a 党员志愿服务队) if any. */
  teams: TeamAdminRow[];
}

export interface ProgressView {
  at: string;
  by: string;
  note: string;
  /** Signed URLs of the photos. */
  photos: string[];
}

/** A yearly service commitment (项目化服务): content, the responsible party, the due day, the unit that claimed it. */
export interface ProjectView {
  id: string;
  year: string;
  content: string;
  owner: string;
  dueDay: string;
  unit: UnitTeamRef | null;
  progress: ProgressView[];
  /** The caller may claim it for a unit or post progress. */
  canManage: boolean;
  version: number;
}

export interface ProjectBoard {
  community: CommunityRef;
  year: string;
  projects: ProjectView[];
  /** Each unit's projects this year against the rule. */
  units: Array<{ id: string; name: string; projects: ProjectTally }>;
  canManage: boolean;
}

export interface BehindUnit {
  id: string;
  name: string;
  communityName: string;
  contact: string;
  phone: string;
}

export interface BehindMember {
  openid: string;
  name: string;
  unit: string | null;
  /** The community the member is counted in: where they live, else their unit's. */
  communityName: string;
  /** The last half-year served in ('2026H1'), or null. */
  servedHalf: string | null;
}

export interface BehindTotals {
  units: number;
  unitsBehind: number;
  members: number;
  membersBehind: number;
}

/** Who is behind in a community or a street: units without an activity this month, members without a service this half-year. */
export interface BehindReport {
  scope: { id: string; name: string; level: 'community' | 'street' | 'district' };
  month: { key: string; label: string };
  halfYear: { key: string; label: string };
  totals: BehindTotals;
  /** A street's communities, a district's streets (a community: itself). */
  communities: Array<{ id: string; name: string } & BehindTotals>;
  units: BehindUnit[];
  /** One keyset page of the members behind, by openid; `after` fetches the next. */
  members: { items: BehindMember[]; next: string | null };
}

export interface BehindReminded {
  members: { sent: number; already: number };
  units: { sent: number; already: number };
}
