import { ComingSoon } from '@/components/ComingSoon';

/** Until the booking pages land: the route exists (types/routes.ts), the page says so. */
export default function MyBookings() {
  return <ComingSoon title="我的预约" description="预约服务正在准备中，开放后可在这里办理。" />;
}
