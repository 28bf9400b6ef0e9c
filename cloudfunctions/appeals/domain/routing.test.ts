import { effectiveRules, route } from './routing';
import { place } from './fixtures';

describe('routing', () => {
  test('city default: elevator goes to the estate property company', () => {
    const d = route('elevator', place, null);
    expect(d).toMatchObject({ target: 'property', source: 'city', fallback: false, holder: { kind: 'property', id: 'pc1', level: 'grid' } });
    expect(d.note).toBe('按全市默认规则「电梯故障→小区物业公司」流转至安居物业');
  });

  test('enforcement categories go to the street law-enforcement team', () => {
    for (const c of ['illegal_construction', 'green_encroachment', 'renovation_violation'] as const) {
      expect(route(c, place, null).holder).toEqual({ kind: 'enforcement', level: 'street', id: 's1', name: '只楚街道综合执法队' });
    }
  });

  test('grid and community targets', () => {
    expect(route('sanitation', place, null).holder).toEqual({ kind: 'unit', level: 'grid', id: 'g1', name: '幸福里第一网格' });
    expect(route('public_facility', place, null).holder).toEqual({ kind: 'unit', level: 'community', id: 'c1', name: '幸福里社区' });
  });

  test("a community's rule overrides the city default for that category only", () => {
    const rules = { rules: { sanitation: 'property' as const }, fallback: 'grid' as const };
    const d = route('sanitation', place, rules);
    expect(d).toMatchObject({ target: 'property', source: 'community' });
    expect(d.note).toContain('按社区规则');
    expect(route('elevator', place, rules).source).toBe('city');
  });

  test('no property company: the fallback is used and the timeline says why', () => {
    const noPm = { ...place, propertyCompanyId: null, propertyCompanyName: null };
    const d = route('elevator', noPm, null);
    expect(d).toMatchObject({ target: 'community', fallback: true, holder: { kind: 'unit', id: 'c1' } });
    expect(d.note).toBe('幸福里小区暂无物业公司，按全市默认规则兜底流转至幸福里社区');
  });

  test('a fallback that is unavailable ends at the community office', () => {
    const noPm = { ...place, propertyCompanyId: null, propertyCompanyName: null };
    const d = route('elevator', noPm, { rules: {}, fallback: 'property' });
    expect(d).toMatchObject({ target: 'community', fallback: true });
  });

  test('effective rules mark their source', () => {
    const e = effectiveRules({ rules: { other: 'community' }, fallback: 'grid' });
    expect(e.rules.other).toEqual({ target: 'community', source: 'community' });
    expect(e.rules.elevator).toEqual({ target: 'property', source: 'city' });
    expect(e.fallback).toBe('grid');
  });
});
