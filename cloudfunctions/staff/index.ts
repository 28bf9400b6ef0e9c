import { staffContract } from '../../types/staff';
import { createFunction } from '../core/router';
import { accept } from './actions/accept';
import { audit } from './actions/audit';
import { invite } from './actions/invite';
import { companies, invitations, list } from './actions/list';
import { changeRole, revoke } from './actions/manage';

export const main = createFunction('staff', staffContract, { invite, accept, list, invitations, companies, changeRole, revoke, audit });
