/** The common shape of a command on an appeal (staff's, and the resident's rating): rights, transition, detail of the result. */
import type { AppealCommand, AppealDetail } from '../../../types/appeals';
import type { ActionContext } from '../../core/router';
import type { AppealDoc, Person } from '../domain/model';
import { assertRights } from '../domain/policy';
import type { Transition } from '../domain/stateMachine';
import { detailFor } from './detail';
import { actorOf, personOf } from './actor';
import { runCommand } from './command';

export async function appealCommand(
  command: AppealCommand,
  input: { id: string; version?: number },
  { caller, now }: ActionContext,
  decide: (appeal: AppealDoc, me: Person) => Transition | Promise<Transition>,
): Promise<AppealDetail> {
  const actor = actorOf(caller);
  const after = await runCommand(input.id, { actor: actor.openid, now, expectedVersion: input.version }, (a) => {
    assertRights(command, actor, a);
    return decide(a, personOf(actor));
  });
  return detailFor(after, actor, now);
}
