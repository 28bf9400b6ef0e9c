/**
 * Subscribe messages, as both sides name them. A template's id belongs to the mini-program's WeChat
 * account, so the functions read it from `JIAYUAN_TMPL_<KEY>` at run time and the app's build inlines
 * the same variables (config/index.ts); the template keys are those of the modules' templates.ts.
 * Zod-free.
 */

/** WeChat asks about at most three templates in one `requestSubscribeMessage`. */
export const SUBSCRIBE_MAX = 3;

/** `bookingReminder` → `JIAYUAN_TMPL_BOOKING_REMINDER`. */
export function templateEnvName(template: string): string {
  return `JIAYUAN_TMPL_${template.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** The ids of those templates that have one in `ids` (env name → id), in order, at most three. */
export function templateIdsOf(templates: readonly string[], ids: Record<string, string>): string[] {
  return templates
    .map((t) => ids[templateEnvName(t)])
    .filter((id): id is string => Boolean(id))
    .slice(0, SUBSCRIBE_MAX);
}
