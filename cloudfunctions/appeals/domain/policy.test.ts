import { actors, appeal } from './fixtures';
import { canDo, canHandleHolder, rightsFor, viewerOf } from './policy';

const prop = () => appeal({ category: 'elevator', holder: { kind: 'property', level: 'grid', id: 'pc1', name: '安居物业' }, holderKey: 'property:pc1', propertyCompanyId: 'pc1' });

describe('who sees an appeal', () => {
  test('the resident sees their own; another resident does not, unless following', () => {
    expect(viewerOf(actors.resident, appeal())).toBe('owner');
    expect(viewerOf(actors.other, appeal())).toBeNull();
    expect(viewerOf(actors.other, appeal({ followers: ['r2'] }))).toBe('follower');
  });

  test('staff see appeals in their jurisdiction at every level, and not elsewhere', () => {
    for (const a of [actors.grid, actors.community, actors.street, actors.district]) expect(viewerOf(a, appeal())).toBe('staff');
    expect(viewerOf(actors.grid2, appeal())).toBeNull();
    expect(viewerOf(actors.otherCommunity, appeal())).toBeNull();
  });

  test('a grid worker sees an appeal transferred to their grid', () => {
    const a = appeal({ holder: { kind: 'unit', level: 'grid', id: 'g2', name: '第二网格' }, holderKey: 'unit:g2' });
    expect(viewerOf(actors.grid2, a)).toBe('staff');
  });

  test('a property company sees only its property appeals', () => {
    expect(viewerOf(actors.property, prop())).toBe('staff');
    expect(viewerOf(actors.otherProperty, prop())).toBeNull();
    expect(viewerOf(actors.property, appeal())).toBeNull();
  });

  test('staff who worked on it keep seeing it after handing it on', () => {
    const a = appeal({ timeline: [{ at: new Date(), kind: 'escalated', actor: { kind: 'staff', openid: 'gw2', name: '赵网格' }, text: null, photos: [], meta: null }] });
    expect(viewerOf(actors.grid2, a)).toBe('staff');
  });

  test('the first responder keeps seeing it after it left their jurisdiction', () => {
    const a = appeal({ firstResponder: { openid: 'gw2', name: '赵网格' } });
    expect(viewerOf(actors.grid2, a)).toBe('staff');
  });

  test('a follower sees it only while their bound household is at its building', () => {
    expect(viewerOf(actors.farAway, appeal({ followers: ['r3'] }))).toBeNull();
    const movedAway = { ...actors.other, householdBuildingId: 'b-elsewhere' };
    expect(viewerOf(movedAway, appeal({ followers: ['r2'] }))).toBeNull();
  });

  test('someone who is no longer staff loses staff access to everything they once held or touched', () => {
    const retired = { ...actors.grid2, roles: ['resident' as const] };
    const worked = appeal({
      handler: { openid: 'gw2', name: '赵网格' },
      firstResponder: { openid: 'gw2', name: '赵网格' },
      timeline: [{ at: new Date(), kind: 'escalated', actor: { kind: 'staff', openid: 'gw2', name: '赵网格' }, text: null, photos: [], meta: null }],
    });
    expect(viewerOf(actors.grid2, worked)).toBe('staff');
    expect(viewerOf(retired, worked)).toBeNull();
    expect(rightsFor('reply', retired, { ...worked, status: 'processing' })?.code).toBe('FORBIDDEN');
    // A left-over jurisdiction without the role covers nothing either.
    const exGrid = { ...actors.grid, roles: ['resident' as const] };
    expect(viewerOf(exGrid, appeal())).toBeNull();
    expect(canHandleHolder(exGrid, appeal())).toBe(false);
  });
});

describe('following (我也遇到了)', () => {
  test('only a neighbour bound to the building may follow, never the filer', () => {
    expect(rightsFor('follow', actors.other, appeal())).toBeNull();
    expect(rightsFor('follow', actors.farAway, appeal())?.code).toBe('FORBIDDEN');
    expect(rightsFor('follow', actors.resident, appeal())?.code).toBe('FORBIDDEN');
  });
});

describe('who may act', () => {
  test('a unit holder can be handled by that unit and any unit above, not by a sibling', () => {
    expect(canHandleHolder(actors.grid, appeal())).toBe(true);
    expect(canHandleHolder(actors.community, appeal())).toBe(true);
    expect(canHandleHolder(actors.district, appeal())).toBe(true);
    expect(canHandleHolder(actors.grid2, appeal())).toBe(false);
    const atCommunity = appeal({ level: 'community', holder: { kind: 'unit', level: 'community', id: 'c1', name: '社区' }, holderKey: 'unit:c1' });
    expect(canHandleHolder(actors.grid, atCommunity)).toBe(false);
    expect(canHandleHolder(actors.street, atCommunity)).toBe(true);
  });

  test('only the property company handles a property holder; the community presses it', () => {
    expect(canHandleHolder(actors.property, prop())).toBe(true);
    expect(canHandleHolder(actors.community, prop())).toBe(false);
    expect(rightsFor('claim', actors.community, prop())?.code).toBe('FORBIDDEN');
    expect(rightsFor('press', actors.community, prop())).toBeNull();
    expect(rightsFor('press', actors.property, prop())?.code).toBe('FORBIDDEN');
  });

  test('enforcement is handled at the street', () => {
    const a = appeal({ level: 'street', holder: { kind: 'enforcement', level: 'street', id: 's1', name: '执法队' }, holderKey: 'enforcement:s1' });
    expect(canHandleHolder(actors.street, a)).toBe(true);
    expect(canHandleHolder(actors.community, a)).toBe(false);
  });

  test('press needs a higher level than the holder', () => {
    expect(rightsFor('press', actors.community, appeal())).toBeNull();
    const atCommunity = appeal({ level: 'community', holder: { kind: 'unit', level: 'community', id: 'c1', name: '社区' }, holderKey: 'unit:c1' });
    expect(rightsFor('press', actors.community, atCommunity)?.message).toBe('只能督办下级或物业承办的诉求');
    expect(rightsFor('press', actors.street, atCommunity)).toBeNull();
  });

  test('only the owner rates; the owner cannot follow their own', () => {
    expect(rightsFor('rate', actors.other, appeal())?.code).toBe('FORBIDDEN');
    expect(rightsFor('follow', actors.resident, appeal())?.code).toBe('FORBIDDEN');
  });

  test('can: what the detail page offers', () => {
    const grid = { openid: 'gw1', name: '张网格' };
    expect(canDo('claim', actors.grid, appeal())).toBe(true);
    expect(canDo('reply', actors.grid, appeal())).toBe(false);
    const processing = appeal({ status: 'processing', handler: grid, firstResponder: grid });
    expect(canDo('resolve', actors.grid, processing)).toBe(true);
    expect(canDo('resolve', actors.community, processing)).toBe(false);
    expect(canDo('claim', actors.community, processing)).toBe(false);
    expect(canDo('rate', actors.resident, appeal({ status: 'resolved' }))).toBe(true);
    expect(canDo('follow', actors.other, appeal())).toBe(true);
    expect(canDo('follow', actors.other, appeal({ followers: ['r2'] }))).toBe(false);
  });
});
