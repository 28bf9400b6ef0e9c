/** The subscribe messages of 不打烊服务: to residents about their booking, to staff about duty and 差评. */
import { defineTemplates } from '../core/outbox/templates';

export const BOOKING_TEMPLATES = defineTemplates({
  bookingConfirmed: {
    title: '预约成功通知',
    audience: 'resident',
    fields: {
      service: { key: 'thing1', label: '预约事项' },
      time: { key: 'time2', label: '预约时间' },
      place: { key: 'thing3', label: '办理地点' },
      code: { key: 'character_string4', label: '预约码' },
      tip: { key: 'thing5', label: '温馨提示' },
    },
  },
  bookingReminder: {
    title: '预约办理提醒',
    audience: 'resident',
    fields: {
      service: { key: 'thing1', label: '预约事项' },
      time: { key: 'time2', label: '预约时间' },
      place: { key: 'thing3', label: '办理地点' },
      code: { key: 'character_string4', label: '预约码' },
      tip: { key: 'thing5', label: '温馨提示' },
    },
  },
  bookingChanged: {
    title: '预约状态变更通知',
    audience: 'resident',
    fields: {
      service: { key: 'thing1', label: '预约事项' },
      time: { key: 'time2', label: '预约时间' },
      status: { key: 'phrase3', label: '预约状态' },
      note: { key: 'thing4', label: '备注' },
    },
  },
  bookingServed: {
    title: '办理完成通知',
    audience: 'resident',
    fields: {
      service: { key: 'thing1', label: '办理事项' },
      servedAt: { key: 'time2', label: '办结时间' },
      result: { key: 'thing3', label: '办理结果' },
      tip: { key: 'thing4', label: '温馨提示' },
    },
  },
  bookingAnswered: {
    title: '评价回复通知',
    audience: 'resident',
    fields: {
      service: { key: 'thing1', label: '办理事项' },
      answer: { key: 'thing2', label: '回复内容' },
      answeredAt: { key: 'time3', label: '回复时间' },
    },
  },
  staffBookingApproval: {
    title: '预约待审核提醒',
    audience: 'staff',
    fields: {
      name: { key: 'name1', label: '预约人' },
      service: { key: 'thing2', label: '预约事项' },
      time: { key: 'time3', label: '预约时间' },
      reason: { key: 'thing4', label: '审核原因' },
    },
  },
  staffComplaint: {
    title: '差评待回复提醒',
    audience: 'staff',
    fields: {
      service: { key: 'thing1', label: '办理事项' },
      rating: { key: 'phrase2', label: '评价等级' },
      comment: { key: 'thing3', label: '评价内容' },
      dueAt: { key: 'time4', label: '回复时限' },
    },
  },
  staffComplaintOverdue: {
    title: '差评超时未回复提醒',
    audience: 'staff',
    fields: {
      service: { key: 'thing1', label: '办理事项' },
      community: { key: 'thing2', label: '责任社区' },
      dueAt: { key: 'time3', label: '回复时限' },
      rating: { key: 'phrase4', label: '评价等级' },
    },
  },
  staffDutyChanged: {
    title: '值班安排通知',
    audience: 'staff',
    fields: {
      session: { key: 'thing1', label: '值班时段' },
      time: { key: 'time2', label: '值班时间' },
      community: { key: 'thing3', label: '值班地点' },
      bookings: { key: 'number4', label: '已有预约' },
      note: { key: 'thing5', label: '备注' },
    },
  },
});

export type BookingTemplate = keyof typeof BOOKING_TEMPLATES;
