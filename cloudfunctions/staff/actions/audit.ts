import type { staffContract } from '../../../types/staff';
import { mapPage } from '../../../types/paging';
import { coveredUnits, hasAnyRole, isOrgStaff } from '../../core/auth/jurisdiction';
import type { Handler } from '../../core/router';
import { auditView } from '../app/views';
import { auditRepo } from '../repos/audit';

/** 变更记录 of everything beneath the caller's units (and of the property companies they oversee). */
export const audit: Handler<typeof staffContract.audit> = async ({ page, pageSize }, { caller }) => {
  const district = hasAnyRole(caller, ['district_commander']) && isOrgStaff(caller);
  const ownCompany = caller.roles.includes('property_staff') && caller.propertyCompanyId ? [caller.propertyCompanyId] : [];
  const entries = await auditRepo.list({ unitIds: coveredUnits(caller), propertyCompanyIds: district ? 'all' : ownCompany }, { page, pageSize });
  return mapPage(entries, auditView);
};
