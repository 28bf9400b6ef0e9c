/** The subscribe messages of 志愿服务: to volunteers about their activities, to leaders about join requests. */
import { defineTemplates } from '../core/outbox/templates';

export const VOLUNTEER_TEMPLATES = defineTemplates({
  volunteerPromoted: {
    title: '候补报名成功通知',
    audience: 'resident',
    fields: {
      activity: { key: 'thing1', label: '活动名称' },
      time: { key: 'time2', label: '活动时间' },
      place: { key: 'thing3', label: '活动地点' },
      tip: { key: 'thing4', label: '温馨提示' },
    },
  },
  volunteerCancelled: {
    title: '活动取消通知',
    audience: 'resident',
    fields: {
      activity: { key: 'thing1', label: '活动名称' },
      time: { key: 'time2', label: '活动时间' },
      reason: { key: 'thing3', label: '取消原因' },
    },
  },
  volunteerReminder: {
    title: '活动开始提醒',
    audience: 'resident',
    fields: {
      activity: { key: 'thing1', label: '活动名称' },
      time: { key: 'time2', label: '活动时间' },
      place: { key: 'thing3', label: '活动地点' },
      tip: { key: 'thing4', label: '温馨提示' },
    },
  },
  volunteerHalfYear: {
    title: '双报到服务提醒',
    audience: 'resident',
    fields: {
      period: { key: 'thing1', label: '考核周期' },
      status: { key: 'phrase2', label: '完成情况' },
      deadline: { key: 'date3', label: '截止日期' },
      tip: { key: 'thing4', label: '温馨提示' },
    },
  },
  volunteerUnitMonth: {
    title: '党员志愿服务提醒',
    audience: 'staff',
    fields: {
      unit: { key: 'thing1', label: '报到单位' },
      period: { key: 'thing2', label: '考核周期' },
      tip: { key: 'thing3', label: '温馨提示' },
    },
  },
  volunteerJoinRequest: {
    title: '入队申请提醒',
    audience: 'staff',
    fields: {
      name: { key: 'name1', label: '申请人' },
      team: { key: 'thing2', label: '服务队' },
      time: { key: 'time3', label: '申请时间' },
    },
  },
});

export type VolunteerTemplate = keyof typeof VOLUNTEER_TEMPLATES;
