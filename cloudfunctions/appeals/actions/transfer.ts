/** 转办: hand the appeal to a better-placed holder, with a reason. The first responder stays accountable. */
import type { appealsContract, TransferTarget } from '../../../types/appeals';
import { invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import type { AppealDoc, Holder } from '../domain/model';
import { holderFor } from '../domain/routing';
import { transfer as transferTransition } from '../domain/stateMachine';

async function holderOf(to: TransferTarget, a: AppealDoc): Promise<Holder> {
  if (to.target === 'grid' && to.gridId && to.gridId !== a.place.gridId) {
    const grid = await orgRepo.unit(to.gridId);
    if (!grid || grid.level !== 'grid' || grid.parentId !== a.place.communityId) {
      throw invalid('to.gridId', '只能转给本社区的网格');
    }
    return { kind: 'unit', level: 'grid', id: grid._id, name: grid.name };
  }
  const holder = holderFor(to.target, a.place);
  if (!holder) throw invalid('to.target', `${a.place.estateName}暂无物业公司，不能转给物业`);
  return holder;
}

export const transfer: Handler<typeof appealsContract.transfer> = (input, ctx) =>
  appealCommand('transfer', input, ctx, async (a, me) =>
    transferTransition(a, me, await holderOf(input.to, a), input.to.target, input.reason, { now: ctx.now }),
  );
