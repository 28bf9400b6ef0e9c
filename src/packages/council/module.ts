/** 家园议事会: topics, discussion, votes. */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const councilModule = defineModule({
  name: 'council',
  subpackage: subpackageOf('packages/council'),
  homeEntries: [{ key: 'council', label: '家园议事', glyph: '议', color: '#2980b9', url: routes.council() }],
  mineEntries: [{ key: 'council', title: '家园议事', url: routes.council() }],
});
