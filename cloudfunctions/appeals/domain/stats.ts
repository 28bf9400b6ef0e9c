/**
 * Statistics as counters. Every appeal belongs to the cohort of the day it was filed (Asia/Shanghai)
 * and its category; each state change adds the difference between the appeal's counted facts before
 * and after, so the dashboard sums a few counter documents instead of scanning appeals.
 */
import { APPEAL_STATUSES, type Rating, type StatCounts } from '../../../types/appeals';
import type { AppealDoc, StatsDelta, StatsField } from './model';

const RATING_FIELD: Record<Rating, StatsField> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  dissatisfied: 'dissatisfied',
};

type Facts = Pick<
  AppealDoc,
  'status' | 'firstRespondedAt' | 'firstResolvedAt' | 'rating' | 'escalationCount' | 'closeReason' | 'deadlines'
>;

function add(delta: StatsDelta, field: StatsField, n: number): void {
  if (n === 0) return;
  const next = (delta[field] ?? 0) + n;
  if (next === 0) delete delta[field];
  else delta[field] = next;
}

const onTime = (at: Date, by: Date) => at.getTime() <= by.getTime();

/** What changes in the counters when an appeal goes from `before` (null: it is new) to `after`. */
export function statsDelta(before: Facts | null, after: Facts): StatsDelta {
  const d: StatsDelta = {};
  if (!before) add(d, 'received', 1);
  if (before?.status !== after.status) {
    if (before) add(d, `status_${before.status}`, -1);
    add(d, `status_${after.status}`, 1);
  }
  if (!before?.firstRespondedAt && after.firstRespondedAt) {
    add(d, 'responded', 1);
    if (onTime(after.firstRespondedAt, after.deadlines.originalRespondBy)) add(d, 'respondedOnTime', 1);
  }
  if (!before?.firstResolvedAt && after.firstResolvedAt) {
    add(d, 'resolved', 1);
    if (onTime(after.firstResolvedAt, after.deadlines.originalResolveBy)) add(d, 'resolvedOnTime', 1);
  }
  const was = before?.rating?.value ?? null;
  const now = after.rating?.value ?? null;
  if (was !== now) {
    if (was) add(d, RATING_FIELD[was], -1);
    else if (now) add(d, 'rated', 1);
    if (now) add(d, RATING_FIELD[now], 1);
  }
  add(d, 'escalated', after.escalationCount - (before?.escalationCount ?? 0));
  if (after.closeReason === 'auto' && before?.closeReason !== 'auto') add(d, 'autoClosed', 1);
  return d;
}

export const COUNT_FIELDS: Array<keyof StatCounts> = [
  'received',
  'responded',
  'respondedOnTime',
  'resolved',
  'resolvedOnTime',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'escalated',
  'autoClosed',
];

export const STATUS_FIELDS = APPEAL_STATUSES.map((s) => `status_${s}` as const);

export const emptyCounts = (): StatCounts =>
  Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as unknown as StatCounts;
