/**
 * Every page of the mini-program and a builder for its query: the one table the app navigates by,
 * registers its packages from (src/modules.ts) and the functions link to from subscribe messages.
 * Zod-free, so pages and app.config.ts can import it.
 */

/** Page paths as app.json lists them (no leading slash). A subpackage's pages sit under its root. */
export const PAGES = {
  // The shell: the home page, the QR landing page, 我的.
  home: 'pages/home/index',
  scan: 'pages/scan/index',
  mine: 'pages/mine/index',
  // 有呼必应 appeals, residents' side (main package: a scan leads straight here).
  appealNew: 'pages/appeal-new/index',
  myAppeals: 'pages/appeals/index',
  appeal: 'pages/appeal/index',
  // Services not open yet.
  booking: 'packages/booking/index',
  volunteer: 'packages/volunteer/index',
  council: 'packages/council/index',
  // 家园议事会 (council): residents' pages in the council subpackage, staff pages (below) in the workbench.
  councilMatter: 'packages/council/matter/index',
  councilRaise: 'packages/council/raise/index',
  // The staff workbench subpackage.
  workbench: 'packages/admin/index',
  staffInbox: 'packages/admin/inbox/index',
  staffAppeal: 'packages/admin/appeal/index',
  dashboard: 'packages/admin/dashboard/index',
  routingRules: 'packages/admin/rules/index',
  holidayCalendar: 'packages/admin/calendar/index',
  ledger: 'packages/admin/ledger/index',
  posters: 'packages/admin/posters/index',
  // 不打烊服务 (booking): residents' pages in the booking subpackage, the front desk in the workbench.
  bookingService: 'packages/booking/service/index',
  myBookings: 'packages/booking/mine/index',
  bookingDetail: 'packages/booking/booking/index',
  bookingDay: 'packages/admin/booking-day/index',
  bookingSettings: 'packages/admin/booking-settings/index',
  bookingDashboard: 'packages/admin/booking-dashboard/index',
  councilVerify: 'packages/admin/council-verify/index',
  councilOpenVote: 'packages/admin/council-vote/index',
  // 志愿服务: residents' pages in the volunteer subpackage, leaders' and staff's in the workbench.
  volunteerActivity: 'packages/volunteer/activity/index',
  volunteerRecord: 'packages/volunteer/record/index',
  volunteerActivities: 'packages/admin/volunteer-activities/index',
  volunteerRoster: 'packages/admin/volunteer-roster/index',
  volunteerTeamAdmin: 'packages/admin/volunteer-teams/index',
  volunteerDeclare: 'packages/volunteer/declare/index',
  volunteerCertificate: 'packages/volunteer/certificate/index',
  volunteerVerify: 'packages/volunteer/verify/index',
  volunteerBoard: 'packages/volunteer/board/index',
  volunteerUnits: 'packages/admin/volunteer-units/index',
  volunteerProjects: 'packages/admin/volunteer-projects/index',
  volunteerBehind: 'packages/admin/volunteer-behind/index',
  // 人员与权限: the admin's page and the invitee's (opened from the invitation's QR or link).
  staffAdmin: 'packages/admin/staff/index',
  staffAccept: 'packages/admin/staff-accept/index',
} as const;

export type PageName = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageName];

/** A page URL as `navigateTo` takes it: a leading slash, then the query. */
export type Route = `/${PagePath}` | `/${PagePath}?${string}`;

type Query = Record<string, string | undefined>;

/** The URL of a page with its query; values are URI-encoded, `undefined` ones left out. */
export function routeTo(page: PageName, query: Query = {}): Route {
  const pairs = Object.entries(query)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  const path = `/${PAGES[page]}` as const;
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** How the QR landing page is opened: a typed code, a mini-program code's scene, a scanned link. */
export type ScanLaunch = { code: string } | { scene: string } | { q: string };

/** Builders for every page: `routes.appeal(id)` → `/pages/appeal/index?id=…`. */
export const routes = {
  home: () => routeTo('home'),
  /** `scene` arrives already URI-encoded from the scanned code's path and is passed on as it is. */
  scan: (launch: ScanLaunch): Route =>
    'scene' in launch ? `/${PAGES.scan}?scene=${launch.scene}` : routeTo('scan', launch),
  mine: () => routeTo('mine'),
  appealNew: () => routeTo('appealNew'),
  myAppeals: () => routeTo('myAppeals'),
  appeal: (id: string) => routeTo('appeal', { id }),
  booking: () => routeTo('booking'),
  volunteer: () => routeTo('volunteer'),
  council: () => routeTo('council'),
  /** One council matter: story, 附议, vote, turnout or result. */
  councilMatter: (id: string) => routeTo('councilMatter', { id }),
  councilRaise: () => routeTo('councilRaise'),
  councilVerify: () => routeTo('councilVerify'),
  councilOpenVote: (id: string) => routeTo('councilOpenVote', { id }),
  workbench: () => routeTo('workbench'),
  staffInbox: () => routeTo('staffInbox'),
  staffAppeal: (id: string) => routeTo('staffAppeal', { id }),
  dashboard: () => routeTo('dashboard'),
  routingRules: (communityId?: string) => routeTo('routingRules', { communityId }),
  holidayCalendar: () => routeTo('holidayCalendar'),
  /** 导出台账: Excel exports of the caller's jurisdiction. */
  ledger: () => routeTo('ledger'),
  /** 一码通海报: print-ready PDFs of the building door codes. */
  posters: () => routeTo('posters'),
  /** A service's 材料清单 and slots. */
  bookingService: (communityId: string, serviceId: string) => routeTo('bookingService', { communityId, serviceId }),
  myBookings: (scope?: 'upcoming' | 'past') => routeTo('myBookings', { scope }),
  /** One booking: its code, state and rating. */
  bookingDetail: (id: string) => routeTo('bookingDetail', { id }),
  bookingDay: (communityId?: string, day?: string) => routeTo('bookingDay', { communityId, day }),
  bookingSettings: (communityId?: string) => routeTo('bookingSettings', { communityId }),
  bookingDashboard: (unitId?: string) => routeTo('bookingDashboard', { unitId }),
  /** One activity: requirements, sign up or waiting place, check in/out; `code` from a scanned QR. */
  volunteerActivity: (id: string, code?: string) => routeTo('volunteerActivity', { id, code }),
  volunteerRecord: () => routeTo('volunteerRecord'),
  volunteerActivities: (communityId?: string) => routeTo('volunteerActivities', { communityId }),
  /** 签到表 of one activity. */
  volunteerRoster: (id: string) => routeTo('volunteerRoster', { id }),
  volunteerTeamAdmin: (communityId?: string) => routeTo('volunteerTeamAdmin', { communityId }),
  /** 党员双报到 and this half-year's service. */
  volunteerDeclare: () => routeTo('volunteerDeclare'),
  volunteerCertificate: () => routeTo('volunteerCertificate'),
  /** Checks a 志愿服务证明 by its code (`code` prefilled from a link). */
  volunteerVerify: (code?: string) => routeTo('volunteerVerify', { code }),
  /** 项目化服务: the community's public board of this year's commitments. */
  volunteerBoard: (communityId?: string) => routeTo('volunteerBoard', { communityId }),
  /** 报到单位 and the community's teams (community staff). */
  volunteerUnits: (communityId?: string) => routeTo('volunteerUnits', { communityId }),
  volunteerProjects: (communityId?: string) => routeTo('volunteerProjects', { communityId }),
  /** Who is behind in a community, street or district. */
  volunteerBehind: (scopeId?: string) => routeTo('volunteerBehind', { scopeId }),
  staffAdmin: () => routeTo('staffAdmin'),
  /** 接受邀请 with the invitation code prefilled. */
  staffAccept: (code?: string) => routeTo('staffAccept', { code }),
} satisfies Record<PageName, (...args: never[]) => Route>;

/** A route as a subscribe message's `page` takes it: the same path and query, no leading slash. */
export function messagePage(route: Route): string {
  return route.slice(1);
}

/** A subpackage as app.json declares it: its root and its pages relative to the root, from `PAGES`. */
export function subpackageOf(root: `packages/${string}`): { root: string; pages: string[] } {
  const prefix = `${root}/`;
  const pages = Object.values(PAGES)
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length));
  return { root, pages };
}
