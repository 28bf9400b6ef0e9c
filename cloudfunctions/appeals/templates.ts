/** The subscribe messages of 有呼必应: to residents about their appeal, to staff about their work. */
import { defineTemplates } from '../core/outbox/templates';

export const APPEAL_TEMPLATES = defineTemplates({
  appealAccepted: {
    title: '诉求受理通知',
    audience: 'resident',
    fields: {
      no: { key: 'character_string1', label: '受理编号' },
      category: { key: 'thing2', label: '诉求类型' },
      acceptedAt: { key: 'time3', label: '受理时间' },
      holder: { key: 'thing4', label: '承办单位' },
      phone: { key: 'phone_number5', label: '联系电话' },
    },
  },
  appealProgress: {
    title: '诉求办理进度通知',
    audience: 'resident',
    fields: {
      no: { key: 'character_string1', label: '受理编号' },
      content: { key: 'thing2', label: '诉求内容' },
      status: { key: 'phrase3', label: '办理状态' },
      progress: { key: 'thing4', label: '办理进展' },
      updatedAt: { key: 'time5', label: '更新时间' },
    },
  },
  appealResolved: {
    title: '诉求办结待评价通知',
    audience: 'resident',
    fields: {
      no: { key: 'character_string1', label: '受理编号' },
      content: { key: 'thing2', label: '诉求内容' },
      result: { key: 'thing3', label: '办理结果' },
      resolvedAt: { key: 'time4', label: '办结时间' },
      tip: { key: 'thing5', label: '温馨提示' },
    },
  },
  staffNewTask: {
    title: '新工单提醒',
    audience: 'staff',
    fields: {
      no: { key: 'character_string1', label: '工单编号' },
      category: { key: 'thing2', label: '诉求类型' },
      address: { key: 'thing3', label: '诉求地址' },
      dueAt: { key: 'time4', label: '响应时限' },
      source: { key: 'phrase5', label: '工单来源' },
    },
  },
  staffDueSoon: {
    title: '工单即将超期提醒',
    audience: 'staff',
    fields: {
      no: { key: 'character_string1', label: '工单编号' },
      content: { key: 'thing2', label: '诉求内容' },
      dueAt: { key: 'time3', label: '截止时间' },
      stage: { key: 'phrase4', label: '超期环节' },
      accountable: { key: 'name5', label: '责任人' },
    },
  },
  staffEscalated: {
    title: '工单超期升级提醒',
    audience: 'staff',
    fields: {
      no: { key: 'character_string1', label: '工单编号' },
      content: { key: 'thing2', label: '诉求内容' },
      toUnit: { key: 'thing3', label: '升级至' },
      overdueAt: { key: 'time4', label: '超期时间' },
      accountable: { key: 'name5', label: '首问责任人' },
    },
  },
  staffPressed: {
    title: '工单督办提醒',
    audience: 'staff',
    fields: {
      no: { key: 'character_string1', label: '工单编号' },
      content: { key: 'thing2', label: '诉求内容' },
      note: { key: 'thing3', label: '督办意见' },
      by: { key: 'thing4', label: '督办单位' },
      pressedAt: { key: 'time5', label: '督办时间' },
    },
  },
});

export type AppealTemplate = keyof typeof APPEAL_TEMPLATES;
