/** The common shape of a command on one booking: load, rights, transition on the runner, the view of the result. */
import type { BookingCommand, BookingView } from '../../../types/booking.constants';
import { notFound } from '../../core/errors';
import type { ActionContext } from '../../core/router';
import type { BookingDoc, Person } from '../domain/model';
import { assertMay, type StaffActor } from '../domain/policy';
import type { Transition } from '../domain/stateMachine';
import { bookingsRepo } from '../repos/bookings';
import { actorOf, personOf } from './actor';
import { runCommand } from './command';
import { viewFor } from './view';

export async function loadBooking(id: string): Promise<BookingDoc> {
  const b = await bookingsRepo.get(id);
  if (!b || b.status === 'void') throw notFound('找不到该预约');
  return b;
}

export async function bookingCommand(
  command: BookingCommand,
  input: { id: string; version?: number },
  { caller, now }: ActionContext,
  decide: (b: BookingDoc, actor: StaffActor, me: Person) => Transition | Promise<Transition>,
): Promise<BookingView> {
  const actor = await actorOf(caller);
  const loaded = await loadBooking(input.id);
  assertMay(command, actor, loaded);
  const after = await runCommand(input.id, { now, expectedVersion: input.version, loaded }, (b) => decide(b, actor, personOf(actor)));
  return viewFor(after, actor, now);
}
