/** 内容审核: staff of its area pass an appeal content security held for a person to look at. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { approve as approveTransition } from '../domain/stateMachine';

export const approve: Handler<typeof appealsContract.approve> = (input, ctx) =>
  appealCommand('approve', input, ctx, (a, me) => approveTransition(a, me, { now: ctx.now }));
