import { ACTIVE_STATUSES, bookingScanText, type BookingView } from '../../../types/booking.constants';
import { qrPngDataUrl } from '../../core/qr';
import { shanghaiDay } from '../../core/time/workingTime';
import type { BookingDoc } from '../domain/model';
import type { StaffActor } from '../domain/policy';
import { toView } from '../domain/views';

/** A booking as its caller sees it; the owner of a booking still to be checked in gets its QR code too. */
export async function viewFor(b: BookingDoc, actor: StaffActor, now: Date): Promise<BookingView> {
  const view = toView(b, actor, now, shanghaiDay(now));
  const showsCode = view.isOwner && ACTIVE_STATUSES.includes(view.status) && view.status !== 'checked_in';
  return { ...view, codeQr: showsCode ? await qrPngDataUrl(bookingScanText(b.code)) : null };
}
