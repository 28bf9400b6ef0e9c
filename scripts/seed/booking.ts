/**
 * 不打烊服务 demo data: every demo community's booking settings — a catalogue of common services with
 * their 材料清单, two windows, office hours with weekday-evening 延时 (18:00–20:00) and Saturday-morning
 * 错时 sessions, and a weekly duty roster (海岸社区: 刘洋 with the grid workers 张丽 and 周强; elsewhere
 * each community's grid workers). Holidays and 调休 come from the work calendar, not from here.
 */
import { DEFAULT_BOOKING_RULES } from '../../types/booking.constants';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import { blankSettings, type Person, type Roster, type ServiceDef, type SettingsDoc } from '../../cloudfunctions/booking/domain/model';
import { orgSeed } from './org';

const WINDOWS = [
  { id: 'w1', name: '1号窗口（综合受理）' },
  { id: 'w2', name: '2号窗口（社保民政）' },
];

const SESSIONS: SettingsDoc['sessions'] = [
  { id: 'am', name: '上午', kind: 'regular', days: 'workday', weekdays: [], start: '09:00', end: '12:00', windowIds: ['w1', 'w2'] },
  { id: 'pm', name: '下午', kind: 'regular', days: 'workday', weekdays: [], start: '13:30', end: '17:30', windowIds: ['w1', 'w2'] },
  { id: 'evening', name: '工作日晚间', kind: 'extended', days: 'workday', weekdays: [1, 2, 3, 4, 5], start: '18:00', end: '20:00', windowIds: ['w1'] },
  { id: 'saturday', name: '周六上午', kind: 'staggered', days: 'restday', weekdays: [6], start: '09:00', end: '12:00', windowIds: ['w1'] },
];

/** The catalogue (ids per community, so a service of one community is not another's). */
function catalogue(community: string): ServiceDef[] {
  const s = (key: string, name: string, description: string, materials: string[], minutes: number, windowIds: string[], homeVisit = false): ServiceDef => ({
    id: `sv-${community.replace(/^c-/, '')}-${key}`,
    name,
    description,
    materials,
    minutes,
    windowIds,
    homeVisit,
    active: true,
  });
  return [
    s('proof', '证明开具', '开具居民需要社区出具的各类证明', ['本人身份证原件', '户口簿或居住证', '需证明事项的相关材料'], 15, ['w1']),
    s('residence', '居住证明', '为在本社区实际居住的居民开具居住证明', ['本人身份证原件', '房产证或房屋租赁合同', '近三个月水电费缴费凭证'], 15, ['w1']),
    s('senior', '老年优待证', '为年满60周岁的老年人办理老年优待证', ['本人身份证原件及复印件', '近期一寸免冠彩色照片1张'], 15, ['w1'], true),
    s('pension', '社保认证', '养老金领取资格认证，行动不便的老人可预约上门', ['本人身份证原件', '社会保障卡'], 15, ['w2'], true),
    s('disability', '残疾人服务', '残疾人证申领、换领及两项补贴申请', ['本人身份证原件', '户口簿', '近期二寸免冠彩色照片2张', '残疾人证（换领、补贴申请时）'], 30, ['w2'], true),
    s('family', '计生服务', '生育登记、独生子女父母光荣证等计生服务', ['夫妻双方身份证', '结婚证', '户口簿'], 15, ['w2']),
    s('insurance', '城乡居民医保参保', '城乡居民基本医疗保险参保登记与缴费咨询', ['本人身份证原件', '户口簿'], 15, ['w2']),
    s('aid', '社会救助申请', '最低生活保障、临时救助等申请受理', ['申请人及家庭成员身份证、户口簿', '家庭收入证明', '本人银行卡'], 30, ['w2']),
  ];
}

/** Weekday evenings by turns, Saturdays by turns of the rest. */
function rosterOf(evening: Person[], saturday: Person[]): Roster {
  const pattern: Roster['pattern'] = [];
  [1, 2, 3, 4, 5].forEach((weekday, i) => pattern.push({ sessionId: 'evening', weekday, staff: evening[i % evening.length] }));
  for (const staff of saturday) pattern.push({ sessionId: 'saturday', weekday: 6, staff });
  return { pattern, days: [] };
}

export function bookingSeed(now = new Date()): SettingsDoc[] {
  const org = orgSeed(now);
  const name = (id: string) => org.users.find((u) => u._id === id)?.name ?? id;
  const person = (id: string): Person => ({ openid: id, name: name(id) });
  return org.units
    .filter((u) => u.level === 'community')
    .map((community) => {
      const short = community._id.replace(/^c-/, '');
      // 海岸社区's grid workers are the demo personas; elsewhere the seeded staff of each grid.
      const [g1, g2] = short === 'haian' ? ['demo-grid-worker', 'demo-grid-worker-2'] : [`staff-g-${short}-1`, `staff-g-${short}-2`];
      const roster =
        short === 'haian'
          ? rosterOf([person('demo-community-staff'), person(g1), person('demo-community-staff'), person(g1), person('demo-community-staff')], [person('demo-community-staff'), person(g2)])
          : rosterOf([person(g1), person(g2)], [person(g1)]);
      return {
        ...blankSettings(community._id),
        windows: WINDOWS,
        sessions: SESSIONS,
        closures: [],
        services: catalogue(community._id),
        rules: { ...DEFAULT_BOOKING_RULES },
        roster,
        updatedAt: now,
        updatedBy: { openid: 'seed', name: '系统初始化' },
        version: 1,
      };
    });
}

/** Writes each community's settings unless it has some already; running it again changes nothing. */
export async function seedBooking(db: Database): Promise<void> {
  for (const doc of bookingSeed()) {
    const { _id, ...body } = doc;
    const { data } = await db.collection('bookingSettings').where({ _id }).limit(1).get();
    if (data.length === 0) await db.collection('bookingSettings').doc(_id).set(body);
  }
}
