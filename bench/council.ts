/**
 * 家园议事会 benchmark, through the whole local stack (function host, per-event identity, the real SDK,
 * the SQLite store). Run alone with `npx tsx bench/council.ts`.
 *
 * Data, written straight into the store (the generator is not what is measured): 海岸社区 gets 10,000
 * verified households in all — 3号楼 (b-0003) has 100 households of two residents and 210 of one, the
 * rest are spread over bench buildings, about half with a recorded floor area.
 *
 * - council.vote.p50_ms       `council.vote` by a resident of 3号楼 on a building vote (a roll of 310
 *   households), one call at a time, each by another household.
 * - council.vote.race.double  200 residents of 100 households voting at the same instant on another
 *   building vote: households with more than one stored vote. Must be 0.
 * - council.tally.ms@10k      a community-wide vote (opened through `council.openVote`, so its roll is
 *   the 10,000 households) with 7,000 households' votes in, closed by the `closeVotes` timer: the
 *   timer's run, from the count to the matter moved on.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import type { MatterView } from '../types/council';
import type { Envelope } from '../types/contract';
import type { MatterDoc, RollDoc, VoteDoc } from '../cloudfunctions/council/domain/model';
import { blankResidence, householdKey, type ResidenceDoc } from '../cloudfunctions/users/domain/residence';
import type { DbService, LocalCloud } from '../emulator/server';
import { adminApp, startStack } from '../scripts/localStack';
import { type BenchResult, runAlone } from './result';

const HOUSEHOLDS = 10_000;
const VOTERS = 7_000;
const PAIRS = 100;
const SINGLES = 210;
const WARMUP = 10;
const BUILDING = 'b-0003';
const STAFF = 'demo-community-staff';
const PLACE = { gridId: 'g-haian-1', communityId: 'c-haian', streetId: 's-xiangyang', districtId: 'd-370602' };

const hr = (): number => Number(process.hrtime.bigint()) / 1e6;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

async function insert(db: DbService, collectionName: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const data = docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false }));
    const res = (await db.handle({ action: 'database.insertDocument', collectionName, data })) as { code?: string; message?: string };
    if (res.code) throw new Error(`insert ${collectionName}: ${res.code} ${String(res.message)}`);
  }
}

function residence(openid: string, buildingId: string, buildingName: string, room: string, area: number | null, now: Date): ResidenceDoc {
  const h = { buildingId, buildingName, estateId: 'c-haian-e1', room, key: householdKey(buildingId, room) };
  return { ...blankResidence(openid, `居民${openid.slice(-5)}`, null, h, PLACE, now), status: 'verified', area, decidedAt: now, version: 2 };
}

/** 3号楼: households 0…99 with two residents (`cb-p<h>-a/b`), 100…309 with one (`cb-s<h>`); the community's other households. */
function residences(others: number, now: Date): ResidenceDoc[] {
  const room = (h: number) => `${(h % 6) + 1}单元${Math.floor(h / 6) + 1}0${(h % 2) + 1}`;
  const area = (h: number) => (h % 2 === 0 ? 60 + (h % 81) + 0.25 * (h % 4) : null);
  const out: ResidenceDoc[] = [];
  for (let h = 0; h < PAIRS; h++) for (const who of ['a', 'b']) out.push(residence(`cb-p${h}-${who}`, BUILDING, '3号楼', room(h), area(h), now));
  for (let h = PAIRS; h < PAIRS + SINGLES; h++) out.push(residence(`cb-s${h}`, BUILDING, '3号楼', room(h), area(h), now));
  for (let i = 0; i < others; i++) {
    const b = Math.floor(i / 120);
    out.push(residence(`cb-c${String(i).padStart(5, '0')}`, `b-bench-${b}`, `基准${b + 1}号楼`, room(i % 120), area(i), now));
  }
  return out;
}

async function invoke<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<Envelope<T>> {
  const { result } = await cloud.host.invoke('council', { action, input }, { openid });
  return result as Envelope<T>;
}

async function must<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<T> {
  const envelope = await invoke<T>(cloud, openid, action, input);
  if (!envelope.ok) throw new Error(`council.${action} as ${openid}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/** A matter raised by staff straight onto the agenda, its window opened for an hour. */
async function openedMatter(cloud: LocalCloud, title: string, scope: 'building' | 'community', placeId: string): Promise<MatterView> {
  const description = `${title}：基准测试用议题，按户表决，每户一票。`;
  const m = await must<MatterView>(cloud, STAFF, 'raise', { requestId: randomUUID(), title, description, scope, placeId });
  return must<MatterView>(cloud, STAFF, 'openVote', { id: m.id, rule: 'civil278', closesAt: new Date(Date.now() + 3600_000).toISOString() });
}

export async function runCouncilBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-council-'));
  let cloud: LocalCloud | undefined;
  try {
    process.env.JIAYUAN_LIMITS ??= 'off'; // hundreds of votes from one stack
    cloud = (await startStack({ dataDir: dir, timers: false })).cloud;
    const db = adminApp(cloud.url).database();
    const now = new Date();

    // The demo seed's verified households of 海岸社区 count towards the 10,000.
    const seeded = (await db.collection('residences').where({ communityId: PLACE.communityId, status: 'verified' }).limit(1000).get()).data as Array<{ householdKey: string }>;
    const others = HOUSEHOLDS - PAIRS - SINGLES - new Set(seeded.map((r) => r.householdKey)).size;
    await insert(cloud.db, 'residences', residences(others, now));

    // council.vote.p50_ms
    const single = await openedMatter(cloud, '3号楼单元门更换', 'building', BUILDING);
    const samples: number[] = [];
    for (let h = PAIRS; h < PAIRS + SINGLES; h++) {
      const t0 = hr();
      await must<MatterView>(cloud, `cb-s${h}`, 'vote', { id: single.id, optionId: h % 3 === 0 ? 'no' : 'yes' });
      if (h >= PAIRS + WARMUP) samples.push(hr() - t0);
    }

    // council.vote.race.double
    const race = await openedMatter(cloud, '3号楼楼顶防水维修', 'building', BUILDING);
    const results = await Promise.all(
      Array.from({ length: 2 * PAIRS }, (_, i) => invoke<MatterView>(cloud!, `cb-p${Math.floor(i / 2)}-${i % 2 === 0 ? 'a' : 'b'}`, 'vote', { id: race.id, optionId: i % 4 < 2 ? 'yes' : 'no' })),
    );
    const stranger = results.find((r) => !r.ok && (r.error.code !== 'CONFLICT' || r.error.message !== '您家已由家人投过票，每户只能投一票'));
    if (stranger) throw new Error(`race: unexpected ${JSON.stringify(stranger)}`);
    const stored = (await db.collection('councilVotes').where({ matterId: race.id }).field({ householdId: true }).limit(1000).get()).data as Array<{ householdId: string }>;
    const perHousehold = new Map<string, number>();
    for (const v of stored) perHousehold.set(v.householdId, (perHousehold.get(v.householdId) ?? 0) + 1);
    const doubles = [...perHousehold.values()].filter((n) => n > 1).length;
    if (perHousehold.size !== PAIRS || results.filter((r) => r.ok).length !== PAIRS) throw new Error(`race: ${perHousehold.size} households voted, ${results.filter((r) => r.ok).length} calls won; expected ${PAIRS}`);

    // council.tally.ms@10k
    const o0 = hr();
    const wide = await openedMatter(cloud, '增设社区充电桩', 'community', PLACE.communityId);
    const openMs = hr() - o0;
    if (wide.ballot?.turnout.eligible !== HOUSEHOLDS) throw new Error(`community vote: a roll of ${wide.ballot?.turnout.eligible}, expected ${HOUSEHOLDS}`);
    const matter = (await db.collection('councilMatters').where({ _id: wide.id }).get()).data[0] as MatterDoc;
    const rollId = matter.ballot!.roll.id;
    const roll: RollDoc[] = [];
    for (;;) {
      const { data } = await db.collection('councilRoll').where({ rollId, _id: db.command.gt(roll.at(-1)?._id ?? '') }).orderBy('_id', 'asc').limit(1000).get();
      roll.push(...(data as RollDoc[]));
      if (data.length < 1000) break;
    }
    const castAt = new Date();
    const votes: VoteDoc[] = roll.slice(0, VOTERS).map((r, i) => ({
      _id: `${wide.id}:${r.householdId}`,
      matterId: wide.id,
      householdId: r.householdId,
      buildingId: r.buildingId,
      optionId: i % 5 === 4 ? 'no' : i % 11 === 0 ? 'abstain' : 'yes',
      area: r.area,
      rollId,
      voter: r.residents[0],
      castAt,
    }));
    await insert(cloud.db, 'councilVotes', votes);
    const closed = new Date();
    await db.collection('councilMatters').doc(wide.id).update({ 'ballot.closesAt': closed, tallyAt: closed });
    await new Promise((r) => setTimeout(r, 5));
    const t0 = hr();
    const fired = await cloud.host.fireTimer('council', 'closeVotes');
    const tallyMs = hr() - t0;
    const counted = fired.result as Envelope<{ changed: number }>;
    const after = (await db.collection('councilMatters').where({ _id: wide.id }).get()).data[0] as MatterDoc;
    if (!counted.ok || counted.data.changed !== 1 || after.result?.votedHouseholds !== VOTERS || after.result.eligibleHouseholds !== HOUSEHOLDS) {
      throw new Error(`tally: ${JSON.stringify(fired.result)} ${JSON.stringify(after.result)}`);
    }
    console.log(`council: community vote opened on a roll of ${HOUSEHOLDS} households in ${openMs.toFixed(0)} ms; counted ${VOTERS} votes: ${after.result.summary}`);

    const round = (x: number) => Number(x.toFixed(3));
    return [
      { name: 'council.vote.p50_ms', unit: 'ms', value: round(percentile(samples, 0.5)) },
      { name: 'council.vote.race.double', unit: 'households', value: doubles },
      { name: 'council.tally.ms@10k', unit: 'ms', value: round(tallyMs) },
    ];
  } finally {
    await cloud?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runCouncilBench);
