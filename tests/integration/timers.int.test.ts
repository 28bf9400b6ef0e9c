/**
 * Timer jobs run only when the platform fires the trigger: a client (or an admin call) sending a
 * timer-shaped event is refused, the emulator's own timer still runs the job.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../types/contract';
import type { SweepResult } from '../../cloudfunctions/appeals/jobs/sweep';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const timerEvent = (trigger: string) => ({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' });

async function overdueAppeal(): Promise<string> {
  const a = await t.ok('demo-resident', 'appeals', 'create', {
    requestId: randomUUID(),
    buildingCode: '370602B0001',
    category: 'sanitation',
    description: '楼道里堆满了杂物，影响通行和消防安全',
    photos: [],
    anonymous: false,
  });
  const past = new Date(Date.now() - 60_000);
  await t.db.collection('appeals').doc(a.id).update({ escalateAt: past, dueAt: past });
  return a.id;
}

const stored = async (id: string) => (await t.db.collection('appeals').doc(id).get()).data[0] as { level: string; escalationCount: number };

describe('timer jobs', () => {
  it('a client call shaped like a timer event is FORBIDDEN and escalates nothing', async () => {
    const id = await overdueAppeal();
    for (const openid of ['demo-resident', 'demo-district']) {
      const { result } = await t.cloud.host.invoke('appeals', timerEvent('escalateOverdue'), { openid });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const notify = await t.cloud.host.invoke('notify', timerEvent('dispatchOutbox'), { openid: 'demo-resident' });
    expect(notify.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await stored(id)).toMatchObject({ level: 'grid', escalationCount: 0 });
  });

  it('a call without a WeChat caller that the platform did not fire as a timer (admin / HTTP) is FORBIDDEN too', async () => {
    const id = await overdueAppeal();
    const { result } = await t.cloud.host.invoke('appeals', timerEvent('escalateOverdue'));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由平台触发' } });
    expect(await stored(id)).toMatchObject({ level: 'grid', escalationCount: 0 });
  });

  it('the platform’s own timer runs the job', async () => {
    const id = await overdueAppeal();
    const { result } = await t.cloud.host.fireTimer('appeals', 'escalateOverdue');
    const envelope = result as Envelope<SweepResult>;
    expect(envelope).toMatchObject({ ok: true });
    if (envelope.ok) expect(envelope.data.changed).toBeGreaterThanOrEqual(1);
    expect(await stored(id)).toMatchObject({ level: 'community', escalationCount: 1 });
    const notify = await t.cloud.host.fireTimer('notify', 'dispatchOutbox');
    expect(notify.result).toMatchObject({ ok: true });
  });
});
