/**
 * 志愿服务 demo data: volunteer teams for every demo community (海岸社区: ten, led by residents and the
 * 双报到 volunteer 李建国), upcoming activities at 海岸社区 over the coming days (ids `va-haian-<n>`),
 * and two past ones 李建国 served at, so his service record has hours.
 */
import { randomInt } from 'node:crypto';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import type { JoinPolicy } from '../../types/volunteer.constants';
import type { ActivityDoc, MemberDoc, ProjectDoc, RecordDoc, TeamDoc, UnitDoc } from '../../cloudfunctions/volunteer/domain/model';
import type { DeclarationDoc } from '../../cloudfunctions/volunteer/repos/declarations';
import { periodsOf } from '../../cloudfunctions/volunteer/domain/hours';
import { countedInOf } from '../../cloudfunctions/volunteer/domain/units';
import { unitIdOf } from '../../cloudfunctions/volunteer/actions/registerUnit';
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
  const shengli = communities.find((c) => c._id === 'c-shengli')!;
  // 报到单位: three at 海岸社区 (the first runs 党员先锋服务队 as its 党员志愿服务队), two at 胜利路社区.
  const staff = { openid: 'demo-community-staff', name: name('demo-community-staff') };
  const unit = (c: typeof haian, unitName: string, contact: string, phone: string): UnitDoc => ({
    _id: unitIdOf(c._id, unitName),
    communityId: c._id,
    communityName: c.name,
    communityPath: c.path,
    name: unitName,
    contact,
    phone,
    createdBy: staff,
    createdAt: now,
  });
  const units: UnitDoc[] = [
    unit(haian, '芝罘区税务局', '孙立新', '0535-6661201'),
    unit(haian, '烟台港客运站', '王海峰', '0535-6662302'),
    unit(haian, '芝罘区人民医院', '林静', '0535-6663403'),
    unit(shengli, '芝罘区市场监管局', '赵宏', '0535-6664504'),
    unit(shengli, '胜利路小学', '高敏', '0535-6665605'),
  ];
  const tax = units[0];
  const dangyuan = teams.find((t) => t._id === 'vt-haian-dangyuan')!;
  dangyuan.unit = { id: tax._id, name: tax.name };
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
    unitId: team(key).unit?.id ?? null,
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
  // 双报到: 李建国 through 芝罘区税务局 and where he lives; four more members who have not served this half-year.
  const served = records.map((r) => periodsOf(r.start).half).sort().pop() ?? null;
  const declaration = (openid: string, who: string, u: UnitDoc | null, home: typeof haian | null, servedHalf: string | null): DeclarationDoc => {
    return {
      _id: openid,
      name: who,
      unit: u?.name ?? null,
      unitId: u?._id ?? null,
      communityId: home?._id ?? null,
      communityName: home?.name ?? null,
      ...countedInOf(home ?? (u ? communities.find((c) => c._id === u.communityId)! : null)),
      servedHalf,
      declaredAt: new Date(now.getTime() - 60 * DAY),
      updatedAt: new Date(now.getTime() - 60 * DAY),
    };
  };
  const declarations: DeclarationDoc[] = [
    declaration(volunteer.openid, volunteer.name, tax, haian, served),
    declaration('party-haian-1', '于建华', tax, null, null),
    declaration('party-haian-2', '曲晓燕', units[1], haian, null),
    declaration('party-haian-3', '姜涛', units[2], null, null),
    declaration('party-shengli-1', '刘红梅', units[3], shengli, null),
  ];
  // 项目化服务: this year's commitments at 海岸社区, three of them claimed by 芝罘区税务局.
  const year = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 4);
  const project = (n: number, content: string, owner: string, dueDay: string, u: UnitDoc | null, note: string | null): ProjectDoc => ({
    _id: `vp-haian-${n}`,
    communityId: haian._id,
    communityPath: haian.path,
    year,
    content,
    owner,
    dueDay: `${year}-${dueDay}`,
    unit: u ? { id: u._id, name: u.name } : null,
    progress: note && u ? [{ at: new Date(now.getTime() - 5 * DAY), by: staff, note, photos: [] }] : [],
    version: note ? 3 : u ? 2 : 1,
    createdBy: staff,
    createdAt: new Date(now.getTime() - 90 * DAY),
  });
  const projects: ProjectDoc[] = [
    project(1, '老旧小区楼道照明改造', '芝罘区税务局党支部', '06-30', tax, '已完成海岸花园1-5号楼楼道灯更换'),
    project(2, '纳税服务进社区：个税汇算咨询', '芝罘区税务局党支部', '04-30', tax, '在党群服务中心开展两场咨询'),
    project(3, '独居老人结对帮扶', '芝罘区税务局党支部', '12-31', tax, null),
    project(4, '港区安全知识宣讲', '烟台港客运站党总支', '09-30', units[1], null),
    project(5, '社区义诊每季一次', '芝罘区人民医院党委', '12-31', null, null),
    project(6, '四点半课堂志愿辅导', '待认领', '12-31', null, null),
  ];
  return { teams, activities: [...activities, ...past], records, members, units, declarations, projects };
}

/** Seeds once: a second run finds the teams and leaves everything as it is. */
export async function seedVolunteer(db: Database): Promise<void> {
  const { total } = await db.collection('volunteerTeams').count();
  if (total > 0) return;
  const data = volunteerSeed();
  await db.collection('volunteerActivities').add(data.activities);
  await db.collection('volunteerRecords').add(data.records);
  await db.collection('volunteerMembers').add(data.members);
  await db.collection('volunteerUnits').add(data.units);
  await db.collection('volunteerDeclarations').add(data.declarations);
  await db.collection('volunteerProjects').add(data.projects);
  // The teams last: their presence marks a finished seed.
  await db.collection('volunteerTeams').add(data.teams);
}
