/** 考核评价: 满意/基本满意 close it; the first 不满意 reopens it to the handler, the second escalates it. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { appealCommand } from '../app/appealCommand';
import { rate as rateTransition } from '../domain/stateMachine';

export const rate: Handler<typeof appealsContract.rate> = ({ id, rating, comment }, ctx) =>
  appealCommand('rate', { id }, ctx, (a, me) => rateTransition(a, me, rating, comment ?? null, { now: ctx.now }));
