/** 有呼必应: the response promise printed on every poster, from the appeals' deadlines (限期办结制). Pure. */
import { APPEAL_CATEGORIES, APPEAL_CATEGORY_KEYS } from '../../../types/appeals.constants';

export interface ResponsePromise {
  headline: string;
  /** The slowest category's response limit: what every resident can count on. */
  respondHours: number;
  /** The fastest limit and the categories it applies to (电梯故障、安全隐患). */
  urgent: { hours: number; labels: string[] };
  /** The promise as printed, a line each. */
  lines: string[];
}

export function responsePromise(): ResponsePromise {
  const hours = APPEAL_CATEGORY_KEYS.map((k) => APPEAL_CATEGORIES[k].respondHours);
  const slowest = Math.max(...hours);
  const fastest = Math.min(...hours);
  const labels = APPEAL_CATEGORY_KEYS.filter((k) => APPEAL_CATEGORIES[k].respondHours === fastest).map((k) => APPEAL_CATEGORIES[k].label);
  const lines = [`扫码反映问题，${slowest} 个工作小时内必有回应`];
  if (fastest < slowest) lines.push(`${labels.join('、')} ${fastest} 小时内响应`);
  return { headline: '有呼必应', respondHours: slowest, urgent: { hours: fastest, labels }, lines };
}
