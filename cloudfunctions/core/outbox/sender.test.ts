import { OpenApiError, type SubscribeMessage } from '../openapi/types';
import { wechatSender } from './sender';
import type { OutboxDoc } from './types';

const message: OutboxDoc = {
  _id: 'ob1',
  toOpenid: 'oResident',
  template: 'appealAccepted',
  title: '诉求受理通知',
  page: 'pages/appeal/index?id=a1',
  data: { character_string1: 'YT20260310-A1', thing2: '环境卫生' },
  status: 'sending',
  attempts: 1,
  nextAttemptAt: new Date(),
  leaseId: 'l1',
  leaseUntil: new Date(),
  lastError: null,
  createdAt: new Date(),
  sentAt: null,
  source: null,
};

const env = { JIAYUAN_TMPL_APPEAL_ACCEPTED: 'tmpl-accepted', JIAYUAN_MP_STATE: 'trial' };

function fake(outcome: () => void) {
  const sent: SubscribeMessage[] = [];
  return {
    sent,
    api: {
      async sendSubscribe(m: SubscribeMessage) {
        sent.push(m);
        outcome();
      },
    },
  };
}

describe('WeChat subscribe messages through the open-API port', () => {
  it('sends the template id from the environment, the page, the data as values and the mini-program state', async () => {
    const { api, sent } = fake(() => undefined);
    expect(await wechatSender(api, env).send(message)).toEqual({ ok: true });
    expect(sent).toEqual([
      { touser: 'oResident', templateId: 'tmpl-accepted', page: 'pages/appeal/index?id=a1', data: { character_string1: { value: 'YT20260310-A1' }, thing2: { value: '环境卫生' } }, miniprogramState: 'trial' },
    ]);
  });

  it('a refusal WeChat will repeat is permanent; a passing failure is retried; a missing template is not sent', async () => {
    const refused = fake(() => {
      throw new OpenApiError('subscribeMessage.send', 43101, 'user refuse to accept the msg');
    });
    expect(await wechatSender(refused.api, env).send(message)).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining('43101') });
    const busy = fake(() => {
      throw new OpenApiError('subscribeMessage.send', -1, 'system busy');
    });
    expect(await wechatSender(busy.api, env).send(message)).toMatchObject({ ok: false, permanent: false });
    const network = fake(() => {
      throw new Error('ETIMEDOUT');
    });
    expect(await wechatSender(network.api, env).send(message)).toMatchObject({ ok: false, permanent: false, error: 'ETIMEDOUT' });
    const unset = fake(() => undefined);
    expect(await wechatSender(unset.api, {}).send(message)).toMatchObject({ ok: false, permanent: true, error: '未配置订阅消息模板 appealAccepted' });
    expect(unset.sent).toHaveLength(0);
  });
});
