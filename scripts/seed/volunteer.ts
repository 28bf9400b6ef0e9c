/**
 * 志愿服务 demo data: volunteer teams for every demo community (海岸社区: ten, led by residents and the
 * 双报到 volunteer 李建国), upcoming activities at 海岸社区 over the coming days (ids `va-haian-<n>`),
 * and two past ones 李建国 served at, so his service record has hours.
 */
import { randomInt } from 'node:crypto';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import type { JoinPolicy } from '../../types/volunteer.constants';
import type { ActivityDoc, MemberDoc, RecordDoc, TeamDoc } from '../../cloudfunctions/volunteer/domain/model';
import { orgSeed } from './org';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const HAIAN_TEAMS: Array<[string, string, JoinPolicy, string, string]> = [
  ['dangyuan', '党员先锋服务队', 'approval', '双报到党员组成，承担急难险重志愿任务', 'demo-volunteer'],
  ['gongyi', '公益慈善服务队', 'open', '爱心捐赠、助学助困、慈善义卖', 'demo-resident-2'],
  ['tiaojie', '矛盾调处服务队', 'approval', '邻里纠纷调解、法律政策宣讲', 'demo-volunteer'],
  ['huzhu', '邻里互助服务队', 'open', '帮买代办、陪诊陪聊、互帮互助', 'demo-resident'],
  ['xunluo', '平安巡逻服务队', 'open', '楼院夜间巡逻、安全隐患排查', 'demo-volunteer'],
  ['zhulao', '助老关爱服务队', 'open', '空巢独居老人探访、助餐助洁', 'demo-resident-2'],
  ['huanbao', '环境保护服务队', 'open', '垃圾分类引导、楼道清理、绿化养护', 'demo-resident'],
  ['wenhua', '文化宣传服务队', 'open', '文艺演出、政策宣传、社区读书会', 'demo-resident-2'],
  ['yiliao', '健康义诊服务队', 'approval', '义诊咨询、健康讲座、急救培训', 'demo-resident'],
  ['qingshao', '青少年成长服务队', 'open', '四点半课堂、假期托管、安全教育', 'demo-resident-2'],
];

const OTHER_TEAMS: Array<[string, string, JoinPolicy, string]> = [
  ['gongyi', '公益慈善服务队', 'open', '爱心捐赠、助学助困'],
  ['tiaojie', '矛盾调处服务队', 'approval', '邻里纠纷调解'],
  ['huzhu', '邻里互助服务队', 'open', '帮买代办、互帮互助'],
];

/** Midnight of the Shanghai day `days` from now, plus `hour` hours. */
function at(now: Date, days: number, hour: number): Date {
  const today = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  return new Date(Date.parse(`${today}T00:00:00+08:00`) + days * DAY + hour * HOUR);
}

const code = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export function volunteerSeed(now = new Date()) {
  const org = orgSeed(now);
  const name = (id: string) => org.users.find((u) => u._id === id)?.name ?? id;
  const communities = org.units.filter((u) => u.level === 'community');
  const teams: TeamDoc[] = [];
  for (const c of communities) {
    const short = c._id.replace(/^c-/, '');
    if (short === 'haian') {
      HAIAN_TEAMS.forEach(([key, teamName, joinPolicy, intro, leader], i) =>
        teams.push({ _id: `vt-haian-${key}`, communityId: c._id, name: teamName, intro, joinPolicy, leader: { openid: leader, name: name(leader) }, order: i + 1, createdAt: now }),
      );
    } else {
      OTHER_TEAMS.forEach(([key, teamName, joinPolicy, intro], i) =>
        teams.push({ _id: `vt-${short}-${key}`, communityId: c._id, name: teamName, intro, joinPolicy, leader: { openid: `staff-g-${short}-1`, name: name(`staff-g-${short}-1`) }, order: i + 1, createdAt: now }),
      );
    }
  }
  const haian = communities.find((c) => c._id === 'c-haian')!;
  const team = (key: string) => teams.find((t) => t._id === `vt-haian-${key}`)!;
  const volunteer = { openid: 'demo-volunteer', name: name('demo-volunteer') };
  const activity = (id: string, key: string, title: string, type: ActivityDoc['type'], place: string, start: Date, hours: number, capacity: number, requirements: ActivityDoc['requirements'], description: string): ActivityDoc => ({
    _id: id,
    communityId: haian._id,
    communityName: haian.name,
    communityPath: haian.path,
    teamId: team(key)._id,
    teamName: team(key).name,
    leaderOpenid: team(key).leader.openid,
    title,
    type,
    description,
    place,
    start,
    end: new Date(start.getTime() + hours * HOUR),
    capacity,
    requirements,
    status: 'published',
    cancelReason: null,
    code: code(),
    seated: [],
    waiting: [],
    left: [],
    seatedCount: 0,
    waitingCount: 0,
    remindAt: start > now ? new Date(start.getTime() - 2 * HOUR) : null,
    createdBy: { openid: 'demo-community-staff', name: name('demo-community-staff') },
    createdAt: now,
    version: 1,
    effects: [],
    effectsPending: false,
  });
  const activities: ActivityDoc[] = [
    activity('va-haian-1', 'xunluo', '海岸花园夜间安全巡逻', 'safety', '海岸花园东门岗亭', at(now, 1, 19), 2, 6, ['adult'], '沿小区主干道及楼院巡逻，检查消防通道和电动车充电情况。'),
    activity('va-haian-2', 'zhulao', '独居老人入户探访', 'care', '海岸社区党群服务中心', at(now, 2, 9), 3, 8, [], '两人一组探访辖区独居老人，了解生活需求，登记帮扶事项。'),
    activity('va-haian-3', 'huzhu', '便民维修进楼院', 'help', '渔港新村3号楼前广场', at(now, 3, 14), 3, 10, [], '为居民免费维修小家电、磨剪刀、修自行车。'),
    activity('va-haian-4', 'tiaojie', '邻里矛盾调解接待日', 'harmony', '海岸社区调解室', at(now, 4, 9), 3, 3, ['party_member', 'adult'], '接待居民来访，调解邻里纠纷，做好调解记录。'),
    activity('va-haian-5', 'huanbao', '垃圾分类桶前值守', 'help', '海岸花园各分类投放点', at(now, 5, 7), 2, 12, [], '早高峰在投放点引导居民正确分类投放。'),
    activity('va-haian-6', 'dangyuan', '党员先锋楼道清理', 'help', '海岸花园1-5号楼', at(now, 6, 14), 3, 15, ['party_member'], '清理楼道杂物，张贴消防安全提示。'),
  ];
  // Two past activities 李建国 served at: his record has hours this half-year.
  const past = [
    activity('va-haian-past-1', 'xunluo', '国庆平安巡逻', 'safety', '海岸花园东门岗亭', at(now, -20, 19), 2, 6, ['adult'], '节日期间小区巡逻。'),
    activity('va-haian-past-2', 'tiaojie', '邻里调解接待日', 'harmony', '海岸社区调解室', at(now, -9, 9), 3, 3, ['party_member'], '接待居民来访，调解纠纷。'),
  ].map((a) => ({ ...a, seated: [{ ...volunteer, requestId: `seed-${a._id}`, at: new Date(a.start.getTime() - 3 * DAY) }], seatedCount: 1, remindAt: null }));
  const records: RecordDoc[] = past.map((a, i) => {
    const checkInAt = new Date(a.start.getTime() - 10 * 60_000);
    const checkOutAt = new Date(a.end.getTime() - (i === 0 ? 0 : 40) * 60_000);
    return {
      _id: `${a._id}_${volunteer.openid}`,
      activityId: a._id,
      communityId: a.communityId,
      communityPath: a.communityPath,
      openid: volunteer.openid,
      name: volunteer.name,
      activity: { title: a.title, type: a.type, teamName: a.teamName, communityName: a.communityName, start: a.start, end: a.end },
      start: a.start,
      checkInAt,
      checkOutAt,
      corrected: false,
      history: [
        { at: checkInAt, kind: 'check_in', by: volunteer, reason: null, checkInAt, checkOutAt: null },
        { at: checkOutAt, kind: 'check_out', by: volunteer, reason: null, checkInAt: null, checkOutAt },
      ],
      createdAt: a.start,
      version: 3,
      effects: [],
      effectsPending: false,
    };
  });
  const members: MemberDoc[] = ['dangyuan', 'tiaojie', 'xunluo'].map((key) => ({
    _id: `vt-haian-${key}_${volunteer.openid}`,
    teamId: `vt-haian-${key}`,
    communityId: haian._id,
    openid: volunteer.openid,
    name: volunteer.name,
    status: 'active',
    at: now,
    reviewedBy: null,
  }));
  return { teams, activities: [...activities, ...past], records, members };
}

/** Seeds once: a second run finds the teams and leaves everything as it is. */
export async function seedVolunteer(db: Database): Promise<void> {
  const { total } = await db.collection('volunteerTeams').count();
  if (total > 0) return;
  const data = volunteerSeed();
  await db.collection('volunteerActivities').add(data.activities);
  await db.collection('volunteerRecords').add(data.records);
  await db.collection('volunteerMembers').add(data.members);
  // The teams last: their presence marks a finished seed.
  await db.collection('volunteerTeams').add(data.teams);
}
