/** 签收: the first staff member to claim becomes the accountable first responder (首问负责制). */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { claim as claimTransition } from '../domain/stateMachine';

export const claim: Handler<typeof appealsContract.claim> = (input, ctx) =>
  appealCommand('claim', input, ctx, (a, me) => claimTransition(a, me, { now: ctx.now }));
