/**
 * Appeals demo data. Categories, deadlines and the city's default routing are code
 * (types/appeals.constants.ts); the database holds only what communities change, so the seed writes
 * one community's own routing, and — through the appeals function, so that every effect (notices,
 * counters, bulletin) happens as in real use — a handful of demo appeals in different states.
 */
import type { Envelope, InputOf, OutputOf } from '../../types/contract';
import type { AppealsContract } from '../../types/appeals';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import type { RoutingDoc } from '../../cloudfunctions/appeals/repos/routingRules';

/** 毓秀社区 lets the property companies handle 环境卫生 in its estates. */
export function appealsRoutingSeed(now = new Date()): RoutingDoc[] {
  return [
    {
      _id: 'community_c-yuhuang',
      communityId: 'c-yuhuang',
      rules: { sanitation: 'property' },
      updatedAt: now,
      updatedBy: { openid: 'seed', name: '系统初始化' },
      version: 0,
      effects: [],
      effectsPending: false,
    },
  ];
}

/** Writes the routing documents; running it again leaves them as they are. */
export async function seedAppeals(db: Database): Promise<void> {
  for (const doc of appealsRoutingSeed()) {
    const { _id, ...body } = doc;
    const { data } = await db.collection('appealRouting').where({ _id }).limit(1).get();
    if (data.length === 0) await db.collection('appealRouting').doc(_id).set(body);
    // Written before routing rules were versioned: give them the version their commands expect.
    else if (data[0].version === undefined) await db.collection('appealRouting').doc(_id).update({ version: 0, effects: [], effectsPending: false });
  }
}

export type AppealsCall = <A extends keyof AppealsContract & string>(
  openid: string,
  action: A,
  input: InputOf<AppealsContract[A]>,
) => Promise<Envelope<OutputOf<AppealsContract[A]>>>;

/** Fixed request ids: filing is idempotent, so a second run files nothing new. */
const DEMO = [
  { requestId: '8d3f1e2a-0001-4a6b-9c1d-5e7f8a9b0c01', openid: 'demo-resident', category: 'elevator', description: '1号楼2单元电梯这两天经常停在半层，门打不开，老人不敢坐。' },
  { requestId: '8d3f1e2a-0002-4a6b-9c1d-5e7f8a9b0c02', openid: 'demo-resident', category: 'sanitation', description: '楼道里堆了很多纸箱和旧家具，挡住了消防通道。' },
  { requestId: '8d3f1e2a-0003-4a6b-9c1d-5e7f8a9b0c03', openid: 'demo-resident-2', category: 'public_facility', description: '小区南门的两盏路灯坏了一周了，晚上回家很黑。' },
  { requestId: '8d3f1e2a-0004-4a6b-9c1d-5e7f8a9b0c04', openid: 'demo-resident-2', category: 'neighbour_dispute', description: '楼上邻居每天晚上十一点以后还在拖动家具，影响休息。' },
] as const;

const BUILDING_OF: Record<string, string> = { 'demo-resident': '370602B0001', 'demo-resident-2': '370602B0002' };

/**
 * Files the demo appeals and moves some along: one waits at the property company, one is being
 * handled by the grid worker, one is resolved awaiting the resident's rating, one is pending.
 * Steps that already happened on an earlier run answer CONFLICT and are skipped.
 */
export async function seedDemoAppeals(call: AppealsCall): Promise<void> {
  const ids: string[] = [];
  for (const d of DEMO) {
    const res = await call(d.openid, 'create', {
      requestId: d.requestId,
      buildingCode: BUILDING_OF[d.openid],
      category: d.category,
      description: d.description,
      photos: [],
      anonymous: false,
    });
    if (!res.ok) throw new Error(`seed appeal failed: ${res.error.code} ${res.error.message}`);
    ids.push(res.data.id);
  }
  const [, sanitation, facility] = ids;
  await call('demo-grid-worker', 'claim', { id: sanitation });
  await call('demo-grid-worker', 'reply', { id: sanitation, text: '已联系楼长，明天上午组织清理。', photos: [] });
  await call('demo-community-staff', 'claim', { id: facility });
  await call('demo-community-staff', 'resolve', { id: facility, text: '已协调路灯维修队更换灯具，两盏路灯已恢复照明。', photos: [] });
}
