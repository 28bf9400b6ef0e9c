import Taro from '@tarojs/taro';
import { templateIdsOf } from '@contract/subscribe.constants';

/** The build's template ids (config/index.ts); none in a build without them, such as the local one. */
function buildTemplateIds(): Record<string, string> {
  try {
    return JSON.parse(process.env.TARO_APP_TEMPLATE_IDS || '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Asks, from the resident's own tap, for permission to send these subscribe messages (a module's
 * `*_SUBSCRIPTIONS`). Call it first in the tap's handler; it never blocks what the tap does.
 */
export async function askForUpdates(templates: readonly string[]): Promise<void> {
  const tmplIds = templateIdsOf(templates, buildTemplateIds());
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never);
  } catch {
    // Declined or unsupported: the action goes on all the same.
  }
}
