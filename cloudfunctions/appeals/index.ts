import { appealsContract } from '../../types/appeals';
import { createFunction } from '../core/router';
import { approve } from './actions/approve';
import { bulletin } from './actions/bulletin';
import { categories } from './actions/categories';
import { claim } from './actions/claim';
import { createAppeal } from './actions/createAppeal';
import { dashboard } from './actions/dashboard';
import { detail } from './actions/detail';
import { escalate } from './actions/escalate';
import { follow } from './actions/follow';
import { inbox } from './actions/inbox';
import { mine } from './actions/mine';
import { press } from './actions/press';
import { rate } from './actions/rate';
import { reply } from './actions/reply';
import { resolve } from './actions/resolve';
import { routingRules } from './actions/routingRules';
import { similar } from './actions/similar';
import { transfer } from './actions/transfer';
import { updateRoutingRules } from './actions/updateRoutingRules';
import { closeUnrated } from './jobs/closeUnrated';
import { escalateOverdue } from './jobs/escalateOverdue';
import { flushEffects } from './jobs/flushEffects';
import { warnDueSoon } from './jobs/warnDueSoon';

export const main = createFunction(
  'appeals',
  appealsContract,
  {
    categories,
    similar,
    follow,
    create: createAppeal,
    mine,
    detail,
    rate,
    inbox,
    claim,
    reply,
    transfer,
    resolve,
    press,
    escalate,
    approve,
    dashboard,
    bulletin,
    routingRules,
    updateRoutingRules,
  },
  { escalateOverdue, warnDueSoon, closeUnrated, flushEffects },
);
