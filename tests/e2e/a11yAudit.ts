/**
 * The accessibility audit of the H5 build, shared by the end-to-end test (tests/e2e/a11y.e2e.test.ts)
 * and the benchmark (bench/h5.ts): every page of `PAGES`, opened as the persona who can use it, in
 * every display mode, checked with axe-core injected from node_modules (nothing is fetched).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { png } from '../support/png';
import type { BrowserContext, Page } from 'playwright-core';
import type * as Axe from 'axe-core';
import { routes, type PageName, type Route } from '../../types/routes';

// ─── Personas and modes ─────────────────────────────────────────────────────────────────────────

/** Demo personas of the seed (scripts/seed/org.ts) the pages are opened as. */
export const PERSONAS = {
  resident: { openid: 'demo-resident', name: '王秀英' },
  /** Staff pages: the community's own staff. */
  staff: { openid: 'demo-community-staff', name: '刘洋' },
  /** Only the district may enter the official holiday schedule: the calendar's editor is theirs. */
  district: { openid: 'demo-district', name: '马军' },
} as const;

export type PersonaKey = keyof typeof PERSONAS;

export interface Mode {
  name: string;
  /** As 我的 names it. */
  label: string;
  /** Saved on the persona's profile with `users.setPreferences` (see `enterSession`). */
  elderMode: boolean;
  /**
   * What the kit's `Page` (src/components/Page.tsx) shows once it is drawn in this mode, waited for
   * with the content of every page built in it, so the check sees the page in the mode, not before.
   */
  marker: string;
}

/** Every display mode a page is checked in. A new mode is one more line here. */
export const MODES: readonly Mode[] = [
  { name: 'normal', label: '标准版', elderMode: false, marker: '.jy-page[data-elder="false"]' },
  { name: 'elder', label: '长辈版', elderMode: true, marker: '.jy-page[data-elder="true"]' },
];

// ─── Calling the local cloud (fixtures) ─────────────────────────────────────────────────────────

interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** A signed-in HTTP caller of the local cloud, as the H5 bridge sees a browser. */
export interface Caller {
  call<T>(fn: string, action: string, input: unknown): Promise<T>;
  /** Uploads into the caller's own `uploads/<openid>/…`; returns the `cloud://` file id. */
  upload(cloudPath: string, bytes: Buffer, type: string): Promise<string>;
}

export async function callerAs(base: string, persona: PersonaKey): Promise<Caller> {
  const login = await fetch(`${base}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid: PERSONAS[persona].openid, next: '/' }).toString(),
    redirect: 'manual',
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`could not sign in as ${persona} (${login.status})`);
  return {
    async call<T>(fn: string, action: string, input: unknown) {
      const res = await fetch(`${base}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ action, input }),
      });
      const body = (await res.json()) as { result?: Envelope<T> };
      const envelope = body.result;
      if (!envelope?.ok) throw new Error(`${fn}.${action} as ${persona}: ${envelope?.error?.code ?? res.status} ${envelope?.error?.message ?? ''}`);
      return envelope.data as T;
    },
    async upload(cloudPath: string, bytes: Buffer, type: string) {
      const form = new FormData();
      form.append('cloudPath', cloudPath);
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), cloudPath.split('/').pop());
      const res = await fetch(`${base}/api/storage/upload`, { method: 'POST', headers: { cookie }, body: form });
      const body = (await res.json()) as { fileID?: string; errMsg?: string };
      if (!body.fileID) throw new Error(`upload as ${persona}: ${res.status} ${body.errMsg ?? ''}`);
      return body.fileID;
    },
  };
}

/** Real appeals the appeal pages open, filed and moved along through the API. */
export interface Fixtures {
  /** Filed with a photo, waiting: the staff see 签收, everyone sees the photo. */
  pending: string;
  /** Claimed by the community staff: their 办结 form. */
  processing: string;
  /** Resolved by the community staff: the resident's rating form. */
  resolved: string;
  /** The resident's booking of the first service with a free slot at their community (不打烊服务). */
  booking: { id: string; communityId: string; serviceId: string };
}

interface FiledAppeal {
  id: string;
}

export async function fileFixtures(base: string): Promise<Fixtures> {
  const resident = await callerAs(base, 'resident');
  const staff = await callerAs(base, 'staff');
  const file = async (category: string, description: string, photos: string[] = []) =>
    (
      await resident.call<FiledAppeal>('appeals', 'create', {
        requestId: randomUUID(),
        buildingCode: '370602B0001',
        category,
        description,
        photos,
        anonymous: false,
      })
    ).id;

  const photo = await resident.upload(`uploads/${PERSONAS.resident.openid}/appeals/a11y/${randomUUID()}.png`, png(), 'image/png');
  const pending = await file('public_facility', '1号楼门口的台阶破损，老人上下楼容易绊倒。', [photo]);
  // Categories the community itself handles (DEFAULT_ROUTING), so its staff may claim them.
  const processing = await file('heating_water', '2单元的暖气片一直不热，家里只有十四五度。');
  await staff.call('appeals', 'claim', { id: processing });
  const resolved = await file('elderly_care', '楼里独居的老人想了解社区助餐服务怎么报名。');
  await staff.call('appeals', 'claim', { id: resolved });
  await staff.call('appeals', 'resolve', { id: resolved, text: '已上门登记，老人下周一起可在社区食堂助餐。', photos: [] });
  return { pending, processing, resolved, booking: await fileBooking(resident) };
}

interface BookingServices {
  community: { id: string };
  services: Array<{ id: string }>;
}
interface BookingSlots {
  days: Array<{ slots: Array<{ id: string; left: number }> }>;
}

/** Books the first free slot of the first service that has one, at the resident's community. */
async function fileBooking(resident: Caller): Promise<Fixtures['booking']> {
  const { community, services } = await resident.call<BookingServices>('booking', 'services', { buildingCode: '370602B0001' });
  for (const service of services) {
    const { days } = await resident.call<BookingSlots>('booking', 'slots', { communityId: community.id, serviceId: service.id });
    const slot = days.flatMap((d) => d.slots).find((s) => s.left > 0);
    if (!slot) continue;
    const booked = await resident.call<{ id: string }>('booking', 'book', {
      requestId: randomUUID(),
      communityId: community.id,
      serviceId: service.id,
      slotId: slot.id,
      mode: 'window',
    });
    return { id: booked.id, communityId: community.id, serviceId: service.id };
  }
  throw new Error(`no free booking slot at ${community.id}`);
}

// ─── The pages ──────────────────────────────────────────────────────────────────────────────────

/** One page in one state, as a persona opens it. */
export interface Visit {
  persona: PersonaKey;
  /** Said in test names and reports beside the page's name; absent for the page as it opens. */
  state?: string;
  url: (fixtures: Fixtures) => Route;
  /** Selectors of the page's content (not its loading state), all waited for. */
  ready: readonly string[];
  /** Run before the page opens, in the same browser (e.g. scan a building first). */
  before?: (page: Page, base: string) => Promise<void>;
  /** Run once the content is shown, to bring the page into `state`; the audit follows. */
  act?: (page: Page) => Promise<void>;
}

const testId = (id: string) => `[data-testid="${id}"]`;

/** How long a page may take to show its content: generous, as the machine may be busy building. */
const LOAD_TIMEOUT = 30_000;

/** The page's own root, for a page with no test id of its content listed yet. */
const PAGE_CONTENT = '.taro_page .page';

/** Opens the building's QR landing page, which remembers the building for a new appeal. */
async function scanBuilding(page: Page, base: string) {
  await page.goto(`${base}/#${routes.scan({ code: '370602B0001' })}`);
  await page.locator(testId('scan-building')).waitFor();
}

/**
 * Every page of the app (the `Record` makes a new page in `PAGES` a type error until it is listed),
 * each in one or more states: as it opens, and with a form's error shown.
 */
export const VISITS = {
  home: [{ persona: 'resident', url: () => routes.home(), ready: [testId('place-card'), '[data-testid^="entry-"]'] }],
  scan: [{ persona: 'resident', url: () => routes.scan({ code: '370602B0001' }), ready: [testId('scan-building')] }],
  mine: [{ persona: 'resident', url: () => routes.mine(), ready: [testId('mine-entries')] }],
  appealNew: [
    {
      persona: 'resident',
      state: '未选类别提交',
      url: () => routes.appealNew(),
      ready: [testId('category-sanitation'), testId('submit')],
      before: scanBuilding,
      act: async (page) => {
        await page.locator(testId('submit')).click();
        await page.locator(testId('category-error')).waitFor();
      },
    },
  ],
  myAppeals: [{ persona: 'resident', url: () => routes.myAppeals(), ready: [testId('my-appeal')] }],
  appeal: [
    { persona: 'resident', url: (f) => routes.appeal(f.pending), ready: [testId('appeal-status'), '.photo-row img'] },
    {
      persona: 'resident',
      state: '未选满意度提交评价',
      url: (f) => routes.appeal(f.resolved),
      ready: [testId('rate-form')],
      act: async (page) => {
        await page.locator(testId('submit-rating')).click();
        await page.locator(testId('rating-error')).waitFor();
      },
    },
  ],
  // 不打烊服务: until its pages carry their own test ids here, their content is the page without a
  // loading or error state.
  booking: [{ persona: 'resident', url: () => routes.booking(), ready: [PAGE_CONTENT] }],
  bookingService: [{ persona: 'resident', url: (f) => routes.bookingService(f.booking.communityId, f.booking.serviceId), ready: [PAGE_CONTENT] }],
  myBookings: [{ persona: 'resident', url: () => routes.myBookings(), ready: [PAGE_CONTENT] }],
  bookingDetail: [{ persona: 'resident', url: (f) => routes.bookingDetail(f.booking.id), ready: [PAGE_CONTENT] }],
  volunteer: [{ persona: 'resident', url: () => routes.volunteer(), ready: [PAGE_CONTENT] }],
  volunteerActivity: [{ persona: 'resident', url: () => routes.volunteerActivity('va-haian-1'), ready: [PAGE_CONTENT] }],
  volunteerRecord: [{ persona: 'resident', url: () => routes.volunteerRecord(), ready: [PAGE_CONTENT] }],
  volunteerDeclare: [{ persona: 'resident', url: () => routes.volunteerDeclare(), ready: [PAGE_CONTENT] }],
  volunteerCertificate: [{ persona: 'resident', url: () => routes.volunteerCertificate(), ready: [PAGE_CONTENT] }],
  volunteerVerify: [{ persona: 'resident', url: () => routes.volunteerVerify(), ready: [PAGE_CONTENT] }],
  volunteerBoard: [{ persona: 'resident', url: () => routes.volunteerBoard(), ready: [testId('board-title'), testId('project'), testId('tally')] }],
  council: [{ persona: 'resident', url: () => routes.council(), ready: [testId('residence'), testId('matters')] }],
  councilMatter: [{ persona: 'resident', url: () => routes.councilMatter('mt-demo-lights'), ready: [testId('story'), testId('cosign')] }],
  councilRaise: [{ persona: 'resident', url: () => routes.councilRaise(), ready: [testId('submit')] }],
  workbench: [{ persona: 'staff', url: () => routes.workbench(), ready: [testId('work-entries'), testId('unit-list')] }],
  staffInbox: [{ persona: 'staff', url: () => routes.staffInbox(), ready: [testId('inbox-item')] }],
  staffAppeal: [
    { persona: 'staff', url: (f) => routes.staffAppeal(f.pending), ready: [testId('admin-appeal'), testId('action-claim'), '.photo-row img'] },
    {
      persona: 'staff',
      state: '办结未填结果',
      url: (f) => routes.staffAppeal(f.processing),
      ready: [testId('admin-appeal'), testId('action-resolve')],
      act: async (page) => {
        await page.locator(testId('action-resolve')).click();
        await page.locator(testId('submit-resolve')).click();
        await page.locator(testId('field-resolve-text-error')).waitFor();
      },
    },
  ],
  dashboard: [{ persona: 'staff', url: () => routes.dashboard(), ready: [testId('dashboard')] }],
  routingRules: [
    {
      persona: 'staff',
      state: '改动未保存',
      url: () => routes.routingRules(),
      ready: [testId('rules'), testId('rules-save')],
      act: async (page) => {
        await page.locator(testId('rule-sanitation-target-community')).click();
        await page.locator(`${testId('rule-sanitation')} ${testId('rule-sanitation-target-community')}[data-active="true"]`).waitFor();
      },
    },
  ],
  bookingDay: [{ persona: 'staff', url: () => routes.bookingDay(), ready: [PAGE_CONTENT] }],
  bookingSettings: [{ persona: 'staff', url: () => routes.bookingSettings(), ready: [PAGE_CONTENT] }],
  bookingDashboard: [{ persona: 'staff', url: () => routes.bookingDashboard(), ready: [PAGE_CONTENT] }],
  volunteerActivities: [{ persona: 'staff', url: () => routes.volunteerActivities(), ready: [PAGE_CONTENT] }],
  volunteerRoster: [{ persona: 'staff', url: () => routes.volunteerRoster('va-haian-1'), ready: [PAGE_CONTENT] }],
  volunteerTeamAdmin: [{ persona: 'staff', url: () => routes.volunteerTeamAdmin(), ready: [PAGE_CONTENT] }],
  volunteerUnits: [{ persona: 'staff', url: () => routes.volunteerUnits(), ready: [testId('unit'), testId('team'), testId('register-unit')] }],
  volunteerProjects: [{ persona: 'staff', url: () => routes.volunteerProjects(), ready: [testId('unit-tally'), testId('project'), testId('open-publish')] }],
  volunteerBehind: [
    { persona: 'staff', url: () => routes.volunteerBehind(), ready: [testId('totals'), testId('member-behind')] },
    { persona: 'district', state: '街道汇总', url: () => routes.volunteerBehind('s-xiangyang'), ready: [testId('communities'), testId('community-row')] },
  ],
  councilVerify: [{ persona: 'staff', url: () => routes.councilVerify(), ready: [PAGE_CONTENT] }],
  councilOpenVote: [{ persona: 'staff', url: () => routes.councilOpenVote('mt-demo-parking'), ready: [PAGE_CONTENT] }],
  staffAdmin: [{ persona: 'staff', url: () => routes.staffAdmin(), ready: ['[data-testid^="ttl-"]'] }],
  staffAccept: [{ persona: 'resident', url: () => routes.staffAccept(), ready: [testId('accept')] }],
  holidayCalendar: [
    { persona: 'staff', url: () => routes.holidayCalendar(), ready: [testId('calendar')] },
    { persona: 'district', state: '录入放假安排', url: () => routes.holidayCalendar(), ready: [testId('calendar-editor')] },
  ],
  ledger: [{ persona: 'staff', url: () => routes.ledger(), ready: [testId('request-export')] }],
  posters: [{ persona: 'staff', url: () => routes.posters(), ready: [testId('scope-0-c-haian'), testId('request-posters')] }],
} satisfies Record<PageName, readonly Visit[]>;

export interface NamedVisit extends Visit {
  page: PageName;
  /** `staffAppeal` or `staffAppeal（办结未填结果）`. */
  title: string;
}

/** The visits in a fixed order: resident pages, then staff pages, as PAGES lists them. */
export function allVisits(): NamedVisit[] {
  return (Object.entries(VISITS) as Array<[PageName, readonly Visit[]]>).flatMap(([page, visits]) =>
    visits.map((visit) => ({ ...visit, page, title: visit.state ? `${page}（${visit.state}）` : page })),
  );
}

// ─── Signing in, the mode, opening a page ───────────────────────────────────────────────────────

/** Signs the browser context in as the persona (the demo sign-in's form, posted directly). */
export async function signInContext(context: BrowserContext, base: string, persona: PersonaKey): Promise<void> {
  const res = await context.request.post(`${base}/dev/login`, { form: { openid: PERSONAS[persona].openid, next: '/' }, maxRedirects: 0 });
  if (res.status() < 300 || res.status() >= 400) throw new Error(`could not sign in as ${persona}: ${res.status()}`);
}

/** Saves the mode on the signed-in user's profile, as the switch in 我的 does. */
export async function saveMode(context: BrowserContext, base: string, mode: Mode): Promise<void> {
  const res = await context.request.post(`${base}/api/functions/users`, { data: { action: 'setPreferences', input: { elderMode: mode.elderMode } } });
  const body = (await res.json()) as { result?: Envelope<unknown> };
  if (!body.result?.ok) throw new Error(`users.setPreferences(${mode.name}): ${body.result?.error?.code ?? res.status()} ${body.result?.error?.message ?? ''}`);
}

/** Who each browser is signed in as, and in which mode, once `enterSession` set it up. */
const sessions = new WeakMap<BrowserContext, string>();

/**
 * Signs the browser in as the persona with the mode saved on their profile, then opens 我的 once,
 * which takes the profile's preferences into the app's cache on this device (pages draw the mode
 * from that cache). Nothing is done when the browser is already there.
 */
export async function enterSession(context: BrowserContext, base: string, persona: PersonaKey, mode: Mode): Promise<void> {
  const key = `${persona}/${mode.name}`;
  if (sessions.get(context) === key) return;
  sessions.delete(context);
  await signInContext(context, base, persona);
  await saveMode(context, base, mode);
  const page = await context.newPage();
  try {
    await page.goto(`${base}/#${routes.mine()}`);
    await page.locator(mode.marker).first().waitFor({ timeout: LOAD_TIMEOUT });
  } finally {
    await page.close();
  }
  sessions.set(context, key);
}

/** Opens the visit's page in a new tab, signed in as its persona in the mode, and waits for its content. */
export async function openVisit(context: BrowserContext, base: string, visit: Visit, mode: Mode, fixtures: Fixtures): Promise<Page> {
  await enterSession(context, base, visit.persona, mode);
  const page = await context.newPage();
  try {
    await visit.before?.(page, base);
    await page.goto(`${base}/#${visit.url(fixtures)}`);
    // Resident pages are built in the kit's Page, which marks the mode; staff pages are not.
    const marks = visit.persona === 'resident' ? [mode.marker] : [];
    for (const selector of [...visit.ready, ...marks]) await page.locator(selector).first().waitFor({ timeout: LOAD_TIMEOUT });
    await page.locator(testId('loading')).first().waitFor({ state: 'detached', timeout: LOAD_TIMEOUT });
    const error = page.locator(`.taro_page ${testId('error')}`).first();
    if (await error.isVisible()) throw new Error(`the page shows an error instead of its content: ${(await error.textContent())?.trim()}`);
    await visit.act?.(page);
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}

// ─── axe ────────────────────────────────────────────────────────────────────────────────────────

/** One violated rule, with where it failed. */
export interface Violation {
  id: string;
  impact: Axe.ImpactValue | undefined;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

/** The impacts that fail the check. */
export const BLOCKING_IMPACTS: ReadonlyArray<Axe.ImpactValue> = ['serious', 'critical'];

/** axe-core's browser bundle in node_modules, injected into the page (nothing is fetched). */
export const AXE_SCRIPT = createRequire(__filename).resolve('axe-core/axe.min.js');

/** Runs axe-core (from node_modules) on the page as it is now; returns every violation. */
export async function runAxe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  // No named functions inside: tsx (the benchmark's runner) would wrap them in a helper the page lacks.
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' | '),
        html: n.html.slice(0, 200),
        summary: n.failureSummary ?? '',
      })),
    }));
  });
}

/** The violations of serious or critical impact: what must be 0. */
export const blocking = (violations: readonly Violation[]): Violation[] => violations.filter((v) => BLOCKING_IMPACTS.includes(v.impact ?? null));

/** The violations in words: rule, impact, help and the first nodes' targets. */
export function describeViolations(violations: readonly Violation[], nodesShown = 3): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, nodesShown)
        .map((n) => `    ${n.target}\n      ${n.html}`)
        .join('\n');
      const more = v.nodes.length > nodesShown ? `\n    …and ${v.nodes.length - nodesShown} more` : '';
      return `  ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** One visit's outcome in one mode. */
export interface AuditResult {
  mode: string;
  visit: string;
  violations: Violation[];
}

/** Audits every visit in every mode; a page that does not open counts as one critical violation. */
export async function auditAll(context: BrowserContext, base: string, fixtures: Fixtures, modes: readonly Mode[] = MODES): Promise<AuditResult[]> {
  const out: AuditResult[] = [];
  for (const mode of modes) {
    for (const visit of allVisits()) {
      let violations: Violation[];
      try {
        const page = await openVisit(context, base, visit, mode, fixtures);
        violations = await runAxe(page).finally(() => page.close());
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        violations = [{ id: 'page-did-not-open', impact: 'critical', help: message, helpUrl: '', nodes: [] }];
      }
      out.push({ mode: mode.name, visit: visit.title, violations });
    }
  }
  return out;
}
