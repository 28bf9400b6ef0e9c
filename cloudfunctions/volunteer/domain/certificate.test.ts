import type { RecordItem } from '../../../types/volunteer.constants';
import { certificateFigures, CODE_ALPHABET, codeOf } from './certificate';
import { halfYearRange, halfYearReminderDue } from './hours';

const item = (id: string, start: string, hours: number): RecordItem => ({
  activityId: id,
  title: id,
  type: 'help',
  typeLabel: '邻里帮',
  teamName: '邻里互助服务队',
  communityName: '海岸社区',
  start,
  end: start,
  checkInAt: start,
  checkOutAt: start,
  hours,
  corrected: false,
  upcoming: null,
});

describe('certificateFigures', () => {
  const items = [
    item('a', '2026-03-01T01:00:00Z', 2),
    item('b', '2026-06-30T16:30:00Z', 1.5), // 1 July in Shanghai
    item('c', '2026-09-10T01:00:00Z', 0),
    item('d', '2026-11-01T01:00:00Z', 3),
  ];
  it('sums the served activities of the period by Shanghai day, most recent first', () => {
    const all = certificateFigures(items, undefined, undefined);
    expect(all).toMatchObject({ from: '2026-03-01', to: '2026-11-01', hours: 6.5, activities: 3 });
    expect(all.services.map((s) => s.title)).toEqual(['d', 'b', 'a']);
    const second = certificateFigures(items, '2026-07-01', '2026-12-31');
    expect(second).toMatchObject({ from: '2026-07-01', to: '2026-12-31', hours: 4.5, activities: 2 });
  });
});

describe('codeOf', () => {
  it('makes 16 symbols of the unambiguous alphabet', () => {
    const code = codeOf(new Uint8Array(Array.from({ length: 16 }, (_, i) => i * 17)));
    expect(code).toHaveLength(16);
    for (const c of code) expect(CODE_ALPHABET).toContain(c);
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });
});

describe('halfYearRange', () => {
  it('runs from 1 January or 1 July, Shanghai midnight', () => {
    expect(halfYearRange('2026H1')).toEqual({ from: new Date('2025-12-31T16:00:00Z'), until: new Date('2026-06-30T16:00:00Z') });
    expect(halfYearRange('2026H2')).toEqual({ from: new Date('2026-06-30T16:00:00Z'), until: new Date('2026-12-31T16:00:00Z') });
  });
});

describe('halfYearReminderDue', () => {
  it('is due in the last 30 days of a half-year (Shanghai), naming its last day', () => {
    expect(halfYearReminderDue(new Date('2026-12-01T16:00:00Z'))).toEqual({ half: '2026H2', lastDay: '2026-12-31' });
    expect(halfYearReminderDue(new Date('2026-11-30T15:59:00Z'))).toBeNull();
    expect(halfYearReminderDue(new Date('2026-06-15T00:00:00+08:00'))).toEqual({ half: '2026H1', lastDay: '2026-06-30' });
    expect(halfYearReminderDue(new Date('2026-07-01T00:00:00+08:00'))).toBeNull();
  });
});
