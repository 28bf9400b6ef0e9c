/**
 * The `bookings` collection: the only code that knows its shape and indexes. Every change is the
 * kernel runner's write conditional on `version`, carrying its effects (notices, seat releases).
 * Unique indexes hold the invariants: `_id` (one booking per resident and request), `activeKey`
 * (one active booking per service and day), `quotaKey` (at most maxActive at once), and
 * (communityId, code) for the booking code.
 */
import { ACTIVE_STATUSES } from '../../../types/booking.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { isDuplicate } from '../../core/db/errors';
import { listPage } from '../../core/db/list';
import { versionedCollection } from '../../core/commands/versioned';
import { database } from '../../core/platform/cloud';
import { releasedKey, type BookingDoc, type BookingEffect } from '../domain/model';
import { METRIC_FIELDS } from '../domain/metrics';
import type { ListedBooking } from '../domain/views';
import type { ActiveBooking } from '../domain/rules';
import type { FutureBookings } from '../domain/settings';
import { shanghaiDay } from '../../core/time/workingTime';

const bookings = () => database().collection('bookings');
const _ = () => database().command;

export const bookingsCollection = versionedCollection<BookingDoc, BookingEffect>('bookings');

export const LIST_FIELDS: Record<keyof ListedBooking, true> = {
  _id: true,
  code: true,
  version: true,
  status: true,
  communityId: true,
  communityName: true,
  communityPhone: true,
  slot: true,
  mode: true,
  channel: true,
  rating: true,
  createdAt: true,
  service: true,
  owner: true,
};

export type TimerField = 'remindAt' | 'complaintDueAt';

/** Where a unit's bookings are: the field naming its community, street or district. */
export type UnitField = 'communityId' | 'streetId' | 'districtId';

export type MetricSums = { _id: string | null } & Record<string, number>;

const count = async (where: Record<string, unknown>) => (await bookings().where(where).count()).total;

export const bookingsRepo = {
  get: (id: string) => bookingsCollection.get(id),

  /** The resident's active bookings: what their limits count. */
  async activeOf(ownerKey: string): Promise<ActiveBooking[]> {
    const { data } = await bookings()
      .where({ ownerKey, status: _().in([...ACTIVE_STATUSES]) })
      .field({ _id: true, quotaKey: true, service: true, slot: true })
      .limit(100)
      .get();
    return data as ActiveBooking[];
  },

  noShowsSince: (ownerKey: string, since: Date) => count({ ownerKey, status: 'no_show', 'slot.start': _().gte(since) }),
  activeKeyTaken: async (activeKey: string) => (await count({ activeKey })) > 0,
  codeTaken: async (communityId: string, code: string) => (await count({ communityId, code })) > 0,

  async byCode(communityId: string, code: string): Promise<BookingDoc | null> {
    const { data } = await bookings().where({ communityId, code }).limit(1).get();
    return (data[0] as BookingDoc | undefined) ?? null;
  },

  /** Upcoming: still active, soonest first. Past: done, cancelled or refused, latest first. */
  ofOwner(ownerKey: string, scope: 'upcoming' | 'past', page: PageRequest): Promise<Page<ListedBooking>> {
    const status = scope === 'upcoming' ? _().in([...ACTIVE_STATUSES]) : _().nin([...ACTIVE_STATUSES]);
    return listPage<ListedBooking>('bookings', { where: { ownerKey, status }, orderBy: 'slot.start', direction: scope === 'upcoming' ? 'asc' : 'desc', fields: LIST_FIELDS }, page);
  },

  /** A community's bookings of one day, in time order (a day has at most a few hundred). */
  async ofDay(communityId: string, day: string): Promise<BookingDoc[]> {
    const { data } = await bookings().where({ communityId, 'slot.day': day }).orderBy('slot.start', 'asc').limit(1000).get();
    return (data as BookingDoc[]).filter((b) => b.status !== 'void');
  },

  /** Active bookings in one session of one day: what a duty change leaves in place. */
  activeInSession: (communityId: string, day: string, sessionId: string) =>
    count({ communityId, 'slot.day': day, 'slot.sessionId': sessionId, status: _().in([...ACTIVE_STATUSES]) }),

  /** Active bookings of the community from `now` on, by session and window (one aggregation). */
  async futureActive(communityId: string, now: Date): Promise<FutureBookings> {
    const c = _();
    const { data } = await bookings()
      .aggregate()
      .match({ communityId, 'slot.day': c.gte(shanghaiDay(now)), status: c.in([...ACTIVE_STATUSES]), 'slot.start': c.gte(now) })
      .group({ _id: { sessionId: '$slot.sessionId', windowId: '$slot.windowId' }, n: c.aggregate.sum(1) })
      .limit(1000)
      .end();
    const future: FutureBookings = { total: 0, bySession: {}, byWindow: {} };
    for (const { _id, n } of data as Array<{ _id: { sessionId: string; windowId: string }; n: number }>) {
      future.total += n;
      future.bySession[_id.sessionId] = (future.bySession[_id.sessionId] ?? 0) + n;
      future.byWindow[_id.windowId] = (future.byWindow[_id.windowId] ?? 0) + n;
    }
    return future;
  },

  /** 差评 of a unit's area, newest first; open ones only, or all. */
  complaints(field: UnitField, unitId: string, open: boolean, page: PageRequest): Promise<Page<BookingDoc>> {
    const complaintState = open ? 'open' : _().in(['open', 'closed']);
    return listPage<BookingDoc>('bookings', { where: { [field]: unitId, complaintState }, orderBy: 'complaint.at' }, page);
  },


  /**
   * Claims a booking id for good (the hold sweep): a tombstone with the id, so that an attempt that
   * never finished can no longer insert it. False when a booking has the id already.
   */
  async insertTombstone(id: string, now: Date): Promise<boolean> {
    try {
      await bookings().add({
        _id: id,
        status: 'void',
        communityId: '',
        code: releasedKey(id),
        activeKey: releasedKey(id),
        quotaKey: releasedKey(id),
        holdRef: null,
        createdAt: now,
        version: 1,
        effects: [],
        effectsPending: false,
      });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  },

  /** Metric sums of a unit's bookings whose slot day is in [from, to], in total or per child unit. */
  async sums(field: UnitField, unitId: string, from: string, to: string, groupBy: UnitField | null): Promise<MetricSums[]> {
    const c = _();
    const $ = c.aggregate;
    const group: Record<string, unknown> = { _id: groupBy ? `$${groupBy}` : null };
    for (const f of METRIC_FIELDS) group[f] = $.sum(`$m.${f}`);
    const { data } = await bookings()
      .aggregate()
      .match({ [field]: unitId, 'slot.day': c.gte(from).and(c.lte(to)), 'm.counted': 1 })
      .group(group)
      .limit(1000)
      .end();
    return data as MetricSums[];
  },
};
