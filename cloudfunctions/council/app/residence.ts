/** The caller's verified household, as the council reads it from the users module's 住户认证. */
import { residencesRepo } from '../../users/repos/residences';
import type { ResidenceDoc } from '../../users/domain/residence';
import { forbidden } from '../../core/errors';
import { REFUSALS, refusal, SCOPE_FIELD } from '../domain/eligibility';
import type { Household, MatterDoc, Scope } from '../domain/model';
import type { RollHousehold } from '../domain/roll';
import { householdId } from './ids';

export const residenceOf = (openid: string) => residencesRepo.get(openid);

export const householdOf = (r: ResidenceDoc): Household => ({ id: householdId(r.householdKey), buildingId: r.buildingId, area: r.area });

/** The caller's household if it may take part in the matter; FORBIDDEN in words otherwise. */
export function eligibleHousehold(r: ResidenceDoc | null, scope: Scope): Household {
  const why = refusal(r, scope);
  if (why || !r) throw forbidden(REFUSALS[why ?? 'unverified']);
  return householdOf(r);
}

/** Every verified household in the matter's scope now, with its verified residents: a roll to fix. */
export async function householdsInScope(matter: Pick<MatterDoc, 'scope'>): Promise<RollHousehold[]> {
  const rows = await residencesRepo.verifiedHouseholds(SCOPE_FIELD[matter.scope.kind], matter.scope.id);
  return rows.map((h) => ({ id: householdId(h.key), buildingId: h.buildingId, area: h.area, residents: h.openids }));
}
