import Taro from '@tarojs/taro';

/**
 * The resident's subscribe-message templates (受理通知、办理进度、办结待评价). Template ids belong to
 * the mini-program's WeChat account, so they come from the build's environment.
 */
const RESIDENT_TEMPLATES = [
  process.env.TARO_APP_TMPL_APPEAL_ACCEPTED,
  process.env.TARO_APP_TMPL_APPEAL_PROGRESS,
  process.env.TARO_APP_TMPL_APPEAL_RESOLVED,
].filter((id): id is string => Boolean(id));

/** Asks, from the resident's own tap, for permission to send appeal updates. Never blocks filing. */
export async function askForAppealUpdates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || RESIDENT_TEMPLATES.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: RESIDENT_TEMPLATES, entityIds: [] } as never);
  } catch {
    // Declined or unsupported: the appeal is filed all the same.
  }
}
