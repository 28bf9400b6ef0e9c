import { bookingContract } from '../../types/booking';
import { createFunction } from '../core/router';
import { answer } from './actions/answer';
import { approve } from './actions/approve';
import { book } from './actions/book';
import { cancel } from './actions/cancel';
import { checkIn } from './actions/checkIn';
import { complaints } from './actions/complaints';
import { dashboard } from './actions/dashboard';
import { day } from './actions/day';
import { detail } from './actions/detail';
import { mine } from './actions/mine';
import { noShow } from './actions/noShow';
import { phoneBook } from './actions/phoneBook';
import { rate } from './actions/rate';
import { reschedule } from './actions/reschedule';
import { saveHours } from './actions/saveHours';
import { saveService } from './actions/saveService';
import { serve } from './actions/serve';
import { service } from './actions/service';
import { services } from './actions/services';
import { setDuty } from './actions/setDuty';
import { settings } from './actions/settings';
import { slots } from './actions/slots';
import { checkHolds } from './jobs/checkHolds';
import { escalateComplaints } from './jobs/escalateComplaints';
import { flushEffects } from './jobs/flushEffects';
import { remindBookings } from './jobs/remindBookings';

export const main = createFunction(
  'booking',
  bookingContract,
  {
    services,
    service,
    slots,
    book,
    mine,
    detail,
    cancel,
    reschedule,
    rate,
    settings,
    saveService,
    saveHours,
    setDuty,
    day,
    checkIn,
    serve,
    noShow,
    phoneBook,
    approve,
    complaints,
    answer,
    dashboard,
  },
  { remindBookings, escalateComplaints, checkHolds, flushEffects },
);
