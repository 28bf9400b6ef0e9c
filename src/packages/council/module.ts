/** 家园议事会: 提事 → 议事 → 表决 → 办事 → 评事, and 住户认证 (the users module's) for the workbench. */
import { ORG_STAFF_ROLES } from '@contract/org.constants';
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const councilModule = defineModule({
  name: 'council',
  subpackage: subpackageOf('packages/council'),
  homeEntries: [{ key: 'council', label: '家园议事', glyph: '议', color: '#2980b9', url: routes.council() }],
  mineEntries: [{ key: 'council', title: '家园议事', description: '住户认证、提事、附议和投票', url: routes.council() }],
  // Staff pages live in the workbench subpackage (packages/admin).
  workEntries: [
    { key: 'councilVerify', label: '住户认证', hint: '审核居民的住户认证申请', url: routes.councilVerify(), show: (me) => me.roles.some((role) => ORG_STAFF_ROLES.includes(role)) },
    { key: 'council', label: '家园议事', hint: '审核议题、发起表决、办结', url: routes.council(), show: (me) => me.roles.some((role) => ORG_STAFF_ROLES.includes(role)) },
  ],
});
