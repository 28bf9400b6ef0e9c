/** 志愿服务: teams, activities, service hours. */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const volunteerModule = defineModule({
  name: 'volunteer',
  subpackage: subpackageOf('packages/volunteer'),
  homeEntries: [{ key: 'volunteer', label: '志愿服务', glyph: '志', color: '#27ae60', url: routes.volunteer() }],
  mineEntries: [{ key: 'volunteer', title: '志愿服务', url: routes.volunteer() }],
});
