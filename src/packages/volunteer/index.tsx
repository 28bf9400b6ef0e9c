import { ComingSoon } from '@/components/ComingSoon';

export default function VolunteerEntry() {
  return <ComingSoon title="志愿服务" description="志愿服务队报名、活动报名和服务时长记录正在准备中。" />;
}
