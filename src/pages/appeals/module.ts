/** 有呼必应 appeals: the residents' pages (main package, so a scan opens them at once) and the staff's entries. */
import { ORG_STAFF_ROLES } from '@contract/appeals.constants';
import { PAGES, routes } from '@contract/routes';
import { defineModule } from '@/registry';

export const appealsModule = defineModule({
  name: 'appeals',
  mainPages: [PAGES.appealNew, PAGES.myAppeals, PAGES.appeal],
  homeEntries: [
    { key: 'appeal', label: '反映诉求', plainLabel: '反映问题', main: true, glyph: '诉', color: '#c8161d', url: routes.appealNew() },
    { key: 'appeals', label: '我的诉求', main: true, glyph: '进', color: '#d35400', url: routes.myAppeals() },
  ],
  mineEntries: [{ key: 'appeals', title: '我的诉求', description: '进度、评价', url: routes.myAppeals() }],
  // The staff pages live in the workbench subpackage (packages/admin).
  workEntries: [
    { key: 'inbox', label: '诉求工单', hint: '签收、回复、转办、办结', url: routes.staffInbox(), show: (me) => me.isStaff },
    {
      key: 'dashboard',
      label: '数据看板',
      hint: '响应率、解决率、满意率与通报',
      url: routes.dashboard(),
      show: (me) => me.roles.some((role) => ORG_STAFF_ROLES.includes(role)),
    },
    { key: 'rules', label: '流转规则', hint: '各类诉求交给谁办', url: routes.routingRules(), show: (me) => me.roles.includes('community_staff') },
  ],
});
