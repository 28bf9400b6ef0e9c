/**
 * Booking benchmark, through the whole local stack (function host, per-event identity, the real SDK,
 * the SQLite store). Run alone with `npx tsx bench/booking.ts`.
 *
 * Data: the demo seed, 海岸社区 given ten windows and a 10-minute bench service (thirty visits per
 * 30-minute slot in office hours), and 50,000 past bookings of the demo communities written straight
 * into the store (the generator is not what is measured).
 *
 * - booking.create.p50_ms      `booking.book` by a new resident, one call at a time.
 * - booking.create.throughput  bookings/s with 8 callers at once (the host runs 4 instances).
 * - booking.slots.p99_ms       a resident's slot list of a service for the next 14 days (`booking.slots`),
 *   after the bookings above, so the slots it reads carry their seats.
 * - booking.race.oversold      200 residents at once for the one seat of a slot, three times: bookings
 *   beyond the seat count (wins, and seats held in the slot documents). Must be 0.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import type { BookingView, ServiceSlots } from '../types/booking';
import type { Envelope } from '../types/contract';
import { bookingFixture } from '../cloudfunctions/booking/domain/fixtures';
import { metricsOf } from '../cloudfunctions/booking/domain/metrics';
import type { BookingDoc, SettingsDoc } from '../cloudfunctions/booking/domain/model';
import { addDays } from '../cloudfunctions/booking/domain/schedule';
import type { DbService, LocalCloud } from '../emulator/server';
import { adminApp, startStack } from '../scripts/localStack';
import { bookingSeed } from '../scripts/seed/booking';
import { type BenchResult, runAlone } from './result';

const BACKGROUND = Number(process.env.BENCH_BOOKINGS ?? 50_000);
const CREATE_SAMPLES = 200;
const THROUGHPUT_CALLERS = 8;
const THROUGHPUT_TOTAL = 400;
const SLOT_SAMPLES = 300;
const RACES = 3;
const RACERS = 200;
const COMMUNITY = 'c-haian';
const BENCH_SERVICE = 'sv-bench';
const RACE_SERVICE = 'sv-race';

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

/** 海岸社区 with ten windows: the bench service is served at all of them, the race service at window 10 only (filled last). */
function benchSettings(): SettingsDoc {
  const seeded = bookingSeed().find((s) => s.communityId === COMMUNITY)!;
  const windows = Array.from({ length: 10 }, (_, i) => ({ id: `w${i + 1}`, name: `${i + 1}号窗口` }));
  const all = windows.map((w) => w.id);
  return {
    ...seeded,
    windows,
    sessions: seeded.sessions.map((s) => (s.kind === 'regular' ? { ...s, windowIds: all } : s)),
    services: [
      ...seeded.services,
      { id: BENCH_SERVICE, name: '基准测试事项', description: null, materials: ['本人身份证原件'], minutes: 10, windowIds: all, homeVisit: false, active: true },
      { id: RACE_SERVICE, name: '整段办理事项', description: null, materials: ['本人身份证原件'], minutes: 30, windowIds: ['w10'], homeVisit: false, active: true },
    ],
  };
}

/** Past bookings of the demo communities, done or cancelled, for the indexes to carry. */
function background(n: number, now: Date): BookingDoc[] {
  const communities = ['c-haian', 'c-shengli', 'c-yuhuang', 'c-qishan', 'c-xingfu', 'c-tongshen'];
  const statuses = ['served', 'served', 'served', 'no_show', 'cancelled'] as const;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => {
    const communityId = communities[i % communities.length];
    const day = addDays(today, -1 - (i % 360));
    const status = statuses[i % statuses.length];
    const id = `bkbg${String(i).padStart(8, '0')}`;
    const b = bookingFixture(day, ['09:00', '10:30', '14:00', '18:30'][i % 4], {
      _id: id,
      requestId: id,
      status,
      owner: { kind: 'wechat', openid: `bg-${i % 5000}`, name: '居民', phone: null },
      ownerKey: `bg-${i % 5000}`,
      communityId,
      code: String(i).padStart(6, '0'),
      activeKey: `x:${id}`,
      quotaKey: `x:${id}`,
      slotDocId: `sl_${communityId}_${day.replace(/-/g, '')}-0900`,
    });
    const served = status === 'served' ? { at: new Date(b.slot.start.getTime() + 10 * 60_000), by: { openid: 'demo-community-staff', name: '刘洋' }, note: '已办结' } : null;
    const done = { ...b, served, holdRef: status === 'cancelled' ? null : b.holdRef };
    return { ...done, m: metricsOf(done) };
  });
}

async function invoke<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<Envelope<T>> {
  const { result } = await cloud.host.invoke('booking', { action, input }, { openid });
  return result as Envelope<T>;
}

async function must<T>(cloud: LocalCloud, openid: string, action: string, input: unknown): Promise<T> {
  const envelope = await invoke<T>(cloud, openid, action, input);
  if (!envelope.ok) throw new Error(`booking.${action}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

export async function runBookingBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-booking-'));
  let cloud: LocalCloud | undefined;
  try {
    process.env.JIAYUAN_LIMITS ??= 'off'; // the bench books hundreds of times from one stack
    cloud = (await startStack({ dataDir: dir, timers: false })).cloud;
    const now = new Date();
    const { _id, ...settings } = benchSettings();
    await adminApp(cloud.url).database().collection('bookingSettings').doc(_id).set(settings);
    await insert(cloud.db, 'bookings', background(BACKGROUND, now));

    const slotList = async (serviceId: string) => {
      const { days } = await must<ServiceSlots>(cloud!, 'demo-resident', 'slots', { communityId: COMMUNITY, serviceId });
      return days.flatMap((d) => d.slots);
    };
    // Office-hours slots, round robin: every booking a new resident, spread over the 14 days.
    const open = (await slotList(BENCH_SERVICE)).filter((s) => s.kind === 'regular' && s.left > 0).map((s) => s.id);
    let next = 0;
    const bookOne = (openid: string) =>
      must<BookingView>(cloud!, openid, 'book', { requestId: randomUUID(), communityId: COMMUNITY, serviceId: BENCH_SERVICE, slotId: open[next++ % open.length] });

    const createSamples: number[] = [];
    for (let i = 0; i < 10 + CREATE_SAMPLES; i++) {
      const t0 = hr();
      await bookOne(`bench-one-${i}`);
      if (i >= 10) createSamples.push(hr() - t0);
    }
    let left = THROUGHPUT_TOTAL;
    let caller = 0;
    const c0 = hr();
    await Promise.all(
      Array.from({ length: THROUGHPUT_CALLERS }, async () => {
        while (left > 0) {
          left -= 1;
          await bookOne(`bench-many-${caller++}`);
        }
      }),
    );
    const throughput = THROUGHPUT_TOTAL / ((hr() - c0) / 1000);

    const slotSamples: number[] = [];
    for (let i = 0; i < 30 + SLOT_SAMPLES; i++) {
      const t0 = hr();
      await slotList(BENCH_SERVICE);
      if (i >= 30) slotSamples.push(hr() - t0);
    }

    // Races for the one seat of a slot.
    let oversold = 0;
    const raceSlots = (await slotList(RACE_SERVICE)).filter((s) => s.kind === 'regular' && s.left === 1).slice(-RACES);
    for (const [k, slot] of raceSlots.entries()) {
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => invoke<BookingView>(cloud!, `racer-${k}-${i}`, 'book', { requestId: randomUUID(), communityId: COMMUNITY, serviceId: RACE_SERVICE, slotId: slot.id })),
      );
      const wins = results.filter((r) => r.ok).length;
      const stranger = results.find((r) => !r.ok && (r.error.code !== 'CONFLICT' || r.error.message !== '该时段已约满'));
      if (stranger) throw new Error(`race: unexpected ${JSON.stringify(stranger)}`);
      const { data } = await adminApp(cloud.url).database().collection('bookingSlots').where({ _id: `sl_${COMMUNITY}_${slot.id}` }).get();
      // Seats held at the race service's one window (other visits share the slot at other windows).
      const held = ((data[0] as { holds?: Array<{ windowId: string }> } | undefined)?.holds ?? []).filter((h) => h.windowId === 'w10').length;
      oversold += Math.max(0, wins - 1, held - 1);
    }
    if (raceSlots.length < RACES) throw new Error('race bench: not enough one-seat slots');

    const round = (x: number) => Number(x.toFixed(3));
    return [
      { name: 'booking.create.p50_ms', unit: 'ms', value: round(percentile(createSamples, 0.5)) },
      { name: 'booking.create.throughput', unit: 'bookings/s', value: Number(throughput.toFixed(1)) },
      { name: 'booking.slots.p99_ms', unit: 'ms', value: round(percentile(slotSamples, 0.99)) },
      { name: 'booking.race.oversold', unit: 'bookings', value: oversold },
    ];
  } finally {
    await cloud?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runBookingBench);
