import { usersContract } from '../../types/users';
import { createFunction } from '../core/router';
import { bindHousehold } from './actions/bindHousehold';
import { me } from './actions/me';
import { setPreferences } from './actions/setPreferences';
import { decideResidence } from './actions/decideResidence';
import { requestResidence } from './actions/requestResidence';
import { residenceQueue } from './actions/residenceQueue';
import { revokeResidence } from './actions/revokeResidence';
import { withdrawResidence } from './actions/withdrawResidence';
import { flushEffects } from './jobs/flushEffects';

export const main = createFunction(
  'users',
  usersContract,
  {
    me,
    bindHousehold,
    setPreferences,
    requestResidence,
    withdrawResidence,
    residenceQueue,
    decideResidence,
    revokeResidence,
  },
  { flushEffects },
);
