/**
 * Appeals benchmark, through the whole local stack (function host, per-event identity, the real SDK,
 * the SQLite store). Run alone with `npx tsx bench/appeals.ts`.
 *
 * Data: a generator at Yantai's scale — 12 districts, 65 streets, 430 communities, ~4,000 grids,
 * ~40,000 buildings (the demo seed's 芝罘区 included) — and appeals spread evenly over communities,
 * filed over the past year (70% closed, 8% awaiting rating, 12% in hand, 10% waiting), written
 * straight into the store (the generator is not what is measured).
 *
 * - appeal.create.p50_ms       `appeals.create` as a resident, one call at a time (on the 100k store).
 * - appeal.create.throughput   appeals/s with 8 callers at once (the host runs 4 instances).
 * - inbox.query.p99_ms@1k / @100k  a community worker's first inbox page (20 items + total), on a
 *   store of 1k and of 100k appeals (≈2 and ≈233 in that community); sampled alternately so machine
 *   noise hits both alike. Target: 100k/1k ≤ 3 — the inbox reads the (community, lastActivityAt)
 *   index in order, so it touches one page of one community, whatever the size of the collection.
 * - escalation.scan_ms@100k  one `escalateOverdue` run over the 100k store in which 100 appeals are
 *   overdue: finding them (the escalateAt index) and escalating each (write, notices, counters, bulletin).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import { APPEAL_CATEGORY_KEYS, type AppealCategory, type Rating } from '../types/appeals';
import type { Building, Estate, OrgUnit, PropertyCompany } from '../types/org';
import type { Envelope } from '../types/contract';
import type { AppealDoc, Place } from '../cloudfunctions/appeals/domain/model';
import { placeOf } from '../cloudfunctions/appeals/domain/place';
import { route } from '../cloudfunctions/appeals/domain/routing';
import { file } from '../cloudfunctions/appeals/domain/stateMachine';
import { shanghaiDay } from '../cloudfunctions/core/time/workingTime';
import type { DbService, LocalCloud } from '../emulator/server';
import { startStack } from '../scripts/localStack';
import { type BenchResult, runAlone } from './result';

const SCALE = { districts: 12, streets: 65, communities: 430, grids: 4_000, buildings: 40_000 };
const SMALL = Number(process.env.BENCH_APPEALS_SMALL ?? 1_000);
const LARGE = Number(process.env.BENCH_APPEALS_LARGE ?? 100_000);
const INBOX_SAMPLES = Number(process.env.BENCH_INBOX_SAMPLES ?? 300);
const INBOX_WARMUP = 30;
const CREATE_SAMPLES = 200;
const THROUGHPUT_CALLERS = 8;
const THROUGHPUT_TOTAL = 400;
const OVERDUE = 100;
const DAY = 86_400_000;

const hr = (): number => Number(process.hrtime.bigint()) / 1e6;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

/** A small deterministic generator, so both stores get the same org and the same appeal mix. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

// ─── Org at Yantai's scale ──────────────────────────────────────────────────────────────────────

interface Org {
  units: OrgUnit[];
  estates: Estate[];
  buildings: Building[];
  companies: PropertyCompany[];
  /** Every community (demo ones included) with its places, for the appeal generator. */
  communities: Array<{ id: string; places: Place[] }>;
}

function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts));
}

/** Reads the demo seed's org back, then adds generated units until the totals reach SCALE. */
async function yantaiOrg(db: DbService): Promise<Org> {
  const read = async <T>(collectionName: string): Promise<T[]> => {
    const out: T[] = [];
    for (let offset = 0; ; offset += 1000) {
      const res = (await db.handle({ action: 'database.getDocument', collectionName, query: '{}', limit: 1000, offset })) as { data?: { list: string[] } };
      const list = (res.data?.list ?? []).map((s) => EJSON.parse(s) as T);
      out.push(...list);
      if (list.length < 1000) return out;
    }
  };
  const demoUnits = await read<OrgUnit>('orgUnits');
  const demoEstates = await read<Estate>('estates');
  const demoBuildings = await read<Building>('buildings');
  const demoCompanies = await read<PropertyCompany>('propertyCompanies');

  const r = rng(20260310);
  const units: OrgUnit[] = [];
  const estates: Estate[] = [];
  const buildings: Building[] = [];
  const companies: PropertyCompany[] = Array.from({ length: 50 }, (_, i) => ({ _id: `bpc-${i}`, name: `烟台第${i + 1}物业服务有限公司`, phone: `0535-7${String(i).padStart(6, '0')}` }));
  const count = (level: OrgUnit['level']) => demoUnits.filter((u) => u.level === level).length;

  const districts = SCALE.districts - count('district');
  const streetsPer = spread(SCALE.streets - count('street'), districts);
  const streetIds: string[] = [];
  for (let d = 0; d < districts; d++) {
    const id = `bd-${d}`;
    units.push({ _id: id, level: 'district', name: `烟台第${d + 1}区`, parentId: null, path: [id], divisionCode: `3706${String(10 + d)}` });
    for (let s = 0; s < streetsPer[d]; s++) {
      const sid = `${id}-s${s}`;
      units.push({ _id: sid, level: 'street', name: `第${d + 1}区第${s + 1}街道`, parentId: id, path: [id, sid] });
      streetIds.push(sid);
    }
  }
  const communitiesPer = spread(SCALE.communities - count('community'), streetIds.length);
  const communityIds: string[] = [];
  streetIds.forEach((sid, i) => {
    const street = units.find((u) => u._id === sid)!;
    for (let c = 0; c < communitiesPer[i]; c++) {
      const cid = `${sid}-c${c}`;
      units.push({ _id: cid, level: 'community', name: `${street.name}第${c + 1}社区`, parentId: sid, path: [...street.path, cid], phone: '0535-6000000' });
      communityIds.push(cid);
    }
  });
  const gridsPer = spread(SCALE.grids - count('grid'), communityIds.length);
  const buildingsTotal = SCALE.buildings - demoBuildings.length;
  const gridIds: string[] = [];
  communityIds.forEach((cid, i) => {
    const community = units.find((u) => u._id === cid)!;
    for (let e = 0; e < 4; e++) estates.push({ _id: `${cid}-e${e}`, name: `${community.name}第${e + 1}小区`, communityId: cid, propertyCompanyId: e === 3 ? null : r.pick(companies)._id });
    for (let g = 0; g < gridsPer[i]; g++) {
      const gid = `${cid}-g${g}`;
      units.push({ _id: gid, level: 'grid', name: `${community.name}第${g + 1}网格`, parentId: cid, path: [...community.path, gid] });
      gridIds.push(gid);
    }
  });
  const buildingsPer = spread(buildingsTotal, gridIds.length);
  let code = 100_000;
  const byId = new Map(units.map((u) => [u._id, u]));
  gridIds.forEach((gid, i) => {
    const [districtId, streetId, communityId] = byId.get(gid)!.path;
    const division = byId.get(districtId)!.divisionCode!;
    for (let b = 0; b < buildingsPer[i]; b++) {
      code += 1;
      buildings.push({
        _id: `bb-${code}`,
        code: `${division}B${code}`,
        name: `${b + 1}号楼`,
        address: `烟台市${byId.get(streetId)!.name}${b + 1}号楼`,
        estateId: `${communityId}-e${b % 4}`,
        gridId: gid,
        communityId,
        streetId,
        districtId,
      });
    }
  });

  // Places per community, demo and generated alike.
  const allUnits = new Map([...demoUnits, ...units].map((u) => [u._id, u]));
  const allEstates = new Map([...demoEstates, ...estates].map((e) => [e._id, e]));
  const allCompanies = new Map([...demoCompanies, ...companies].map((c) => [c._id, c]));
  const places = new Map<string, Place[]>();
  for (const b of [...demoBuildings, ...buildings]) {
    const estate = allEstates.get(b.estateId)!;
    const company = estate.propertyCompanyId ? allCompanies.get(estate.propertyCompanyId) ?? null : null;
    const unit = (id: string) => allUnits.get(id)!;
    const place = placeOf({ building: b, estate, propertyCompany: company, grid: unit(b.gridId), community: unit(b.communityId), street: unit(b.streetId), district: unit(b.districtId) });
    const list = places.get(b.communityId) ?? [];
    list.push(place);
    places.set(b.communityId, list);
  }
  const communities = [...places.entries()].map(([id, ps]) => ({ id, places: ps })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { units, estates, buildings, companies, communities };
}

async function insert(db: DbService, collectionName: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const data = docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false }));
    const res = (await db.handle({ action: 'database.insertDocument', collectionName, data })) as { code?: string; message?: string };
    if (res.code) throw new Error(`insert ${collectionName}: ${res.code} ${String(res.message)}`);
  }
}

async function insertOrg(db: DbService, org: Org): Promise<void> {
  await insert(db, 'propertyCompanies', org.companies);
  await insert(db, 'estates', org.estates);
  await insert(db, 'buildings', org.buildings);
  await insert(db, 'orgUnits', org.units);
}

// ─── Appeals ────────────────────────────────────────────────────────────────────────────────────

const TEXTS = ['楼道里堆放杂物，影响通行和消防安全', '电梯经常停在半层，门打不开', '小区路灯坏了好几盏，晚上很黑', '楼上装修噪音很大，晚上还在施工', '暖气不热，室温只有十四度', '消防通道被私家车长期占用'];
const RATINGS: Rating[] = ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];

/** One appeal, as the domain files it, then aged to a plausible state. */
function appealAt(i: number, org: Org, r: ReturnType<typeof rng>, now: Date): AppealDoc {
  const community = org.communities[i % org.communities.length];
  const place = r.pick(community.places);
  const category: AppealCategory = r.pick(APPEAL_CATEGORY_KEYS);
  const filedAt = new Date(now.getTime() - Math.floor(r.next() * 365 * DAY));
  const resident = { openid: `bench-r-${r.int(200_000)}`, name: '居民', phone: null, anonymous: false };
  const a = file(
    { _id: `bench-${i}`, no: `YT-B${i}`, requestId: `bench-${i}`, resident, category, description: r.pick(TEXTS), photos: [], place, filedDay: shanghaiDay(filedAt) },
    route(category, place, null),
    { now: filedAt },
  );
  const staff = { openid: `bench-s-${place.gridId}`, name: '网格员' };
  const roll = r.next();
  const later = (h: number) => new Date(Math.min(now.getTime() - 60_000, filedAt.getTime() + h * 3_600_000));
  const future = new Date(now.getTime() + 30 * DAY);
  if (roll < 0.78) {
    const respondedAt = later(2);
    const resolvedAt = later(48);
    const closed = roll < 0.7;
    const rating = closed ? { value: r.pick(RATINGS), comment: null, at: later(60) } : null;
    const sys = { kind: 'staff' as const, ...staff };
    return {
      ...a,
      status: closed ? 'closed' : 'resolved',
      handler: staff,
      firstResponder: staff,
      firstRespondedAt: respondedAt,
      firstResolvedAt: resolvedAt,
      resolvedAt,
      closedAt: closed ? later(60) : null,
      closeReason: closed ? 'rated' : null,
      rating,
      resolution: { text: '已处理完毕', photos: [], at: resolvedAt, by: staff },
      dueKind: null,
      dueAt: null,
      warnAt: null,
      warnNoticeAt: null,
      escalateAt: null,
      autoCloseAt: closed ? null : future,
      lastActivityAt: closed ? later(60) : resolvedAt,
      timeline: [
        ...a.timeline,
        { at: respondedAt, kind: 'claimed', actor: sys, text: '网格员签收办理', photos: [], meta: null },
        { at: resolvedAt, kind: 'resolved', actor: sys, text: '已处理完毕', photos: [], meta: null },
      ],
    };
  }
  const processing = roll < 0.9;
  return {
    ...a,
    status: processing ? 'processing' : 'pending',
    handler: processing ? staff : null,
    firstResponder: processing ? staff : null,
    firstRespondedAt: processing ? later(2) : null,
    dueAt: future,
    warnAt: future,
    warnNoticeAt: future,
    escalateAt: a.escalateAt ? future : null,
    lastActivityAt: processing ? later(2) : filedAt,
  };
}

async function insertAppeals(db: DbService, org: Org, n: number, now: Date): Promise<void> {
  const r = rng(42);
  for (let start = 0; start < n; start += 1000) {
    const docs = Array.from({ length: Math.min(1000, n - start) }, (_, k) => appealAt(start + k, org, r, now));
    await insert(db, 'appeals', docs);
  }
}

// ─── Measurements ───────────────────────────────────────────────────────────────────────────────

async function invoke<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<T> {
  const { result } = await cloud.host.invoke('appeals', { action, input }, { openid });
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`appeals.${action}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

const createInput = () => ({
  requestId: randomUUID(),
  buildingCode: '370602B0013',
  category: 'sanitation',
  description: '楼道里堆放杂物，影响通行和消防安全',
  photos: [],
  anonymous: false,
});

export async function runAppealsBench(): Promise<BenchResult[]> {
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-appeals-1k-')), fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-appeals-100k-'))];
  const stacks: LocalCloud[] = [];
  try {
    process.env.JIAYUAN_LIMITS ??= 'off'; // the bench files thousands of appeals as one persona
    for (const dataDir of dirs) stacks.push((await startStack({ dataDir, timers: false })).cloud);
    const [small, large] = stacks;
    const now = new Date();
    const org = await yantaiOrg(small.db);
    for (const stack of stacks) await insertOrg(stack.db, org);
    await insertAppeals(small.db, org, SMALL, now);
    await insertAppeals(large.db, org, LARGE, now);

    // Inbox: 海岸社区's worker, first page, alternating between the two stores.
    const inboxSamples: number[][] = [[], []];
    for (let i = 0; i < INBOX_WARMUP + INBOX_SAMPLES; i++) {
      for (const [k, stack] of stacks.entries()) {
        const t0 = hr();
        const page = await invoke<{ items: unknown[]; total: number }>(stack, 'demo-community-staff', 'inbox', {});
        const ms = hr() - t0;
        if (i === 0 && page.items.length === 0) throw new Error('inbox bench: the community has no appeals');
        if (i >= INBOX_WARMUP) inboxSamples[k].push(ms);
      }
    }

    // Escalation: 100 open appeals of the large store are overdue.
    const open = (await large.db.handle({
      action: 'database.getDocument',
      collectionName: 'appeals',
      query: EJSON.stringify({ status: 'pending', escalateAt: { $ne: null } }, { relaxed: false }),
      limit: OVERDUE,
      projection: '{"_id":1}',
    })) as { data: { list: string[] } };
    const ids = open.data.list.map((s) => (EJSON.parse(s) as { _id: string })._id);
    const past = new Date(now.getTime() - 60_000);
    await large.db.handle({
      action: 'database.modifyDocument',
      collectionName: 'appeals',
      query: EJSON.stringify({ _id: { $in: ids } }, { relaxed: false }),
      data: EJSON.stringify({ $set: { escalateAt: past, dueAt: past } }, { relaxed: false }),
      multi: true,
      merge: true,
      upsert: false,
    });
    const e0 = hr();
    const { result } = await large.host.fireTimer('appeals', 'escalateOverdue');
    const escalationMs = hr() - e0;
    const sweep = result as Envelope<{ changed: number }>;
    if (!sweep.ok || sweep.data.changed !== ids.length) throw new Error(`escalation bench: ${JSON.stringify(sweep)}`);

    // Create: one at a time, then 8 callers at once.
    const createSamples: number[] = [];
    for (let i = 0; i < 10 + CREATE_SAMPLES; i++) {
      const t0 = hr();
      await invoke(large, 'demo-resident', 'create', createInput());
      if (i >= 10) createSamples.push(hr() - t0);
    }
    const c0 = hr();
    let left = THROUGHPUT_TOTAL;
    await Promise.all(
      Array.from({ length: THROUGHPUT_CALLERS }, async (_, k) => {
        while (left > 0) {
          left -= 1;
          await invoke(large, `bench-caller-${k}`, 'create', createInput());
        }
      }),
    );
    const throughput = THROUGHPUT_TOTAL / ((hr() - c0) / 1000);

    const round = (x: number) => Number(x.toFixed(3));
    return [
      { name: 'appeal.create.p50_ms', unit: 'ms', value: round(percentile(createSamples, 0.5)) },
      { name: 'appeal.create.throughput', unit: 'appeals/s', value: Number(throughput.toFixed(1)) },
      { name: 'inbox.query.p99_ms@1k', unit: 'ms', value: round(percentile(inboxSamples[0], 0.99)) },
      { name: 'inbox.query.p99_ms@100k', unit: 'ms', value: round(percentile(inboxSamples[1], 0.99)) },
      { name: 'escalation.scan_ms@100k', unit: 'ms', value: round(escalationMs) },
    ];
  } finally {
    for (const stack of stacks) await stack.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runAppealsBench, (by) => `inbox p99 100k/1k ratio ${(by['inbox.query.p99_ms@100k'] / by['inbox.query.p99_ms@1k']).toFixed(2)} (target <= 3)`);
