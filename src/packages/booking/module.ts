/** 预约服务 (延时/错时/预约办理). */
import { FRONT_DESK_ROLES } from '@contract/booking.constants';
import { ORG_STAFF_ROLES } from '@contract/org.constants';
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const bookingModule = defineModule({
  name: 'booking',
  subpackage: subpackageOf('packages/booking'),
  homeEntries: [{ key: 'booking', label: '预约服务', plainLabel: '预约办事', main: true, glyph: '约', color: '#e67e22', url: routes.booking() }],
  mineEntries: [{ key: 'booking', title: '我的预约', description: '预约码、改约、评价', url: routes.myBookings() }],
  // The front desk's pages live in the workbench subpackage (packages/admin).
  workEntries: [
    { key: 'bookingDay', label: '今日预约', hint: '签到、办结、爽约、电话预约', url: routes.bookingDay(), show: (me) => me.roles.some((role) => FRONT_DESK_ROLES.includes(role)) },
    { key: 'bookingSettings', label: '预约设置', hint: '服务事项、时段、闭馆与值班', url: routes.bookingSettings(), show: (me) => me.roles.some((role) => ORG_STAFF_ROLES.includes(role)) },
    { key: 'bookingDashboard', label: '预约统计', hint: '爽约率、延时错时占比、满意率', url: routes.bookingDashboard(), show: (me) => me.roles.some((role) => ORG_STAFF_ROLES.includes(role)) },
  ],
});
