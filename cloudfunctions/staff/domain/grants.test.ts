import type { Subject } from '../../core/auth/jurisdiction';
import { grantRefusal, levelOfRole, manageRefusal, rolesWith, rolesWithoutStaff, type StaffTarget, type UnitRef } from './grants';

const D = 'd-370602';
const community = (id: string, street = 's-xiangyang'): UnitRef => ({ id, level: 'community', path: [D, street, id] });
const grid = (id: string, c = 'c-haian', street = 's-xiangyang'): UnitRef => ({ id, level: 'grid', path: [D, street, c, id] });
const street = (id: string): UnitRef => ({ id, level: 'street', path: [D, id] });

const liu: Subject = { openid: 'liu', roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-haian'] }, propertyCompanyId: null };
const chen: Subject = { openid: 'chen', roles: ['street_commander'], jurisdiction: { level: 'street', unitIds: ['s-xiangyang'] }, propertyCompanyId: null };
const ma: Subject = { openid: 'ma', roles: ['district_commander'], jurisdiction: { level: 'district', unitIds: [D] }, propertyCompanyId: null };
const zhao: Subject = { openid: 'zhao', roles: ['property_staff'], jurisdiction: null, propertyCompanyId: 'pc-anju' };
const zhang: Subject = { openid: 'zhang', roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-1'] }, propertyCompanyId: null };

const org = (role: 'grid_worker' | 'community_staff' | 'street_commander' | 'district_commander', unit: UnitRef) => ({ role, unit, propertyCompanyId: null });

describe('who may grant what', () => {
  it('maps roles to levels', () => {
    expect(levelOfRole('grid_worker')).toBe('grid');
    expect(levelOfRole('district_commander')).toBe('district');
    expect(levelOfRole('property_staff')).toBeNull();
  });

  it('lets a community worker invite grid workers and peers in their own community only', () => {
    expect(grantRefusal(liu, org('grid_worker', grid('g-haian-2')))).toBeNull();
    expect(grantRefusal(liu, org('community_staff', community('c-haian')))).toBeNull();
    expect(grantRefusal(liu, org('grid_worker', grid('g-shengli-1', 'c-shengli')))).toBe('该单位不在您的辖区内');
    expect(grantRefusal(liu, org('community_staff', community('c-shengli')))).toBe('该单位不在您的辖区内');
    expect(grantRefusal(liu, org('street_commander', street('s-xiangyang')))).toBe('只能邀请本级或下级的工作人员');
  });

  it('wants the unit at the role’s level', () => {
    expect(grantRefusal(chen, org('grid_worker', community('c-haian')))).toBe('所选单位与角色的层级不符');
    expect(grantRefusal(chen, { role: 'grid_worker', unit: null, propertyCompanyId: null })).toBe('请选择单位');
    expect(grantRefusal(chen, org('community_staff', community('c-yuhuang', 's-dongshan')))).toBe('该单位不在您的辖区内');
    expect(grantRefusal(ma, org('street_commander', street('s-dongshan')))).toBeNull();
  });

  it('lets property staff invite their own company only, and the district start any', () => {
    expect(grantRefusal(zhao, { role: 'property_staff', unit: null, propertyCompanyId: 'pc-anju' })).toBeNull();
    expect(grantRefusal(zhao, { role: 'property_staff', unit: null, propertyCompanyId: 'pc-huamei' })).toBe('只能邀请本公司的物业人员');
    expect(grantRefusal(zhao, org('grid_worker', grid('g-haian-1')))).not.toBeNull();
    expect(grantRefusal(liu, { role: 'property_staff', unit: null, propertyCompanyId: 'pc-anju' })).toBe('只能邀请本公司的物业人员');
    expect(grantRefusal(ma, { role: 'property_staff', unit: null, propertyCompanyId: 'pc-huamei' })).toBeNull();
  });

  it('gives nothing to someone who no longer holds a staff role', () => {
    const former: Subject = { ...liu, roles: ['resident'] };
    expect(grantRefusal(former, org('grid_worker', grid('g-haian-1')))).not.toBeNull();
  });
});

describe('who may change whom', () => {
  const worker = (unit: UnitRef, extra: Partial<StaffTarget> = {}): StaffTarget => ({
    openid: 'w',
    roles: ['grid_worker'],
    level: unit.level,
    unitPaths: [unit.path],
    propertyCompanyId: null,
    grantedBy: null,
    ...extra,
  });

  it('needs the person strictly below and in reach', () => {
    expect(manageRefusal(liu, worker(grid('g-haian-1')))).toBeNull();
    expect(manageRefusal(liu, worker(grid('g-shengli-1', 'c-shengli')))).toBe('该人员不在您的辖区内');
    expect(manageRefusal(liu, { ...worker(community('c-haian')), roles: ['community_staff'] })).toBe('只能调整下级工作人员');
    expect(manageRefusal(chen, { ...worker(community('c-haian')), roles: ['community_staff'] })).toBeNull();
    expect(manageRefusal(zhang, worker(grid('g-haian-1')))).toBe('只能调整下级工作人员');
    expect(manageRefusal(liu, { ...worker(grid('g-haian-1')), openid: 'liu' })).toBe('不能调整自己的权限');
    expect(manageRefusal(liu, { ...worker(grid('g-haian-1')), roles: ['resident'] })).toBe('该用户不是工作人员');
  });

  it('lets property staff change only those they invited, the district any', () => {
    const pm: StaffTarget = { openid: 'p', roles: ['property_staff'], level: null, unitPaths: [], propertyCompanyId: 'pc-anju', grantedBy: 'zhao' };
    expect(manageRefusal(zhao, pm)).toBeNull();
    expect(manageRefusal(zhao, { ...pm, grantedBy: 'other' })).toBe('只能调整您邀请的本公司物业人员');
    expect(manageRefusal(zhao, { ...pm, propertyCompanyId: 'pc-huamei' })).not.toBeNull();
    expect(manageRefusal(ma, { ...pm, grantedBy: null })).toBeNull();
    expect(manageRefusal(liu, pm)).not.toBeNull();
  });
});

describe('roles after a grant or a revoke', () => {
  it('keeps 居民/志愿者 and replaces the staff role', () => {
    expect(rolesWith(['resident', 'volunteer'], 'grid_worker')).toEqual(['resident', 'volunteer', 'grid_worker']);
    expect(rolesWith(['community_staff'], 'grid_worker')).toEqual(['grid_worker']);
    expect(rolesWith([], 'property_staff')).toEqual(['property_staff']);
    expect(rolesWithoutStaff(['resident', 'volunteer', 'grid_worker'])).toEqual(['resident', 'volunteer']);
    expect(rolesWithoutStaff(['grid_worker'])).toEqual(['resident']);
  });
});
