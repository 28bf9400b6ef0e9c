/** The scope of a "who is behind" view: a community, street or district the caller covers (a grid → its community). */
import type { OrgUnit } from '../../../types/org';
import type { Caller } from '../../core/auth/caller';
import { unitInReach } from '../../core/auth/reach';
import { forbidden, invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import { isStaffOf } from './access';

export async function behindScope(caller: Caller, scopeId: string | undefined): Promise<OrgUnit> {
  const unit = await unitInReach(caller, scopeId);
  const scope = unit.level === 'grid' && unit.parentId ? await orgRepo.unit(unit.parentId) : unit;
  if (!scope) throw invalid('scopeId', '请选择社区、街道或区市');
  // Managers only (community staff and the commanders above), as for every volunteer staff view.
  if (!isStaffOf(caller, scope.path)) throw forbidden('该辖区不在您的管理范围内');
  return scope;
}
