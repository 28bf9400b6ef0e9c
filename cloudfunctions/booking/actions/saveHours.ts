/** 营业时间: windows, sessions (常规、延时、错时), one-off closures and the booking rules. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf, personOf } from '../app/actor';
import { adminCommunity } from '../app/community';
import { settingsViewOf } from '../app/settingsView';
import { settingsId } from '../domain/model';
import { NO_FUTURE_BOOKINGS, withHours } from '../domain/settings';
import { bookingsRepo } from '../repos/bookings';
import { settingsCommands } from '../repos/settings';

export const saveHours: Handler<typeof bookingContract.saveHours> = async (input, { caller, now }) => {
  const actor = await actorOf(caller);
  const community = await adminCommunity(actor, input.communityId);
  // Only an edit that could strand a booking (its slot length, session or window) needs the count.
  const mayStrand = input.rules?.slotMinutes !== undefined || input.sessions !== undefined || input.windows !== undefined;
  const future = mayStrand ? await bookingsRepo.futureActive(community._id, now) : NO_FUTURE_BOOKINGS;
  const saved = await settingsCommands.run(settingsId(community._id), { now, expectedVersion: input.version }, (doc) => ({
    set: {
      communityId: community._id,
      ...withHours(doc, { windows: input.windows, sessions: input.sessions, closures: input.closures, rules: input.rules }, future),
      updatedAt: now,
      updatedBy: personOf(actor),
    },
    effects: [],
  }));
  return settingsViewOf(community, saved, now);
};
