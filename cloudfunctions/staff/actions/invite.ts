import type { staffContract } from '../../../types/staff';
import type { Handler } from '../../core/router';
import { resolveGrant } from '../app/grant';
import { storeInvitation } from '../app/store';
import { invitationView } from '../app/views';

/** 发出邀请: check the grant, store a fresh code (a retry of the same request returns the first), audit it. */
export const invite: Handler<typeof staffContract.invite> = async (input, { caller, now }) => {
  const grant = await resolveGrant(caller, input);
  const doc = await storeInvitation({
    grant,
    by: { openid: caller.openid, name: caller.user?.name ?? '微信用户' },
    requestKey: `${caller.openid}:${input.requestId.toLowerCase()}`,
    ttlHours: input.ttlHours,
    now,
  });
  return invitationView(doc, now, true);
};
