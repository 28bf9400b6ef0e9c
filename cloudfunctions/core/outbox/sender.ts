/**
 * Where outbox messages go. In CloudBase: WeChat subscribe messages (`subscribeMessage.send` through
 * the official wx-server-sdk `cloud.openapi`, core/openapi). Locally (JIAYUAN_LOCAL=1): the
 * `messageLog` collection the dev UI lists.
 */
import { isDuplicate } from '../db/errors';
import { OpenApiError, type WxMessagingApi } from '../openapi/types';
import { wechatMessaging } from '../openapi/wechat';
import { database } from '../platform/cloud';
import { PERMANENT_WX_ERRCODES, type SendResult } from './retry';
import { templateId } from './templates';
import type { MessageLogDoc, OutboxDoc } from './types';

export interface Sender {
  /**
   * Whether sending the same message id twice delivers it once. A message whose attempt ended in
   * an unknown state (a crash mid-send) is retried only by an idempotent sender; otherwise it is
   * given up, so that nobody gets it twice.
   */
  readonly idempotent: boolean;
  send(message: OutboxDoc): Promise<SendResult>;
}

const wxData = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }]));

/** Writes the message to `messageLog` under its outbox id: a second write of the same id is refused. */
export const localSender: Sender = {
  idempotent: true,
  async send(message) {
    const doc: MessageLogDoc = {
      _id: message._id,
      toOpenid: message.toOpenid,
      template: message.template,
      title: message.title,
      page: message.page,
      data: wxData(message.data),
      createdAt: new Date(),
    };
    try {
      await database().collection('messageLog').add(doc);
    } catch (error) {
      if (!isDuplicate(error)) return { ok: false, permanent: false, error: String((error as Error)?.message ?? error) };
    }
    return { ok: true };
  },
};

const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];
const stateOf = (value: string | undefined): MiniprogramState => MINIPROGRAM_STATES.find((s) => s === value) ?? 'formal';

/** WeChat subscribe message (订阅消息); a refusal WeChat will repeat (template gone, user refused, …) is not retried. */
export function wechatSender(api: Pick<WxMessagingApi, 'sendSubscribe'>, env: NodeJS.ProcessEnv = process.env): Sender {
  return {
    idempotent: false,
    async send(message) {
      const template = templateId(message.template, env);
      if (!template) return { ok: false, permanent: true, error: `未配置订阅消息模板 ${message.template}` };
      try {
        await api.sendSubscribe({ touser: message.toOpenid, templateId: template, page: message.page, data: wxData(message.data), miniprogramState: stateOf(env.JIAYUAN_MP_STATE) });
        return { ok: true };
      } catch (error) {
        if (error instanceof OpenApiError) return { ok: false, permanent: PERMANENT_WX_ERRCODES.has(error.errCode), error: `${error.errCode}: ${error.message}` };
        return { ok: false, permanent: false, error: String((error as Error)?.message ?? error) };
      }
    },
  };
}

export function currentSender(env: NodeJS.ProcessEnv = process.env): Sender {
  return env.JIAYUAN_LOCAL === '1' ? localSender : wechatSender(wechatMessaging, env);
}
