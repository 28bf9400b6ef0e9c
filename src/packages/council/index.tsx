import { ComingSoon } from '@/components/ComingSoon';

export default function CouncilEntry() {
  return <ComingSoon title="家园议事" description="家园议事会的议题征集、讨论和投票正在准备中。" />;
}
