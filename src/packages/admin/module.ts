/**
 * The staff workbench: the subpackage every module's staff pages may live in (appeals' do), its row
 * in 我的, and its own settings page. The shell of the staff side: modules.ts puts its row first in
 * 我的 and its tiles after the modules' on the workbench.
 */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const adminModule = defineModule({
  name: 'admin',
  subpackage: subpackageOf('packages/admin'),
  mineEntries: [{ key: 'admin', title: '工作台', description: '辖区诉求、组织架构', url: routes.workbench(), show: (me) => me.isStaff }],
  workEntries: [
    // Every staff member reads it (deadlines count working days by it); the district enters it.
    { key: 'calendar', label: '节假日安排', hint: '法定节假日与调休补班，办理时限按它计算', url: routes.holidayCalendar(), show: (me) => me.isStaff },
  ],
});
