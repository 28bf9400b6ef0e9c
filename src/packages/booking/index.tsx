import { ComingSoon } from '@/components/ComingSoon';

export default function BookingEntry() {
  return <ComingSoon title="预约服务" description="延时服务、错时服务和预约办理正在准备中，开放后可在这里预约社区工作站的服务时段。" />;
}
