/**
 * 双报到 through the whole local stack: 报到单位 and their 党员志愿服务队, teams created and led, the
 * 项目化服务 board (claims once, progress with the poster's own photos), and who is behind in a
 * community or street — scoped by jurisdiction, paged by keyset, reminded once per period.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityView } from '../../types/volunteer';
import { periodsOf } from '../../cloudfunctions/volunteer/domain/hours';
import { monthOf, monthRange } from '../../cloudfunctions/volunteer/domain/units';
import { adminApp } from '../../scripts/localStack';
import { startTestCloud, type TestCloud } from '../support/cloud';

jest.setTimeout(120_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const STAFF = 'demo-community-staff'; // 刘洋, 海岸社区
const STREET = 'demo-street'; // 陈志强, 向阳街道 (海岸社区, 胜利路社区)
const HOUR = 3_600_000;
const count = async (collection: string, where: Record<string, unknown> = {}) => (await t.db.collection(collection).where(where).count()).total;
const thisYear = () => monthOf(new Date()).year;

describe('报到单位 and their teams', () => {
  it('community staff register a unit; others cannot; bad input and a second registration write nothing', async () => {
    const before = await count('volunteerUnits');
    expect(await t.call('demo-resident', 'volunteer', 'registerUnit', { name: '芝罘区财政局', contact: '李明', phone: '0535-6667788' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // 东山街道's commander does not cover 海岸社区.
    await t.db.collection('users').add({ _id: 'street-dongshan', name: '东山指挥', roles: ['street_commander'], jurisdiction: { level: 'street', unitIds: ['s-dongshan'] }, createdAt: new Date() });
    expect(await t.call('street-dongshan', 'volunteer', 'registerUnit', { communityId: 'c-haian', name: '芝罘区财政局', contact: '李明', phone: '0535-6667788' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(STAFF, 'volunteer', 'registerUnit', { name: '芝罘区财政局', contact: '李明', phone: '12345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'phone' }] } });
    expect(await count('volunteerUnits')).toBe(before);

    const unit = await t.ok(STAFF, 'volunteer', 'registerUnit', { name: '芝罘区财政局', contact: '李明', phone: '0535-6667788' });
    expect(unit).toMatchObject({ name: '芝罘区财政局', contact: '李明', teams: [], members: 0, projects: { year: thisYear(), count: 0, required: 5, met: false, missing: 5 } });
    // The same name again (the street's commander, spaces aside) is the same unit.
    expect(await t.call(STREET, 'volunteer', 'registerUnit', { communityId: 'c-haian', name: '芝罘区 财政局', contact: '王', phone: '13900001111' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await count('volunteerUnits')).toBe(before + 1);

    const view = await t.ok(STAFF, 'volunteer', 'units', {});
    expect(view.units.map((u) => u.name)).toEqual(expect.arrayContaining(['芝罘区财政局', '芝罘区税务局']));
    expect(view.units.find((u) => u.name === '芝罘区税务局')).toMatchObject({ teams: [{ id: 'vt-haian-dangyuan', name: '党员先锋服务队' }] });
  });

  it('staff create a 党员志愿服务队 of a unit, edit it and appoint one of its members as leader', async () => {
    const unit = await t.ok(STAFF, 'volunteer', 'registerUnit', { name: '烟台海关', contact: '周平', phone: '0535-6668899' });
    const other = await t.ok(STREET, 'volunteer', 'registerUnit', { communityId: 'c-shengli', name: '胜利路邮政所', contact: '钱', phone: '0535-6669900' });
    const teamsBefore = await count('volunteerTeams');
    expect(await t.call('demo-resident', 'volunteer', 'saveTeam', { name: '海关党员服务队', joinPolicy: 'open', unitId: unit.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(STAFF, 'volunteer', 'saveTeam', { name: '海关党员服务队', joinPolicy: 'open', unitId: other.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unitId' }] } });
    expect(await t.call(STAFF, 'volunteer', 'saveTeam', { name: '海', joinPolicy: 'open' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'name' }] } });
    expect(await count('volunteerTeams')).toBe(teamsBefore);

    const team = await t.ok(STAFF, 'volunteer', 'saveTeam', { name: '海关党员服务队', intro: '海关党员', joinPolicy: 'approval', unitId: unit.id });
    expect(team).toMatchObject({ name: '海关党员服务队', joinPolicy: 'approval', unit: { id: unit.id, name: '烟台海关' }, leader: { openid: STAFF } });
    const edited = await t.ok(STAFF, 'volunteer', 'saveTeam', { id: team.id, name: '烟台海关党员志愿服务队', joinPolicy: 'open', unitId: unit.id });
    expect(edited).toMatchObject({ id: team.id, name: '烟台海关党员志愿服务队', joinPolicy: 'open' });
    expect(await count('volunteerTeams')).toBe(teamsBefore + 1);

    // Only an active member can lead it.
    expect(await t.call(STAFF, 'volunteer', 'appointLeader', { teamId: team.id, openid: 'unit-member-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'openid' }] } });
    await t.ok('unit-member-1', 'volunteer', 'joinTeam', { teamId: team.id });
    expect(await t.call('unit-member-2', 'volunteer', 'appointLeader', { teamId: team.id, openid: 'unit-member-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const start = new Date(Date.now() + 2 * 24 * HOUR);
    const activity = await t.ok(STAFF, 'volunteer', 'createActivity', { requestId: randomUUID(), teamId: team.id, title: '海关党员服务日', type: 'help', place: '海岸社区党群服务中心', start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString(), capacity: 5 });
    expect(await t.call('unit-member-1', 'volunteer', 'roster', { id: activity.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok(STAFF, 'volunteer', 'appointLeader', { teamId: team.id, openid: 'unit-member-1' })).toMatchObject({ leader: { openid: 'unit-member-1' } });
    // The new leader manages the team's activities.
    expect((await t.ok('unit-member-1', 'volunteer', 'roster', { id: activity.id })).activity.can.manage).toBe(true);
    const { units } = await t.ok(STAFF, 'volunteer', 'units', {});
    expect(units.find((u) => u.id === unit.id)?.teams).toEqual([{ id: team.id, name: '烟台海关党员志愿服务队' }]);

    // A member's 双报到 can pick the registered unit.
    const declared = await t.ok('unit-member-1', 'volunteer', 'declare', { unitId: unit.id });
    expect(declared.declaration).toMatchObject({ unit: '烟台海关' });
    expect((await t.ok(STAFF, 'volunteer', 'units', {})).units.find((u) => u.id === unit.id)?.members).toBe(1);
    expect(await t.call('unit-member-1', 'volunteer', 'declare', { unitId: 'vu-none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('项目化服务', () => {
  it('staff publish; a unit’s leader claims once; progress with the poster’s own photos; residents see the board', async () => {
    const unit = await t.ok(STAFF, 'volunteer', 'registerUnit', { name: '芝罘区检察院', contact: '韩', phone: '0535-6660011' });
    const team = await t.ok(STAFF, 'volunteer', 'saveTeam', { name: '检察院党员服务队', joinPolicy: 'open', unitId: unit.id });
    await t.ok('proj-leader', 'volunteer', 'joinTeam', { teamId: team.id });
    await t.ok(STAFF, 'volunteer', 'appointLeader', { teamId: team.id, openid: 'proj-leader' });

    const year = thisYear();
    const before = await count('volunteerProjects');
    expect(await t.call('demo-resident', 'volunteer', 'publishProject', { content: '法律咨询进社区', owner: '检察院党支部', dueDay: `${year}-12-31` })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(STAFF, 'volunteer', 'publishProject', { content: '法律咨询进社区', owner: '检察院党支部', dueDay: `${year}-02-30` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'dueDay' }] } });
    expect(await t.call(STAFF, 'volunteer', 'publishProject', { content: '法律咨询进社区', owner: '检察院党支部', dueDay: `${Number(year) + 1}-06-30` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'dueDay' }] } });
    expect(await count('volunteerProjects')).toBe(before);

    const published = await Promise.all(
      ['法律咨询进社区', '青少年法治课堂', '反诈宣传进楼院', '老年人防骗讲座', '社区矫正帮扶', '普法文艺演出'].map((content) =>
        t.ok(STAFF, 'volunteer', 'publishProject', { content, owner: '检察院党支部', dueDay: `${year}-12-31` }),
      ),
    );
    const [first] = published;
    expect(first).toMatchObject({ unit: null, progress: [], year });

    // A resident, or a leader of another unit's team, cannot claim for the unit.
    expect(await t.call('demo-resident', 'volunteer', 'claimProject', { id: first.id, unitId: unit.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Two claims at once: one unit gets it, the other hears who has it.
    const tax = (await t.ok(STAFF, 'volunteer', 'units', {})).units.find((u) => u.name === '芝罘区税务局')!;
    const race = await Promise.all([t.call('proj-leader', 'volunteer', 'claimProject', { id: first.id, unitId: unit.id }), t.call(STAFF, 'volunteer', 'claimProject', { id: first.id, unitId: tax.id })]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.filter((r) => !r.ok)).toMatchObject([{ ok: false, error: { code: 'CONFLICT' } }]);
    const holder = (await t.db.collection('volunteerProjects').doc(first.id).get()).data[0] as { unit: { id: string } };

    // The rest go to 检察院: five this year meets the rule.
    for (const p of published.slice(1, 5)) await t.ok('proj-leader', 'volunteer', 'claimProject', { id: p.id, unitId: unit.id });
    const board = await t.ok('demo-resident', 'volunteer', 'projects', {});
    const tally = board.units.find((u) => u.id === unit.id)!.projects;
    expect(tally).toEqual({ year, count: holder.unit.id === unit.id ? 5 : 4, required: 5, met: holder.unit.id === unit.id, missing: holder.unit.id === unit.id ? 0 : 1 });
    expect(board.canManage).toBe(false);
    expect(board.projects.every((p) => !p.canManage)).toBe(true);

    // Progress: someone else's upload is refused and nothing is written; the leader's own photo is kept.
    const second = published[1];
    const { fileID: theirs } = await adminApp(t.cloud.url).uploadFile({ cloudPath: 'uploads/demo-resident/p.jpg', fileContent: Buffer.from('jpeg') });
    expect(await t.call('proj-leader', 'volunteer', 'projectProgress', { id: second.id, note: '已开展第一场', photos: [theirs] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'photos.0' }] } });
    expect(await t.call('demo-resident', 'volunteer', 'projectProgress', { id: second.id, note: '已开展第一场', photos: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(((await t.db.collection('volunteerProjects').doc(second.id).get()).data[0] as { progress: unknown[] }).progress).toHaveLength(0);
    const { fileID: mine } = await adminApp(t.cloud.url).uploadFile({ cloudPath: 'uploads/proj-leader/p.jpg', fileContent: Buffer.from('jpeg') });
    const after = await t.ok('proj-leader', 'volunteer', 'projectProgress', { id: second.id, note: '已开展第一场', photos: [mine] });
    expect(after.progress).toHaveLength(1);
    expect(after.progress[0]).toMatchObject({ note: '已开展第一场', photos: [expect.stringMatching(/^https?:\/\//)] });
    // An unclaimed project has no progress to post.
    expect(await t.call(STAFF, 'volunteer', 'projectProgress', { id: published[5].id, note: '进展', photos: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const seen = (await t.ok('demo-resident-2', 'volunteer', 'projects', {})).projects.find((p) => p.id === second.id)!;
    expect(seen.progress[0].photos).toHaveLength(1);
  });
});

describe('who is behind', () => {
  /** An activity of `teamId` arranged to have taken place this month (Shanghai), `served` checked in and out by a correction. */
  async function servedThisMonth(teamId: string, leader: string, served: string): Promise<ActivityView> {
    const start0 = new Date(Date.now() + 2 * 24 * HOUR);
    const a = await t.ok(leader, 'volunteer', 'createActivity', {
      requestId: randomUUID(),
      teamId,
      title: '党员服务日',
      type: 'help',
      place: '海岸社区党群服务中心',
      start: start0.toISOString(),
      end: new Date(start0.getTime() + 2 * HOUR).toISOString(),
      capacity: 5,
    });
    const now = Date.now();
    const { from } = monthRange(monthOf(new Date(now)).month);
    const start = new Date(Math.max(now - 2 * HOUR, from.getTime()));
    const seat = { openid: served, name: '服务党员', requestId: randomUUID(), at: new Date(start.getTime() - HOUR) };
    await t.db.collection('volunteerActivities').doc(a.id).update({ start, end: new Date(now), seated: [seat], seatedCount: 1 });
    await t.ok(STAFF, 'volunteer', 'correctRecord', { id: a.id, openid: served, checkInAt: start.toISOString(), checkOutAt: new Date(now).toISOString(), reason: '按签到表补录' });
    return a;
  }

  it('per community and street, scoped by jurisdiction; a member who serves and a unit that acts leave the list', async () => {
    const unit = await t.ok(STAFF, 'volunteer', 'registerUnit', { name: '芝罘区教育局', contact: '孔', phone: '0535-6660022' });
    const team = await t.ok(STAFF, 'volunteer', 'saveTeam', { name: '教育局党员服务队', joinPolicy: 'open', unitId: unit.id });
    await t.ok('behind-a', 'volunteer', 'declare', { unitId: unit.id });
    await t.ok('behind-b', 'volunteer', 'declare', { communityId: 'c-shengli' });

    expect(await t.call('demo-resident', 'volunteer', 'behind', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Community staff cannot look at the street, nor at another community.
    expect(await t.call(STAFF, 'volunteer', 'behind', { scopeId: 's-xiangyang' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(STAFF, 'volunteer', 'behind', { scopeId: 'c-shengli' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const community = await t.ok(STAFF, 'volunteer', 'behind', {});
    expect(community.scope).toEqual({ id: 'c-haian', name: '海岸社区', level: 'community' });
    expect(community.halfYear.key).toBe(periodsOf(new Date()).half);
    expect(community.units.map((u) => u.id)).toContain(unit.id);
    const names = community.members.items.map((m) => m.openid);
    expect(names).toContain('behind-a');
    expect(names).not.toContain('behind-b');

    const street = await t.ok(STREET, 'volunteer', 'behind', {});
    expect(street.scope).toMatchObject({ id: 's-xiangyang', level: 'street' });
    expect(street.communities.map((c) => c.id)).toEqual(['c-haian', 'c-shengli']);
    const haian = street.communities.find((c) => c.id === 'c-haian')!;
    expect(haian).toMatchObject({ members: community.totals.members, membersBehind: community.totals.membersBehind, units: community.totals.units, unitsBehind: community.totals.unitsBehind });
    expect(street.members.items.map((m) => m.openid)).toEqual(expect.arrayContaining(['behind-a', 'behind-b']));
    // Each member is counted in one community: the street's rows add up to its totals.
    expect(street.communities.reduce((s, c) => s + c.membersBehind, 0)).toBe(street.totals.membersBehind);
    expect(street.communities.reduce((s, c) => s + c.members, 0)).toBe(street.totals.members);
    expect(street.totals.membersBehind).toBe(await count('volunteerDeclarations', { 'countedIn.streetId': 's-xiangyang', servedHalf: t.db.command.neq(periodsOf(new Date()).half) }));
    expect(street.members.items.find((m) => m.openid === 'behind-b')).toMatchObject({ communityName: '胜利路社区' });

    // behind-a serves with the unit's team this month: both leave the lists.
    await servedThisMonth(team.id, STAFF, 'behind-a');
    const afterwards = await t.ok(STAFF, 'volunteer', 'behind', {});
    expect(afterwards.members.items.map((m) => m.openid)).not.toContain('behind-a');
    expect(afterwards.units.map((u) => u.id)).not.toContain(unit.id);
    expect(afterwards.totals.membersBehind).toBe(community.totals.membersBehind - 1);
    expect(afterwards.totals.unitsBehind).toBe(community.totals.unitsBehind - 1);
  });

  it('pages the members behind by keyset, every one once', async () => {
    await Promise.all(Array.from({ length: 57 }, (_, i) => t.ok(`page-${String(i).padStart(2, '0')}`, 'volunteer', 'declare', { communityId: 'c-shengli' })));
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const r = await t.ok(STREET, 'volunteer', 'behind', { scopeId: 'c-shengli', after });
      expect(r.members.items.length).toBeLessThanOrEqual(50);
      seen.push(...r.members.items.map((m) => m.openid));
      if (r.members.next === null) break;
      after = r.members.next;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await t.ok(STREET, 'volunteer', 'behind', { scopeId: 'c-shengli' })).totals.membersBehind);
    expect(seen.filter((s) => s.startsWith('page-'))).toHaveLength(57);
  });

  it('reminds each one behind once per period: a retry, or a second tap, sends nothing twice', async () => {
    const unit = await t.ok(STREET, 'volunteer', 'registerUnit', { communityId: 'c-shengli', name: '胜利路税务所', contact: '秦', phone: '0535-6660033' });
    await t.ok(STREET, 'volunteer', 'saveTeam', { communityId: 'c-shengli', name: '税务所党员服务队', joinPolicy: 'open', unitId: unit.id });
    await t.ok('remind-1', 'volunteer', 'declare', { communityId: 'c-shengli' });
    expect(await t.call(STAFF, 'volunteer', 'remindBehind', { scopeId: 'c-shengli' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const report = await t.ok(STREET, 'volunteer', 'behind', { scopeId: 'c-shengli' });
    const [first, second] = await Promise.all([t.ok(STREET, 'volunteer', 'remindBehind', { scopeId: 'c-shengli' }), t.ok(STREET, 'volunteer', 'remindBehind', { scopeId: 'c-shengli' })]);
    const third = await t.ok(STREET, 'volunteer', 'remindBehind', { scopeId: 'c-shengli' });
    expect(third).toEqual({ members: { sent: 0, already: report.totals.membersBehind }, units: { sent: 0, already: expect.any(Number) } });
    expect(first.members.sent + first.members.already).toBe(report.totals.membersBehind);
    expect(second.members.sent + second.members.already).toBe(report.totals.membersBehind);
    expect(await count('outbox', { toOpenid: 'remind-1', template: 'volunteerHalfYear' })).toBe(1);
    // The unit's team leader (the street commander who created the team) is told once this month.
    expect(await count('outbox', { _id: `vum_${unit.id}_${monthOf(new Date()).month}_${STREET}`, toOpenid: STREET, template: 'volunteerUnitMonth' })).toBe(1);
    expect(third.units.already).toBeGreaterThanOrEqual(1);
  });
});
