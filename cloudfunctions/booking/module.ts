/** 不打烊服务: bookings, their slots' seats, each community's settings, and their messages. */
import { bookingContract } from '../../types/booking';
import { defineModule } from '../core/module';
import { BOOKING_EXPORT_INDEXES } from './exports';
import { BOOKING_TEMPLATES } from './templates';

export const bookingModule = defineModule({
  name: 'booking',
  contract: bookingContract,
  collections: [
    {
      name: 'bookings',
      indexes: [
        // The invariants (see repos/bookings.ts): one per service and day, the resident's quota, the code.
        { name: 'active_key', keys: { activeKey: 1 }, unique: true },
        { name: 'quota_key', keys: { quotaKey: 1 }, unique: true },
        { name: 'community_code', keys: { communityId: 1, code: 1 }, unique: true },
        // Lists: every query starts with an equality on the first key.
        { name: 'owner_start', keys: { ownerKey: 1, 'slot.start': -1 } },
        { name: 'community_day', keys: { communityId: 1, 'slot.day': 1, 'slot.start': 1 } },
        { name: 'street_day', keys: { streetId: 1, 'slot.day': 1 } },
        { name: 'district_day', keys: { districtId: 1, 'slot.day': 1 } },
        { name: 'community_complaints', keys: { communityId: 1, complaintState: 1, 'complaint.at': -1 } },
        { name: 'street_complaints', keys: { streetId: 1, complaintState: 1, 'complaint.at': -1 } },
        { name: 'district_complaints', keys: { districtId: 1, complaintState: 1, 'complaint.at': -1 } },
        ...BOOKING_EXPORT_INDEXES, // 台账导出: (unit, slot.start, _id) keyset pages
        // Timers.
        { name: 'remind_at', keys: { remindAt: 1 } },
        { name: 'complaint_due_at', keys: { complaintDueAt: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
      ],
    },
    {
      // One document per community and slot start: its seats (`holds`), changed by conditional writes only.
      name: 'bookingSlots',
      indexes: [
        { name: 'community_day', keys: { communityId: 1, day: 1 } },
        { name: 'check_at', keys: { checkAt: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
      ],
    },
    { name: 'bookingSettings', indexes: [{ name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } }] },
  ],
  templates: BOOKING_TEMPLATES,
});
