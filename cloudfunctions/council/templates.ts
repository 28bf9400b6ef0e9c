/** The council's subscribe messages: to the resident who raised a matter, when it moves on. */
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
});
