import { ComingSoon } from '@/components/ComingSoon';

export default function Placeholder() {
  return <ComingSoon title="我的服务记录" description="正在准备中。" />;
}
