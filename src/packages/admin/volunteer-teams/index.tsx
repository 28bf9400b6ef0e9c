import { ComingSoon } from '@/components/ComingSoon';

export default function Placeholder() {
  return <ComingSoon title="服务队成员" description="正在准备中。" />;
}
