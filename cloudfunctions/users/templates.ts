/** The users module's subscribe messages: the result of a 住户认证 to the resident. */
import { defineTemplates } from '../core/outbox/templates';

export const USERS_TEMPLATES = defineTemplates({
  residenceDecided: {
    title: '住户认证结果通知',
    audience: 'resident',
    fields: {
      result: { key: 'phrase1', label: '认证结果' },
      household: { key: 'thing2', label: '认证房屋' },
      note: { key: 'thing3', label: '备注' },
      time: { key: 'time4', label: '审核时间' },
    },
  },
});
