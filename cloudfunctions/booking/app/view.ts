import type { BookingView } from '../../../types/booking.constants';
import { shanghaiDay } from '../../core/time/workingTime';
import type { BookingDoc } from '../domain/model';
import type { StaffActor } from '../domain/policy';
import { toView } from '../domain/views';

export const viewFor = (b: BookingDoc, actor: StaffActor, now: Date): BookingView => toView(b, actor, now, shanghaiDay(now));
