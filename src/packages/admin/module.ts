/** The staff workbench subpackage: its pages (appeals' staff pages among them) and its row in 我的. */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const adminModule = defineModule({
  name: 'admin',
  subpackage: subpackageOf('packages/admin'),
  mineEntries: [{ key: 'admin', title: '工作台', description: '辖区诉求、组织架构', url: routes.workbench(), show: (me) => me.isStaff }],
});
