/**
 * The staff workbench: the subpackage every module's staff pages may live in (appeals' do), its row
 * in 我的, and its own settings page. The shell of the staff side: modules.ts puts its row first in
 * 我的 and its tiles after the modules' on the workbench.
 */
import { ORG_STAFF_ROLES } from '@contract/org.constants';
import { routes, subpackageOf } from '@contract/routes';
import { STAFF_ADMIN_ROLES } from '@contract/staff.constants';
import { defineModule } from '@/registry';

export const adminModule = defineModule({
  name: 'admin',
  subpackage: subpackageOf('packages/admin'),
  mineEntries: [
    { key: 'admin', title: '工作台', description: '辖区诉求、组织架构', url: routes.workbench(), show: (me) => me.isStaff },
    // Someone invited as staff who has the code but not the QR types it here.
    { key: 'staff-accept', title: '我是工作人员', description: '输入邀请码，加入工作台', url: routes.staffAccept(), show: (me) => !me.isStaff, last: true },
  ],
  workEntries: [
    // Every staff member reads it (deadlines count working days by it); the district enters it.
    { key: 'calendar', label: '节假日安排', hint: '法定节假日与调休补班，办理时限按它计算', url: routes.holidayCalendar(), show: (me) => me.isStaff },
    // 人员与权限: admins of a level and property companies invite, change and revoke their staff.
    { key: 'staff', label: '人员与权限', hint: '邀请工作人员、调整或撤销角色、变更记录', url: routes.staffAdmin(), show: (me) => me.roles.some((r) => STAFF_ADMIN_ROLES.includes(r)) },
    // Org staff export their jurisdiction's records as Excel (property staff have no unit).
    { key: 'ledger', label: '导出台账', hint: '诉求台账 Excel，后台生成后下载', url: routes.ledger(), show: (me) => me.roles.some((r) => ORG_STAFF_ROLES.includes(r)) },
    // 一码通: the door posters of a street, community or grid, as one PDF to print.
    { key: 'posters', label: '一码通海报', hint: '楼栋二维码海报 PDF，后台生成后下载打印', url: routes.posters(), show: (me) => me.roles.some((r) => ORG_STAFF_ROLES.includes(r)) },
  ],
});
