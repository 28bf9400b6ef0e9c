/**
 * The council's subscribe messages: to the resident who raised a matter, when it moves on; to every
 * verified resident on a vote's roll, when the window opens (one-time subscriptions: those who never
 * subscribed are refused by WeChat for good, 43101, and not retried).
 */
import { defineTemplates } from '../core/outbox/templates';

export const COUNCIL_TEMPLATES = defineTemplates({
  councilMatterUpdate: {
    title: '议题进展通知',
    audience: 'resident',
    fields: {
      title: { key: 'thing1', label: '议题名称' },
      stage: { key: 'phrase2', label: '当前阶段' },
      note: { key: 'thing3', label: '说明' },
      time: { key: 'time4', label: '更新时间' },
    },
  },
  councilVoteOpened: {
    title: '议题表决通知',
    audience: 'resident',
    fields: {
      title: { key: 'thing1', label: '表决事项' },
      scope: { key: 'thing2', label: '表决范围' },
      deadline: { key: 'time3', label: '截止时间' },
      note: { key: 'thing4', label: '温馨提示' },
    },
  },
});
