import { APPEAL_CATEGORIES } from '../../../types/appeals.constants';
import { responsePromise } from './promise';

describe('responsePromise', () => {
  it('promises the slowest response limit of any category, and names the urgent ones with theirs', () => {
    const p = responsePromise();
    expect(p.headline).toBe('有呼必应');
    expect(p.respondHours).toBe(8);
    expect(p.urgent).toEqual({ hours: 1, labels: ['电梯故障', '安全隐患'] });
    expect(p.lines).toEqual(['扫码反映问题，8 个工作小时内必有回应', '电梯故障、安全隐患 1 小时内响应']);
  });

  it('follows the categories’ deadlines (限期办结制) when they change', () => {
    const saved = APPEAL_CATEGORIES.public_facility.respondHours;
    APPEAL_CATEGORIES.public_facility.respondHours = 12;
    try {
      expect(responsePromise().respondHours).toBe(12);
      expect(responsePromise().lines[0]).toContain('12 个工作小时内必有回应');
    } finally {
      APPEAL_CATEGORIES.public_facility.respondHours = saved;
    }
  });
});
