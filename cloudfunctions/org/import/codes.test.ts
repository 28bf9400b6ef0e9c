import { BUILDING_CODE_PATTERN } from '../../../types/org.constants';
import { buildingCode, codeAllocator, parseBuildingCode, SCENE_MAX, sceneOf } from './codes';

describe('building codes', () => {
  it('are the division code, B and the sequence, and fit the WeChat scene', () => {
    expect(buildingCode('370602', 1)).toBe('370602B0001');
    expect(buildingCode('370602', 12345)).toBe('370602B12345');
    const longest = buildingCode('370602', 9_999_999_999);
    expect(sceneOf(longest).length).toBeLessThanOrEqual(SCENE_MAX);
    expect(BUILDING_CODE_PATTERN.test(longest)).toBe(true);
    expect(() => buildingCode('370602', 0)).toThrow(RangeError);
    expect(parseBuildingCode('370602B0072')).toEqual({ divisionCode: '370602', sequence: 72 });
    expect(parseBuildingCode('hello')).toBeNull();
  });

  it('continue after the highest number the district used, numerically, ignoring other districts', () => {
    const next = codeAllocator('370602', ['370602B0072', '370602B9999', '370602B10000', '370611B50000', 'junk']);
    expect([next(), next()]).toEqual(['370602B10001', '370602B10002']);
    expect(codeAllocator('370613', [])()).toBe('370613B0001');
  });
});
