import { ComingSoon } from '@/components/ComingSoon';

/** Until the booking pages land: the route exists (types/routes.ts), the page says so. */
export default function BookingDashboard() {
  return <ComingSoon title="预约统计" description="预约服务正在准备中，开放后可在这里办理。" />;
}
