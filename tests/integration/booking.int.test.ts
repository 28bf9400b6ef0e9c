/**
 * 不打烊服务, residents' side, through the whole local stack (the real SDK, the function host with
 * per-event identity, SQLite): services and slots, booking, exact capacity under 200 callers,
 * retries, limits, bad input, cancel and reschedule, and the sweep of seats nobody booked.
 * Slots are real ones of the next 14 days (the seeded 海岸社区 settings over the work calendar).
 */
import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BookingView, SlotView } from '../../types/booking';
import type { Envelope } from '../../types/contract';
import { changeable } from '../support/booking';
import { startTestCloud, type TestCloud } from '../support/cloud';

// Races of 20 and 200 callers: seconds on a quiet machine, more on a busy one.
jest.setTimeout(30_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const HAIAN = 'c-haian';
const PROOF = 'sv-haian-proof'; // 证明开具: 15 minutes at window 1, so two visits per 30-minute slot
const PENSION = 'sv-haian-pension'; // 社保认证: window 2
const RESIDENCE = 'sv-haian-residence';
const SENIOR = 'sv-haian-senior';

type Slot = SlotView & { day: string };

async function slotsOf(serviceId: string, openid = 'demo-resident'): Promise<Slot[]> {
  const { days } = await t.ok(openid, 'booking', 'slots', { communityId: HAIAN, serviceId });
  return days.flatMap((d) => d.slots.map((s) => ({ ...s, day: d.day }))).filter((s) => changeable(s.id));
}

const leftOf = async (serviceId: string, slotId: string) => (await slotsOf(serviceId)).find((s) => s.id === slotId)?.left;

function bookAs(openid: string, serviceId: string, slotId: string, extra: Record<string, unknown> = {}): Promise<Envelope<BookingView>> {
  return t.call(openid, 'booking', 'book', { requestId: randomUUID(), communityId: HAIAN, serviceId, slotId, ...extra } as never);
}

async function book(openid: string, serviceId: string, slotId: string, extra: Record<string, unknown> = {}): Promise<BookingView> {
  const res = await bookAs(openid, serviceId, slotId, extra);
  if (!res.ok) throw new Error(`book failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** The text a booking's QR image (a PNG data URL) decodes to, read back as a scanner would. */
function scanQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const count = async (collection: string, where: Record<string, unknown> = {}) => (await t.db.collection(collection).where(where).count()).total;
const bookingDoc = async (id: string) => (await t.db.collection('bookings').doc(id).get()).data[0] as Record<string, unknown> & { version: number; status: string };
const holdsOf = async (slotId: string) =>
  (((await t.db.collection('bookingSlots').doc(`sl_${HAIAN}_${slotId}`).get()).data[0] as { holds: Array<{ ref: string; windowId: string }> } | undefined)?.holds ?? []);

/** A service of 30 minutes at window 1 only: exactly one visit per slot. */
async function oneSeatService(name: string): Promise<string> {
  const view = await t.ok('demo-community-staff', 'booking', 'saveService', { service: { name, materials: ['本人身份证原件'], minutes: 30, windowIds: ['w1'] } });
  return view.services.find((s) => s.name === name)!.id;
}

describe('services and slots (residents)', () => {
  it('shows the household’s community, a scanned building’s, and asks a stranger to scan or bind', async () => {
    const mine = await t.ok('demo-resident', 'booking', 'services', {});
    expect(mine.community).toEqual({ id: HAIAN, name: '海岸社区', phone: '0535-6601101' });
    expect(mine.services.map((s) => s.name)).toEqual(expect.arrayContaining(['证明开具', '老年优待证', '居住证明', '社保认证', '残疾人服务', '计生服务']));
    expect(mine.sessions.map((s) => s.kindLabel)).toEqual(['常规', '常规', '延时', '错时']);
    const scanned = await t.ok('stranger-1', 'booking', 'services', { buildingCode: '370602B0013' });
    expect(scanned.community.name).toBe('胜利路社区');
    expect(await t.call('stranger-1', 'booking', 'services', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'buildingCode' }] } });
    const service = await t.ok('demo-resident', 'booking', 'service', { communityId: HAIAN, serviceId: SENIOR });
    expect(service).toMatchObject({ name: '老年优待证', homeVisit: true, materials: ['本人身份证原件及复印件', '近期一寸免冠彩色照片1张'] });
  });

  it('lists 14 days from today in Shanghai, each open with slots at least an hour ahead or closed with a reason', async () => {
    const { days, service } = await t.ok('demo-resident', 'booking', 'slots', { communityId: HAIAN, serviceId: PROOF });
    expect(service.name).toBe('证明开具');
    expect(days).toHaveLength(14);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(days[0].day).toBe(today);
    for (const d of days) {
      expect(d.slots.length > 0 || d.closed !== null).toBe(true);
      for (const s of d.slots) {
        expect(new Date(s.start).getTime()).toBeGreaterThanOrEqual(Date.now() + 59 * 60_000);
        expect(s.left).toBeLessThanOrEqual(2);
      }
    }
    const kinds = new Set(days.flatMap((d) => d.slots.map((s) => s.kind)));
    expect(kinds.has('regular')).toBe(true);
    expect(kinds.has('extended') || kinds.has('staggered')).toBe(true);
  });
});

describe('booking', () => {
  it('books a seat with a code, counts it off the slot, confirms through the outbox, and lists it as upcoming', async () => {
    const [slot] = (await slotsOf(PROOF)).filter((s) => s.left === 2);
    const b = await book('res-a1', PROOF, slot.id, { phone: '13905350001' });
    expect(b).toMatchObject({ status: 'booked', statusLabel: '已预约', channel: 'online', slot: { id: slot.id, day: slot.day }, window: { id: 'w1' }, isOwner: true, version: 1 });
    expect(b.code).toMatch(/^\d{6}$/);
    expect(scanQr(b.codeQr!)).toBe(`jiayuan:booking:${b.code}`);
    expect(b.can).toMatchObject({ cancel: true, reschedule: true, rate: false, checkIn: false });
    expect(await leftOf(PROOF, slot.id)).toBe(1);
    const [msg] = (await t.db.collection('outbox').where({ 'source.id': b.id }).get()).data as Array<{ toOpenid: string; template: string; page: string; data: Record<string, string> }>;
    expect(msg).toMatchObject({ toOpenid: 'res-a1', template: 'bookingConfirmed', page: `packages/booking/booking/index?id=${b.id}` });
    expect(msg.data.character_string4).toBe(b.code);
    const upcoming = await t.ok('res-a1', 'booking', 'mine', {});
    expect(upcoming.items.map((i) => i.id)).toEqual([b.id]);
    expect((await t.ok('res-a1', 'booking', 'mine', { scope: 'past' })).total).toBe(0);
    expect(await t.call('res-a2', 'booking', 'detail', { id: b.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a retried request never books twice: in turn or at once, one booking, one seat, one message', async () => {
    const [slot] = (await slotsOf(PENSION)).filter((s) => s.left > 0);
    const requestId = randomUUID();
    const input = { requestId, communityId: HAIAN, serviceId: PENSION, slotId: slot.id };
    const before = await count('bookings');
    const all = await Promise.all(Array.from({ length: 5 }, () => t.ok('res-retry', 'booking', 'book', input)));
    const again = await t.ok('res-retry', 'booking', 'book', input);
    expect(new Set([...all, again].map((b) => b.id)).size).toBe(1);
    expect(await count('bookings')).toBe(before + 1);
    expect((await holdsOf(slot.id)).filter((h) => h.ref.startsWith(again.id))).toHaveLength(1);
    expect(await count('outbox', { 'source.id': again.id })).toBe(1);
  });

  it('200 residents booking the last seat at the same instant: exactly one gets it, the others hear 该时段已约满', async () => {
    const serviceId = await oneSeatService('测试事项（整段）');
    const [slot] = (await slotsOf(serviceId)).filter((s) => s.left === 1);
    const callers = Array.from({ length: 200 }, (_, i) => `race-${String(i).padStart(3, '0')}`);
    // Warm the function's instances first, so that the calls really run side by side.
    await Promise.all(Array.from({ length: 4 }, () => t.ok('race-warm', 'booking', 'services', { communityId: HAIAN })));
    const results = await Promise.all(callers.map((openid) => bookAs(openid, serviceId, slot.id)));
    const wins = results.filter((r) => r.ok);
    expect(wins).toHaveLength(1);
    const losses = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
    expect(new Set(losses.map((r) => `${r.error.code} ${r.error.message}`))).toEqual(new Set(['CONFLICT 该时段已约满']));
    expect(await count('bookings', { 'service.id': serviceId, 'slot.slotId': slot.id, status: 'booked' })).toBe(1);
    expect(await holdsOf(slot.id)).toHaveLength(1);
    expect(await leftOf(serviceId, slot.id)).toBe(0);
  }, 180_000);

  it('two visits of 15 minutes fill a window’s slot; a 30-minute service sharing the window then finds it full', async () => {
    const serviceId = await oneSeatService('测试事项（共用窗口）');
    const slot = (await slotsOf(PROOF)).find((s) => s.left === 2 && s.kind === 'regular')!;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bookAs(`share-${i}`, PROOF, slot.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await leftOf(serviceId, slot.id)).toBe(0);
    expect(await bookAs('share-x', serviceId, slot.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该时段已约满' } });
  }, 120_000);
});

describe('limits', () => {
  it('one active booking per service and day, even when two requests race; the loser’s seat is given back', async () => {
    const day = (await slotsOf(RESIDENCE)).filter((s) => s.left === 2);
    const [a, b] = day.filter((s) => s.day === day[0].day);
    const first = await book('res-limit', RESIDENCE, a.id);
    expect(await bookAs('res-limit', RESIDENCE, b.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('您当天已预约过该服务') } });
    expect(await holdsOf(b.id)).toHaveLength(0);

    // Another day, both at once: the unique key lets one through.
    const other = (await slotsOf(RESIDENCE)).filter((s) => s.left === 2 && s.day !== first.slot.day);
    const [c, d] = other.filter((s) => s.day === other[0].day);
    const raced = await Promise.all([bookAs('res-limit', RESIDENCE, c.id), bookAs('res-limit', RESIDENCE, d.id)]);
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
    expect((await holdsOf(c.id)).length + (await holdsOf(d.id)).length).toBe(1);
  });

  it('at most three active bookings at once (the community’s setting)', async () => {
    const picks = [PROOF, PENSION, RESIDENCE];
    for (const serviceId of picks) {
      const slot = (await slotsOf(serviceId)).find((s) => s.left > 0)!;
      await book('res-max', serviceId, slot.id);
    }
    const slot = (await slotsOf(SENIOR)).find((s) => s.left > 0)!;
    const before = [await count('bookings'), (await holdsOf(slot.id)).length];
    expect(await bookAs('res-max', SENIOR, slot.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已有3个未完成的预约，请办结或取消后再预约' } });
    expect([await count('bookings'), (await holdsOf(slot.id)).length]).toEqual(before);
  });
});

describe('bad input: a clear typed error and nothing written', () => {
  it('refuses the past, beyond 14 days, a closed day, another community’s service, 上门 where not offered, and a cancelled booking at the desk', async () => {
    const cancelled = await book('res-bad', PROOF, (await slotsOf(PROOF)).find((s) => s.left > 0)!.id);
    await t.ok('res-bad', 'booking', 'cancel', { id: cancelled.id, reason: '临时有事' });
    const free = (await slotsOf(PENSION)).find((s) => s.left > 0)!;
    const future = new Date(Date.now() + 20 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const past = new Date(Date.now() - 7 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

    const snapshot = async () => [await count('bookings'), await count('bookingSlots'), await count('outbox')];
    const before = await snapshot();
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [PENSION, { slotId: `${past}-0900` }, 'INVALID_INPUT', 'slotId'],
      [PENSION, { slotId: `${future}-0900` }, 'INVALID_INPUT', 'slotId'],
      [PENSION, { slotId: 'tomorrow' }, 'INVALID_INPUT', 'slotId'],
      ['sv-shengli-proof', { slotId: free.id }, 'INVALID_INPUT', 'serviceId'],
      [PROOF, { slotId: free.id, mode: 'home', homeReason: 'elderly', address: '海岸花园1号楼2单元301' }, 'INVALID_INPUT', 'mode'],
      [PENSION, { slotId: free.id, mode: 'home', homeReason: 'elderly' }, 'INVALID_INPUT', 'address'],
      [PENSION, { slotId: free.id, requestId: 'not-a-uuid' }, 'INVALID_INPUT', 'requestId'],
    ];
    for (const [serviceId, extra, code, path] of cases) {
      const res = await bookAs('res-bad', serviceId, String(extra.slotId), extra);
      expect([serviceId, extra, res.ok ? null : res.error.code]).toEqual([serviceId, extra, code]);
      if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(await bookAs('res-bad', PENSION, free.id, { communityId: 'c-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const desk = await t.call('demo-community-staff', 'booking', 'checkIn', { id: cancelled.id });
    expect(desk).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该预约已取消，不能签到' } });
    expect(await snapshot()).toEqual(before);
    expect((await bookingDoc(cancelled.id)).version).toBe(2);
  });

  it('a one-off closure closes a day that had slots', async () => {
    const slot = (await slotsOf(PENSION)).find((s) => s.left > 0 && s.kind === 'regular')!;
    const settings = await t.ok('demo-community-staff', 'booking', 'settings', {});
    await t.ok('demo-community-staff', 'booking', 'saveHours', { version: settings.version, closures: [{ day: slot.day, reason: '社区消防演练' }] });
    const closedDay = (await t.ok('demo-resident', 'booking', 'slots', { communityId: HAIAN, serviceId: PENSION })).days.find((d) => d.day === slot.day);
    expect(closedDay).toMatchObject({ closed: '社区消防演练', slots: [] });
    expect(await bookAs('res-closed', PENSION, slot.id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'slotId', message: '该时段不开放预约，请选择其他时段' }] } });
    await t.ok('demo-community-staff', 'booking', 'saveHours', { closures: [] });
    expect(await leftOf(PENSION, slot.id)).toBeGreaterThan(0);
  });

  it('a session or the slot length a future booking still uses cannot change, and the booking keeps its seat', async () => {
    const slot = (await slotsOf(PENSION)).find((s) => s.left > 0 && s.kind === 'staggered')!;
    const booked = await book('res-keeps', PENSION, slot.id);
    const settings = await t.ok('demo-community-staff', 'booking', 'settings', {});
    const session = settings.sessions.find((s) => s.kind === 'staggered')!;
    const others = settings.sessions.filter((s) => s.id !== session.id).map(({ kindLabel: _label, ...s }) => s);
    const refused = await t.call('demo-community-staff', 'booking', 'saveHours', { sessions: others });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'sessions' }] } });
    expect(refused.ok ? '' : refused.error.message).toMatch(new RegExp(`“${session.name}”还有\\d+个未到期的预约`));
    expect(await t.call('demo-community-staff', 'booking', 'saveHours', { rules: { slotMinutes: 60 } })).toMatchObject({ ok: false, error: { issues: [{ path: 'rules.slotMinutes' }] } });
    expect((await t.ok('demo-community-staff', 'booking', 'settings', {})).version).toBe(settings.version);
    expect(await bookingDoc(booked.id)).toMatchObject({ status: 'booked' });
    await t.ok('res-keeps', 'booking', 'cancel', { id: booked.id });
  });
});

describe('cancel and reschedule', () => {
  it('cancelling gives the seat back; rescheduling takes the new seat and gives the old one back; a full slot leaves the booking as it was', async () => {
    const slots = (await slotsOf(PROOF)).filter((s) => s.left === 2);
    const [a, b] = [slots[3], slots[8]];
    const booked = await book('res-move', PROOF, a.id);
    expect(await leftOf(PROOF, a.id)).toBe(1);

    const moved = await t.ok('res-move', 'booking', 'reschedule', { id: booked.id, slotId: b.id, version: booked.version });
    expect(moved).toMatchObject({ id: booked.id, code: booked.code, slot: { id: b.id }, version: 2 });
    expect([await leftOf(PROOF, a.id), await leftOf(PROOF, b.id)]).toEqual([2, 1]);
    expect(await t.call('res-move', 'booking', 'reschedule', { id: booked.id, slotId: a.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该预约刚刚有了变化，请刷新后再操作' } });

    // A full slot: the move is refused and the booking keeps its seat.
    const full = slots[12];
    await book('res-fill-1', PROOF, full.id);
    await book('res-fill-2', PROOF, full.id);
    expect(await t.call('res-move', 'booking', 'reschedule', { id: booked.id, slotId: full.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该时段已约满' } });
    expect(await bookingDoc(booked.id)).toMatchObject({ version: 2, slot: { slotId: b.id } });

    const cancelled = await t.ok('res-move', 'booking', 'cancel', { id: booked.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', codeQr: null, can: { cancel: false, reschedule: false } });
    expect(await leftOf(PROOF, b.id)).toBe(2);
    expect((await t.ok('res-move', 'booking', 'mine', { scope: 'past' })).items.map((i) => i.id)).toContain(booked.id);
    // The day is free again for this service.
    await book('res-move', PROOF, b.id);
  });

  it('after the cut-off the resident may no longer cancel; the front desk still may, and the resident is told', async () => {
    const slot = (await slotsOf(PENSION)).find((s) => s.left > 0)!;
    const b = await book('res-cutoff', PENSION, slot.id);
    await t.db.collection('bookings').doc(b.id).update({ changeUntil: new Date(Date.now() - 60_000) });
    expect(await t.call('res-cutoff', 'booking', 'cancel', { id: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已过取消截止时间') } });
    expect((await t.ok('res-cutoff', 'booking', 'detail', { id: b.id })).can).toMatchObject({ cancel: false, reschedule: false });
    const byDesk = await t.ok('demo-community-staff', 'booking', 'cancel', { id: b.id, reason: '窗口设备故障，请改约' });
    expect(byDesk.cancelled).toMatchObject({ byName: '刘洋', reason: '窗口设备故障，请改约' });
    expect(await count('outbox', { 'source.id': b.id, template: 'bookingChanged', toOpenid: 'res-cutoff' })).toBe(1);
  });
});

describe('seats nobody booked (the hold sweep)', () => {
  it('gives back a seat whose booking never came, claims its id, and confirms a real booking’s seat', async () => {
    const slot = (await slotsOf(PROOF)).find((s) => s.left === 2)!;
    const real = await book('res-sweep', PROOF, slot.id);
    const id = `sl_${HAIAN}_${slot.id}`;
    const old = new Date(Date.now() - 10 * 60_000);
    const doc = (await t.db.collection('bookingSlots').doc(id).get()).data[0] as { holds: Array<Record<string, unknown>> };
    // As if a booking crashed between its seat and its insert, ten minutes ago.
    await t.db.collection('bookingSlots').doc(id).update({
      holds: [...doc.holds.map((h) => ({ ...h, at: old })), { ref: 'bkorphan@0', bookingId: 'bkorphan', windowId: 'w1', minutes: 15, at: old, checked: false }],
      checkAt: old,
    });
    expect(await leftOf(PROOF, slot.id)).toBe(0);
    const { result } = await t.cloud.host.fireTimer('booking', 'checkHolds');
    expect(result).toMatchObject({ ok: true, data: { released: 1 } });
    const holds = await holdsOf(slot.id);
    expect(holds).toEqual([expect.objectContaining({ ref: `${real.id}@0`, checked: true })]);
    expect(await bookingDoc('bkorphan')).toMatchObject({ status: 'void' });
    expect(await leftOf(PROOF, slot.id)).toBe(1);
    const again = await t.cloud.host.fireTimer('booking', 'checkHolds');
    expect(again.result).toMatchObject({ ok: true, data: { released: 0 } });
  });
});
