import { ROLE_LABELS } from '../../../types/contract';
import type { OrgUnit, PropertyCompany } from '../../../types/org';
import { PAGES, routes } from '../../../types/routes';
import { AUDIT_KIND_LABELS, INVITATION_STATUS_LABELS, type AuditEntryView, type GrantView, type InvitationView, type StaffMemberView } from '../../../types/staff.constants';
import type { Caller } from '../../core/auth/caller';
import { openApi } from '../../core/openapi';
import { manageRefusal, type StaffTarget } from '../domain/grants';
import { statusOf } from '../domain/invitation';
import type { AuditDoc } from '../repos/audit';
import type { InvitationDoc } from '../repos/invitations';
import type { PersonDoc } from '../repos/people';
import { staffRoleOf } from './grant';

export const acceptLink = (code: string): string => routes.staffAccept(code);

/** The invitation's mini-program code: scanned in WeChat it opens 接受邀请 with the code as its scene. */
async function invitationCode(code: string): Promise<string> {
  const png = await openApi().unlimitedCode({ scene: code, page: PAGES.staffAccept, width: 430 });
  return `data:image/png;base64,${png.toString('base64')}`;
}

export async function invitationView(doc: InvitationDoc, now: Date, withQr: boolean): Promise<InvitationView> {
  const status = statusOf(doc, now);
  const link = acceptLink(doc.code);
  return {
    code: doc.code,
    role: doc.role,
    roleLabel: ROLE_LABELS[doc.role],
    level: doc.level,
    unitId: doc.unitId,
    unitName: doc.unitName,
    propertyCompanyId: doc.propertyCompanyId,
    propertyCompanyName: doc.propertyCompanyName,
    status,
    statusLabel: INVITATION_STATUS_LABELS[status],
    expiresAt: doc.expiresAt.toISOString(),
    createdAt: doc.createdAt.toISOString(),
    invitedBy: doc.invitedBy,
    usedBy: doc.usedBy ? { openid: doc.usedBy, name: doc.usedByName ?? '' } : null,
    usedAt: doc.usedAt ? doc.usedAt.toISOString() : null,
    link,
    qr: withQr && status === 'pending' ? await invitationCode(doc.code) : null,
  };
}

/** What the rules need of a person, with the paths of their units. */
export function targetOf(person: PersonDoc, units: ReadonlyMap<string, OrgUnit>): StaffTarget {
  const unitIds = person.jurisdiction?.unitIds ?? [];
  return {
    openid: person._id,
    roles: person.roles,
    level: person.jurisdiction?.level ?? null,
    unitPaths: unitIds.map((id) => units.get(id)?.path ?? []),
    propertyCompanyId: person.propertyCompanyId ?? null,
    grantedBy: person.staffGrant?.by ?? null,
  };
}

/** A person's current grant as shown (their first unit; several are joined by 、). */
export function personGrant(person: PersonDoc, units: ReadonlyMap<string, OrgUnit>, companies: ReadonlyMap<string, PropertyCompany>): GrantView {
  const role = staffRoleOf(person.roles) ?? 'grid_worker';
  const unitIds = person.jurisdiction?.unitIds ?? [];
  const company = person.propertyCompanyId ? companies.get(person.propertyCompanyId) : undefined;
  return {
    role,
    roleLabel: ROLE_LABELS[role],
    level: person.jurisdiction?.level ?? null,
    unitId: unitIds[0] ?? null,
    unitName: unitIds.length ? unitIds.map((id) => units.get(id)?.name ?? id).join('、') : null,
    propertyCompanyId: person.propertyCompanyId ?? null,
    propertyCompanyName: company?.name ?? person.propertyCompanyId ?? null,
  };
}

export function memberView(caller: Caller, person: PersonDoc, units: ReadonlyMap<string, OrgUnit>, companies: ReadonlyMap<string, PropertyCompany>): StaffMemberView {
  return {
    ...personGrant(person, units, companies),
    openid: person._id,
    name: person.name,
    phone: person.phone ?? null,
    canManage: staffRoleOf(person.roles) !== null && manageRefusal(caller, targetOf(person, units)) === null,
  };
}

export function auditView(doc: AuditDoc): AuditEntryView {
  return {
    id: doc._id,
    kind: doc.kind,
    kindLabel: AUDIT_KIND_LABELS[doc.kind],
    at: doc.at.toISOString(),
    by: doc.by,
    target: doc.target,
    grant: doc.grant,
    previous: doc.previous,
    code: doc.code,
  };
}
