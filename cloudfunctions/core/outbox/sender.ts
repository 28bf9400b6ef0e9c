/**
 * Where outbox messages go. In CloudBase: WeChat subscribe messages (subscribeMessage.send through
 * `app.callWxOpenApi`). Locally (JIAYUAN_LOCAL=1): the `messageLog` collection the dev UI lists.
 */
import { isDuplicate } from '../db/errors';
import { cloud, database } from '../platform/cloud';
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

interface WxResponse {
  code?: string;
  message?: string;
  result?: { errcode?: number; errmsg?: string } | string;
}

/** WeChat subscribe message (订阅消息) through CloudBase's open-API proxy. */
export const wechatSender: Sender = {
  idempotent: false,
  async send(message) {
    const template = templateId(message.template);
    if (!template) return { ok: false, permanent: true, error: `未配置订阅消息模板 ${message.template}` };
    let res: WxResponse;
    try {
      res = (await cloud().callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: {
          touser: message.toOpenid,
          template_id: template,
          page: message.page,
          data: wxData(message.data),
          miniprogram_state: process.env.JIAYUAN_MP_STATE || 'formal',
          lang: 'zh_CN',
        },
      })) as WxResponse;
    } catch (error) {
      return { ok: false, permanent: false, error: String((error as Error)?.message ?? error) };
    }
    if (res.code) return { ok: false, permanent: false, error: `${res.code}: ${res.message ?? ''}` };
    const result = typeof res.result === 'object' && res.result !== null ? res.result : {};
    const errcode = result.errcode ?? 0;
    if (errcode === 0) return { ok: true };
    return { ok: false, permanent: PERMANENT_WX_ERRCODES.has(errcode), error: `${errcode}: ${result.errmsg ?? ''}` };
  },
};

export function currentSender(env: NodeJS.ProcessEnv = process.env): Sender {
  return env.JIAYUAN_LOCAL === '1' ? localSender : wechatSender;
}
