/** 志愿服务: teams, activities, check-in/out and service hours; leaders' and staff's pages in the workbench. */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

const managesVolunteers = (me: { roles: readonly string[] }) => me.roles.some((r) => r === 'community_staff' || r === 'street_commander' || r === 'district_commander');

export const volunteerModule = defineModule({
  name: 'volunteer',
  subpackage: subpackageOf('packages/volunteer'),
  homeEntries: [{ key: 'volunteer', label: '志愿服务', plainLabel: '当志愿者', glyph: '志', color: '#27ae60', url: routes.volunteer() }],
  mineEntries: [{ key: 'volunteer', title: '志愿服务记录', description: '服务时长、本年度和本半年合计', url: routes.volunteerRecord() }],
  workEntries: [
    { key: 'volunteerActivities', label: '志愿活动', hint: '发布、取消活动，签到表与时长更正', url: routes.volunteerActivities(), show: managesVolunteers },
    { key: 'volunteerTeams', label: '志愿服务队', hint: '入队申请审核、队员名单', url: routes.volunteerTeamAdmin(), show: managesVolunteers },
    { key: 'volunteerUnits', label: '报到单位', hint: '登记单位、党员志愿服务队、任命队长', url: routes.volunteerUnits(), show: managesVolunteers },
    { key: 'volunteerProjects', label: '项目化服务', hint: '发布年度服务项目、单位认领、进展', url: routes.volunteerProjects(), show: managesVolunteers },
    { key: 'volunteerBehind', label: '双报到未完成', hint: '本月未开展活动的单位、本半年未服务的党员', url: routes.volunteerBehind(), show: managesVolunteers },
  ],
});
