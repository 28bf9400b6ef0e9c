/**
 * Volunteer benchmark, through the whole local stack (function host, per-event identity, the real
 * SDK, the SQLite store). Run alone with `npx tsx bench/volunteer.ts`.
 *
 * - volunteer.signup.p50_ms          `volunteer.signUp` by a new volunteer, one call at a time, for an activity with room.
 * - volunteer.signup.race.oversold   200 volunteers at once for an activity of 10 seats, three times: people seated
 *   beyond capacity (in the roster, and answers saying 已报名). Must be 0.
 * - volunteer.report.ms@10k          `volunteer.behind` for 向阳街道 as its commander (totals, per community, units behind,
 *   the first page of members behind) with 10,000 双报到 party members and 200 报到单位 written into the store; median of 15.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../types/contract';
import type { ActivityView, BehindReport } from '../types/volunteer';
import { periodsOf } from '../cloudfunctions/volunteer/domain/hours';
import { countedInOf } from '../cloudfunctions/volunteer/domain/units';
import type { UnitDoc } from '../cloudfunctions/volunteer/domain/model';
import type { DeclarationDoc } from '../cloudfunctions/volunteer/repos/declarations';
import type { LocalCloud } from '../emulator/server';
import { adminApp, startStack } from '../scripts/localStack';
import { type BenchResult, runAlone } from './result';
import { hr, insertRaw, percentile } from './support';

const MEMBERS = Number(process.env.BENCH_PARTY_MEMBERS ?? 10_000);
const UNITS = 200;
const SIGNUP_SAMPLES = 200;
const RACES = 3;
const RACERS = 200;
const SEATS = 10;
const REPORT_SAMPLES = 15;
const STAFF = 'demo-community-staff';
const STREET = 'demo-street';
const HOUR = 3_600_000;

async function invoke<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<Envelope<T>> {
  const { result } = await cloud.host.invoke('volunteer', { action, input }, { openid });
  return result as Envelope<T>;
}

async function must<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<T> {
  const envelope = await invoke<T>(cloud, openid, action, input);
  if (!envelope.ok) throw new Error(`volunteer.${action}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

const activityInput = (capacity: number) => {
  const start = new Date(Date.now() + 3 * 24 * HOUR);
  return { requestId: randomUUID(), teamId: 'vt-haian-huzhu', title: '基准测试活动', type: 'help', place: '海岸社区党群服务中心', start: start.toISOString(), end: new Date(start.getTime() + 2 * HOUR).toISOString(), capacity };
};

/** 向阳街道's party members: split between its two communities, a third served this half-year, half through a unit. */
function members(units: UnitDoc[], now: Date): DeclarationDoc[] {
  const half = periodsOf(now).half;
  const communities = [
    { id: 'c-haian', name: '海岸社区', path: ['d-370602', 's-xiangyang', 'c-haian'] },
    { id: 'c-shengli', name: '胜利路社区', path: ['d-370602', 's-xiangyang', 'c-shengli'] },
  ];
  return Array.from({ length: MEMBERS }, (_, i) => {
    const home = communities[i % 2];
    const unit = i % 2 === 0 ? units[i % units.length] : null;
    return {
      _id: `party-${String(i).padStart(6, '0')}`,
      name: `党员${i}`,
      unit: unit?.name ?? null,
      unitId: unit?._id ?? null,
      communityId: home.id,
      communityName: home.name,
      ...countedInOf({ _id: home.id, name: home.name, path: home.path }),
      servedHalf: i % 3 === 0 ? half : i % 3 === 1 ? null : '2020H1',
      declaredAt: now,
      updatedAt: now,
    };
  });
}

function units(now: Date): UnitDoc[] {
  return Array.from({ length: UNITS }, (_, i) => {
    const c = i % 2 === 0 ? { id: 'c-haian', name: '海岸社区' } : { id: 'c-shengli', name: '胜利路社区' };
    return {
      _id: `vu-bench-${i}`,
      communityId: c.id,
      communityName: c.name,
      communityPath: ['d-370602', 's-xiangyang', c.id],
      name: `报到单位${i}`,
      contact: '联系人',
      phone: '0535-6600000',
      createdBy: { openid: STAFF, name: '刘洋' },
      createdAt: now,
    };
  });
}

export async function runVolunteerBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-volunteer-'));
  let cloud: LocalCloud | undefined;
  try {
    process.env.JIAYUAN_LIMITS ??= 'off'; // hundreds of sign-ups and reports from one stack
    cloud = (await startStack({ dataDir: dir, timers: false })).cloud;
    const c = cloud;
    const db = adminApp(c.url).database();

    // Sign-up, one at a time.
    const roomy = await must<ActivityView>(c, STAFF, 'createActivity', activityInput(500));
    const signupSamples: number[] = [];
    for (let i = 0; i < 10 + SIGNUP_SAMPLES; i++) {
      const t0 = hr();
      await must<ActivityView>(c, `bench-one-${i}`, 'signUp', { id: roomy.id, requestId: randomUUID() });
      if (i >= 10) signupSamples.push(hr() - t0);
    }

    // Races for ten seats.
    let oversold = 0;
    for (let k = 0; k < RACES; k++) {
      const a = await must<ActivityView>(c, STAFF, 'createActivity', activityInput(SEATS));
      const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => invoke<ActivityView>(c, `racer-${k}-${i}`, 'signUp', { id: a.id, requestId: randomUUID() })));
      const failed = results.find((r) => !r.ok);
      if (failed) throw new Error(`race: unexpected ${JSON.stringify(failed)}`);
      const seatedAnswers = results.filter((r) => r.ok && r.data.my.status === 'signed_up').length;
      const { data } = await db.collection('volunteerActivities').where({ _id: a.id }).get();
      const doc = data[0] as { seated: unknown[]; waiting: unknown[] };
      if (doc.seated.length + doc.waiting.length !== RACERS) throw new Error(`race: ${doc.seated.length} seated + ${doc.waiting.length} waiting of ${RACERS}`);
      oversold += Math.max(0, doc.seated.length - SEATS, seatedAnswers - SEATS);
    }

    // The behind-list of a street with 10,000 party members.
    const now = new Date();
    const unitDocs = units(now);
    await insertRaw(c.db, 'volunteerUnits', unitDocs);
    await insertRaw(c.db, 'volunteerDeclarations', members(unitDocs, now));
    const reportSamples: number[] = [];
    let report: BehindReport | undefined;
    for (let i = 0; i < 2 + REPORT_SAMPLES; i++) {
      const t0 = hr();
      report = await must<BehindReport>(c, STREET, 'behind', {});
      if (i >= 2) reportSamples.push(hr() - t0);
    }
    if (!report || report.totals.members < MEMBERS || report.members.items.length === 0) throw new Error(`report: unexpected ${JSON.stringify(report?.totals)}`);

    const round = (x: number) => Number(x.toFixed(3));
    return [
      { name: 'volunteer.signup.p50_ms', unit: 'ms', value: round(percentile(signupSamples, 0.5)) },
      { name: 'volunteer.signup.race.oversold', unit: 'people', value: oversold },
      { name: 'volunteer.report.ms@10k', unit: 'ms', value: round(percentile(reportSamples, 0.5)) },
    ];
  } finally {
    await cloud?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runVolunteerBench);
