/**
 * 家园议事会 demo data for 海岸社区: verified residents of 海岸花园1号楼 (王秀英 and eight neighbours),
 * 孙海燕 in 2号楼, one request waiting in 张丽's 住户认证 queue, and four matters at different stages —
 * 征集附议 (楼道声控灯), 议事中 (停车位划线, raised by 刘洋), 表决中 (1号楼加装电梯, some votes in, closing
 * in a week) and 办理中 (垃圾分类亭, passed). Fixed ids: a second run writes nothing.
 */
import { APPROVAL_OPTIONS } from '../../types/council.constants';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import type { MatterDoc, RollDoc, VoteDoc } from '../../cloudfunctions/council/domain/model';
import { rollTotals, type RollHousehold } from '../../cloudfunctions/council/domain/roll';
import { SCOPE_FIELD } from '../../cloudfunctions/council/domain/eligibility';
import { tally } from '../../cloudfunctions/council/domain/tally';
import { householdId } from '../../cloudfunctions/council/app/ids';
import { blankResidence, householdKey, type ResidenceDoc } from '../../cloudfunctions/users/domain/residence';
import type { UserDoc } from '../../types/users';

const HAIAN = { communityId: 'c-haian', streetId: 's-xiangyang', districtId: 'd-370602' };
const WORKER = { openid: 'demo-grid-worker', name: '张丽' };
const STAFF = { openid: 'demo-community-staff', name: '刘洋' };
const ESTATE = 'c-haian-e1';

const NEIGHBOURS: Array<[name: string, room: string, area: number]> = [
  ['赵桂兰', '1单元101', 86.4],
  ['钱志刚', '1单元202', 92.1],
  ['孙丽华', '1单元301', 78.5],
  ['李明', '2单元102', 105.2],
  ['周芳', '2单元201', 88],
  ['吴建华', '2单元402', 120.6],
  ['郑淑珍', '3单元101', 76.3],
  ['冯国强', '3单元302', 98.7],
];

interface Resident {
  openid: string;
  name: string;
  buildingId: string;
  buildingName: string;
  room: string;
  area: number | null;
  gridId: string;
}

const residents = (): Resident[] => [
  { openid: 'demo-resident', name: '王秀英', buildingId: 'b-0001', buildingName: '1号楼', room: '2单元301', area: 89.5, gridId: 'g-haian-1' },
  { openid: 'demo-resident-2', name: '孙海燕', buildingId: 'b-0002', buildingName: '2号楼', room: '1单元502', area: null, gridId: 'g-haian-1' },
  ...NEIGHBOURS.map(([name, room, area], i) => ({ openid: `demo-neighbour-${i + 1}`, name, buildingId: 'b-0001', buildingName: '1号楼', room, area, gridId: 'g-haian-1' })),
];

function residence(r: Resident, status: ResidenceDoc['status'], now: Date): ResidenceDoc {
  const h = { buildingId: r.buildingId, buildingName: r.buildingName, estateId: ESTATE, room: r.room, key: householdKey(r.buildingId, r.room) };
  const base = blankResidence(r.openid, r.name, null, h, { ...HAIAN, gridId: r.gridId }, now);
  const asked = { kind: 'requested' as const, at: now.toISOString(), by: { openid: r.openid, name: r.name }, household: `${r.buildingName}${r.room}`, reason: null };
  if (status === 'pending') return { ...base, history: [asked], version: 1 };
  return {
    ...base,
    status,
    area: r.area,
    decidedAt: now,
    decidedBy: WORKER,
    history: [asked, { kind: 'verified', at: now.toISOString(), by: WORKER, household: `${r.buildingName}${r.room}`, reason: null }],
    version: 2,
  };
}

const hh = (r: Resident) => householdId(householdKey(r.buildingId, r.room));

function matter(id: string, patch: Partial<MatterDoc> & Pick<MatterDoc, 'title' | 'description' | 'scope' | 'stage'>, now: Date): MatterDoc {
  return {
    _id: id,
    ...HAIAN,
    communityName: '海岸社区',
    gridId: patch.scope.kind === 'building' ? 'g-haian-1' : null,
    photos: [],
    raisedBy: { openid: 'demo-resident', name: '王秀英' },
    raisedFrom: '1号楼',
    byStaff: false,
    cosigns: 0,
    threshold: 5,
    ballot: null,
    tallyAt: null,
    result: null,
    log: [{ at: now, kind: 'raised', by: { openid: 'demo-resident', name: '1号楼居民' }, note: null }],
    createdAt: now,
    updatedAt: now,
    version: 1,
    effects: [],
    effectsPending: false,
    ...patch,
  };
}

export function councilSeed(now = new Date()) {
  const all = residents();
  const verified = all.map((r) => residence(r, 'verified', now));
  const pendingUser: UserDoc = { _id: 'demo-neighbour-new', name: '陈晓', roles: ['resident'], household: { buildingId: 'b-0001', room: '4单元501' }, createdAt: now };
  const pending = residence({ openid: pendingUser._id, name: pendingUser.name, buildingId: 'b-0001', buildingName: '1号楼', room: '4单元501', area: null, gridId: 'g-haian-1' }, 'pending', now);
  const users: UserDoc[] = [
    ...all.filter((r) => r.openid.startsWith('demo-neighbour-')).map((r): UserDoc => ({ _id: r.openid, name: r.name, roles: ['resident'], household: { buildingId: r.buildingId, room: r.room }, createdAt: now })),
    pendingUser,
  ];
  const building1 = all.filter((r) => r.buildingId === 'b-0001');
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  // Each vote's roll: the households verified when it opened (one resident each here).
  const rollOf = (matterId: string, on: Resident[]): RollDoc[] =>
    on.map((r) => ({ _id: `rl-${matterId}:${hh(r)}`, rollId: `rl-${matterId}`, matterId, householdId: hh(r), buildingId: r.buildingId, area: r.area, residents: [r.openid], at: days(-2) }));
  const ballot = (matterId: string, on: Resident[], closesAt: Date, rule: 'civil278' | 'majority') => ({
    kind: 'approval' as const,
    options: APPROVAL_OPTIONS.map((o) => ({ ...o })),
    rule,
    major: false,
    quorumPercent: 50,
    opensAt: days(-2),
    closesAt,
    rollHouseholds: on.length,
    roll: { id: `rl-${matterId}`, ...rollTotals(on) },
    openedBy: STAFF,
  });
  const voteOf = (matterId: string, r: Resident, optionId: string, castAt: Date): VoteDoc => ({ _id: `${matterId}:${hh(r)}`, matterId, householdId: hh(r), buildingId: r.buildingId, optionId, area: r.area, rollId: `rl-${matterId}`, voter: r.openid, castAt });

  // 表决中: five of 1号楼's nine verified households have voted.
  const elevatorVotes = building1.slice(1, 6).map((r, i) => voteOf('mt-demo-elevator', r, i < 4 ? 'yes' : 'no', days(-1)));
  // 办理中: eight of the community's ten households voted, seven in favour.
  const binsVotes = all.slice(0, 8).map((r, i) => voteOf('mt-demo-bins', r, i < 7 ? 'yes' : 'no', days(-8)));
  const binsBallot = ballot('mt-demo-bins', all, days(-7), 'majority');
  const binsResult = tally({ ...binsBallot, roll: binsBallot.roll, votes: binsVotes });

  const matters: MatterDoc[] = [
    matter('mt-demo-lights', { title: '1号楼楼道加装声控灯', description: '1号楼2单元、3单元楼道晚上很黑，老人上下楼容易摔倒，建议加装声控灯，费用从公共收益中列支。', scope: { kind: 'building', id: 'b-0001', name: '海岸花园1号楼' }, stage: 'proposed', cosigns: 2 }, now),
    matter('mt-demo-parking', { title: '海岸花园地面停车位重新划线', description: '小区地面停车位划线模糊，常有车辆占用消防通道。拟重新划线，并在南侧增设电动车充电区。', scope: { kind: 'estate', id: ESTATE, name: '海岸花园' }, stage: 'agenda', byStaff: true, raisedBy: STAFF, raisedFrom: '海岸社区', log: [{ at: now, kind: 'raised', by: STAFF, note: null }] }, now),
    matter('mt-demo-elevator', { title: '1号楼加装电梯', description: '1号楼共六层，老年住户较多。拟申请既有住宅加装电梯补贴，费用按楼层分摊，一层住户不分摊。', scope: { kind: 'building', id: 'b-0001', name: '海岸花园1号楼' }, stage: 'voting', cosigns: 6, ballot: ballot('mt-demo-elevator', building1, days(7), 'civil278'), tallyAt: new Date(days(7).getTime() + 15_000) }, now),
    matter('mt-demo-bins', { title: '增设垃圾分类投放亭', description: '社区现有垃圾桶露天摆放，夏天异味大。拟在各小区增设带顶棚的垃圾分类投放亭，定时定点投放。', scope: { kind: 'community', id: 'c-haian', name: '海岸社区' }, stage: 'doing', cosigns: 7, ballot: binsBallot, result: binsResult }, now),
  ];
  const cosigns = [
    ...building1.slice(0, 2).map((r) => ({ _id: `mt-demo-lights:${hh(r)}`, matterId: 'mt-demo-lights', householdId: hh(r), by: r.openid, at: now })),
    ...building1.slice(0, 6).map((r) => ({ _id: `mt-demo-elevator:${hh(r)}`, matterId: 'mt-demo-elevator', householdId: hh(r), by: r.openid, at: days(-5) })),
  ];
  const roll = [...rollOf('mt-demo-elevator', building1), ...rollOf('mt-demo-bins', all)];
  return { users, residences: [...verified, pending], matters, roll, votes: [...elevatorVotes, ...binsVotes], cosigns };
}

/**
 * Local data written before votes kept a roll: each such ballot gets the roll its count used to take
 * (the verified households in scope now, and those that voted), and its votes name it. Once only.
 */
async function rollsForOldBallots(db: Database): Promise<void> {
  const _ = db.command;
  const { data } = await db.collection('councilMatters').where({ 'ballot.kind': _.exists(true), 'ballot.roll': _.exists(false) }).limit(1000).get();
  for (const m of data as MatterDoc[]) {
    const rollId = `rl-${m._id}`;
    const verified = (await db.collection('residences').where({ [SCOPE_FIELD[m.scope.kind]]: m.scope.id, status: 'verified' }).limit(1000).get()).data as ResidenceDoc[];
    const byId = new Map<string, RollHousehold>();
    for (const r of verified) {
      const id = householdId(r.householdKey);
      const known = byId.get(id);
      byId.set(id, { id, buildingId: r.buildingId, area: Math.max(known?.area ?? 0, r.area ?? 0) || null, residents: [...(known?.residents ?? []), r._id] });
    }
    const votes = (await db.collection('councilVotes').where({ matterId: m._id }).limit(1000).get()).data as VoteDoc[];
    for (const v of votes) if (!byId.has(v.householdId)) byId.set(v.householdId, { id: v.householdId, buildingId: v.buildingId, area: v.area, residents: [] });
    const households = [...byId.values()];
    for (const h of households) await db.collection('councilRoll').doc(`${rollId}:${h.id}`).set({ rollId, matterId: m._id, householdId: h.id, buildingId: h.buildingId, area: h.area, residents: h.residents, at: m.ballot!.opensAt });
    await db.collection('councilVotes').where({ matterId: m._id }).update({ rollId });
    await db.collection('councilMatters').doc(m._id).update({ 'ballot.roll': { id: rollId, ...rollTotals(households) } });
  }
}

/** Writes the council demo once: the first matter's presence marks a finished seed. */
export async function seedCouncil(db: Database): Promise<void> {
  const { data } = await db.collection('councilMatters').where({ _id: 'mt-demo-lights' }).limit(1).get();
  if (data.length > 0) return rollsForOldBallots(db);
  const seed = councilSeed();
  for (const [collection, docs] of [
    ['users', seed.users],
    ['residences', seed.residences],
    ['councilCosigns', seed.cosigns],
    ['councilRoll', seed.roll],
    ['councilVotes', seed.votes],
  ] as const) {
    for (const doc of docs as Array<{ _id: string }>) {
      const { _id, ...body } = doc;
      const found = await db.collection(collection).where({ _id }).limit(1).get();
      if (found.data.length === 0) await db.collection(collection).doc(_id).set(body);
    }
  }
  // The matters last (the first of them marks the seed as done).
  for (const { _id, ...body } of [...seed.matters].reverse()) await db.collection('councilMatters').doc(_id).set(body);
}
