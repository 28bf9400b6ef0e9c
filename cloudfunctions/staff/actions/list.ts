import type { staffContract } from '../../../types/staff';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { reachOf } from '../app/reach';
import { invitationView, memberView } from '../app/views';
import { invitationsRepo } from '../repos/invitations';
import { peopleRepo } from '../repos/people';

/** Staff in the caller's reach, with whether the caller may change them. */
export const list: Handler<typeof staffContract.list> = async ({ page, pageSize }, { caller }) => {
  const reach = await reachOf(caller);
  const people = await peopleRepo.inReach({ unitIds: [...reach.units.keys()], propertyCompanyIds: [...reach.companies.keys()] }, { page, pageSize });
  return mapPage(people, (p) => memberView(caller, p, reach.units, reach.companies));
};

/** The property companies the caller oversees (their own; every one for the district). */
export const companies: Handler<typeof staffContract.companies> = async (_input, { caller }) => {
  const { companies: reached } = await reachOf(caller);
  return [...reached.values()].map((c) => ({ id: c._id, name: c.name }));
};

export const invitations: Handler<typeof staffContract.invitations> = async ({ page, pageSize }, { caller, now }) => {
  const issued = await invitationsRepo.issuedBy(caller.openid, { page, pageSize });
  return { ...issued, items: await Promise.all(issued.items.map((doc) => invitationView(doc, now, false))) };
};
