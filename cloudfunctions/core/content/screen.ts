/**
 * The router's screening step for an action's `screen` fields, after validation: images must be
 * the caller's own uploads in this environment; text and images go through content security.
 * Anything risky (or not the caller's) fails the whole call with `INVALID_INPUT` on the field path
 * before the handler runs, so nothing is written; `review` is handed to the handler.
 */
import type { FieldIssue, ScreenDef, Screening } from '../../../types/contract';
import { AppError } from '../errors';
import { FILE_REFUSALS, refuseFile } from '../storage/fileId';
import { worst, type ContentChecker, type Verdict } from './types';

export const TEXT_RISKY_MESSAGE = '内容含有不适宜公开的信息，请修改后再提交';
export const IMAGE_RISKY_MESSAGE = '图片含有不适宜公开的信息，请更换后再提交';

export interface ScreenContext {
  openid: string;
  /** This function's CloudBase environment id. */
  env: string;
  checker: ContentChecker;
}

/** A field's strings with their issue paths: `text` or `photos.0`, `photos.1`, … */
function entries(input: Record<string, unknown>, field: string): Array<[path: string, value: string]> {
  const value = input[field];
  if (typeof value === 'string') return [[field, value]];
  if (Array.isArray(value)) return value.flatMap((v, i): Array<[string, string]> => (typeof v === 'string' ? [[`${field}.${i}`, v]] : []));
  return [];
}

export async function screenInput(def: ScreenDef, input: unknown, ctx: ScreenContext): Promise<Screening> {
  const values = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const scene = def.scene ?? 'comment';
  const issues: FieldIssue[] = [];
  const kept: Verdict[] = [];
  const judge = (path: string, v: Verdict, message: string) => {
    if (v === 'risky') issues.push({ path, message });
    else kept.push(v);
  };

  // Whose files: checked before any of them is shown to WeChat.
  const images = (def.images ?? []).flatMap((field) => entries(values, field));
  const owned: Array<[string, string]> = [];
  for (const [path, fileId] of images) {
    const refusal = refuseFile(fileId, ctx);
    if (refusal) issues.push({ path, message: FILE_REFUSALS[refusal] });
    else owned.push([path, fileId]);
  }

  const texts = (def.text ?? []).flatMap((field) => entries(values, field)).filter(([, text]) => text.trim() !== '');
  const [textVerdicts, imageVerdicts] = await Promise.all([
    Promise.all(texts.map(([, text]) => ctx.checker.checkText(text, { openid: ctx.openid, scene }))),
    issues.length > 0 || owned.length === 0 ? Promise.resolve([] as Verdict[]) : ctx.checker.checkImages(owned.map(([, id]) => id), { openid: ctx.openid, scene }),
  ]);
  texts.forEach(([path], i) => judge(path, textVerdicts[i], TEXT_RISKY_MESSAGE));
  imageVerdicts.forEach((v, i) => judge(owned[i][0], v, IMAGE_RISKY_MESSAGE));

  if (issues.length > 0) {
    issues.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    throw new AppError('INVALID_INPUT', issues[0].message, issues);
  }
  return kept.reduce(worst, 'pass') === 'review' ? 'review' : 'pass';
}
