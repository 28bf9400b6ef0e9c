import { blankResidence, decide, householdKey, mustRevoke, normaliseRoom, request, revoke, type HouseholdRef, type ResidenceDoc } from './residence';

const now = new Date('2026-12-01T02:00:00Z');
const place = { gridId: 'g1', communityId: 'c1', streetId: 's1', districtId: 'd1' };
const h = (room: string): HouseholdRef => ({ buildingId: 'b1', buildingName: '1号楼', estateId: 'e1', room, key: householdKey('b1', room) });
const me = { openid: 'o1', name: '王秀英' };
const worker = { openid: 'w1', name: '张丽' };
const doc = (patch: Partial<ResidenceDoc> = {}): ResidenceDoc => ({ ...blankResidence('o1', '王秀英', null, h('2单元301'), place, now), ...patch });

describe('household keys', () => {
  it('spell one room one way: spaces, full-width characters and case do not make a second household', () => {
    expect(normaliseRoom(' 2单元 ３０１a ')).toBe('2单元301A');
    expect(householdKey('b1', '2单元 301')).toBe(householdKey('b1', '2单元301'));
    expect(householdKey('b1', '301')).not.toBe(householdKey('b2', '301'));
  });
});

describe('residence transitions', () => {
  it('asking again for the same household while pending or verified changes nothing', () => {
    expect(request(doc({ status: 'pending' }), me, h('2单元301'), now)).toBeNull();
    expect(request(doc({ status: 'verified' }), me, h('2单元 301'), now)).toBeNull();
  });

  it('asking after a refusal, a revocation or for another room starts a new pending request', () => {
    for (const d of [doc({ status: 'rejected' }), doc({ status: 'revoked' }), doc({ status: 'verified' })]) {
      const room = d.status === 'verified' ? '3单元101' : '2单元301';
      const next = request(d, me, h(room), now);
      expect(next?.set).toMatchObject({ status: 'pending', decidedBy: null, area: null });
      expect(next?.event).toMatchObject({ kind: 'requested', household: `1号楼${room}` });
    }
  });

  it('approves with an area, refuses only with a reason, and decides only pending requests', () => {
    expect(decide(doc(), worker, true, null, 89.5, now).set).toMatchObject({ status: 'verified', area: 89.5, decidedBy: worker });
    expect(decide(doc(), worker, false, '房号与登记不符', 80, now).set).toMatchObject({ status: 'rejected', reason: '房号与登记不符', area: null });
    expect(() => decide(doc(), worker, false, null, null, now)).toThrow('不通过须填写原因');
    expect(() => decide(doc({ status: 'verified' }), worker, true, null, null, now)).toThrow('已通过');
  });

  it('revokes a verified or pending residence with the reason in the history; nothing else', () => {
    const d = revoke(doc({ status: 'verified' }), worker, '已搬离', now);
    expect(d?.set.status).toBe('revoked');
    expect(d?.event).toMatchObject({ kind: 'revoked', reason: '已搬离', by: worker });
    expect(revoke(doc({ status: 'rejected' }), me, '已搬离', now)).toBeNull();
    expect(() => mustRevoke(doc({ status: 'revoked' }), worker, '更正', now)).toThrow('没有有效的认证');
  });
});
