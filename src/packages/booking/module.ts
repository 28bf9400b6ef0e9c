/** 预约服务 (延时/错时/预约办理). */
import { routes, subpackageOf } from '@contract/routes';
import { defineModule } from '@/registry';

export const bookingModule = defineModule({
  name: 'booking',
  subpackage: subpackageOf('packages/booking'),
  homeEntries: [{ key: 'booking', label: '预约服务', plainLabel: '预约办事', main: true, glyph: '约', color: '#e67e22', url: routes.booking() }],
  mineEntries: [{ key: 'booking', title: '我的预约', description: '预约码、改约、评价', url: routes.myBookings() }],
});
