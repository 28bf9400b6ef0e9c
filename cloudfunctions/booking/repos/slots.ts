/**
 * `bookingSlots`: one versioned document per community and slot start, its seats as `holds`. Only
 * slots somebody booked have a document; a slot without one has every seat free.
 */
import { commandRunner, type NotifyEffect } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import { database } from '../../core/platform/cloud';
import { parseSlotDocId, type Hold, type SlotDoc } from '../domain/model';
import { parseSlotId } from '../domain/schedule';

const slots = () => database().collection('bookingSlots');
export const slotsCollection = versionedCollection<SlotDoc, NotifyEffect>('bookingSlots');

export const slotCommands = commandRunner<SlotDoc, NotifyEffect>({
  collection: slotsCollection,
  blank: (id) => {
    const parsed = parseSlotDocId(id);
    const day = parsed ? parseSlotId(parsed.slotId)?.day : undefined;
    if (!parsed || !day) throw new Error(`not a slot document id: ${id}`);
    return { _id: id, communityId: parsed.communityId, slotId: parsed.slotId, day, holds: [], checkAt: null, version: 0, effects: [], effectsPending: false };
  },
  messages: { notFound: '找不到该时段', stale: '该时段刚刚有了变化，请刷新后重试', lostRace: '该时段预约人数较多，请稍后重试' },
});

export const slotsRepo = {
  get: (id: string) => slotsCollection.get(id),

  /** The seats taken in a community's slots over a day range (inclusive), by slot id. */
  async holdsOf(communityId: string, from: string, to: string): Promise<Map<string, Hold[]>> {
    const _ = database().command;
    const { data } = await slots()
      .where({ communityId, day: _.gte(from).and(_.lte(to)) })
      .field({ slotId: true, holds: true })
      .limit(1000)
      .get();
    return new Map((data as Array<Pick<SlotDoc, 'slotId' | 'holds'>>).map((d) => [d.slotId, d.holds]));
  },

};
