/** Run-time labels the workbench needs, from the zod-free constants module. */
import {
  APPEAL_STATUSES,
  APPEAL_STATUS_LABELS,
  ROUTING_TARGETS,
  ROUTING_TARGET_LABELS,
  type AppealStatus,
  type RoutingTarget,
} from '@contract/appeals.constants';

export const STATUS_OPTIONS: ReadonlyArray<{ value: AppealStatus; label: string }> = APPEAL_STATUSES.map((value) => ({
  value,
  label: APPEAL_STATUS_LABELS[value],
}));

const SHORT_TARGET: Record<RoutingTarget, string> = { grid: '网格', community: '社区', property: '物业', enforcement: '综合执法' };

export const TARGETS: ReadonlyArray<{ value: RoutingTarget; short: string; label: string }> = ROUTING_TARGETS.map((value) => ({
  value,
  short: SHORT_TARGET[value],
  label: ROUTING_TARGET_LABELS[value],
}));
