import { ComingSoon } from '@/components/ComingSoon';

export default function Placeholder() {
  return <ComingSoon title="活动签到表" description="正在准备中。" />;
}
