import { ComingSoon } from '@/components/ComingSoon';

export default function Placeholder() {
  return <ComingSoon title="志愿活动管理" description="正在准备中。" />;
}
