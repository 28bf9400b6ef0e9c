import { usersContract } from '../../types/users';
import { createFunction } from '../core/router';
import { bindHousehold } from './actions/bindHousehold';
import { me } from './actions/me';
import { setPreferences } from './actions/setPreferences';

export const main = createFunction('users', usersContract, { me, bindHousehold, setPreferences });
