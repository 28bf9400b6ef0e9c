/** The caller's 双报到 with this half-year's service, as the app shows it. */
import type { DeclarationView, MyDeclaration } from '../../../types/volunteer.constants';
import type { Caller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import { serviceRecord } from '../domain/record';
import { recordsRepo } from '../repos/records';
import { declarationsRepo, type DeclarationDoc } from '../repos/declarations';
import { settingsRepo } from '../repos/settings';
import { personOf } from './access';

export async function declarationView(doc: DeclarationDoc, now: Date): Promise<DeclarationView> {
  const records = await recordsRepo.ofPerson(doc._id);
  const rules = await settingsRepo.rules(records.map((r) => r.communityId));
  const { halfYear } = serviceRecord(doc.name, records, rules, now).totals;
  return {
    unit: doc.unit,
    community: doc.communityId ? { id: doc.communityId, name: doc.communityName ?? '' } : null,
    declaredAt: doc.declaredAt.toISOString(),
    halfYear: { key: halfYear.key, label: halfYear.label, activities: halfYear.activities, hours: halfYear.hours, done: halfYear.activities > 0 },
  };
}

export async function myDeclarationOf(caller: Caller, now: Date): Promise<MyDeclaration> {
  const [doc, home] = await Promise.all([declarationsRepo.get(personOf(caller).openid), caller.householdBuildingId ? orgRepo.building(caller.householdBuildingId) : null]);
  const community = home ? await orgRepo.unit(home.communityId) : null;
  return {
    declaration: doc ? await declarationView(doc, now) : null,
    homeCommunity: community ? { id: community._id, name: community.name } : null,
  };
}
