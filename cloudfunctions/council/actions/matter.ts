/** One matter: story, 附议, the household's vote, turnout while voting and the result once counted. */
import type { councilContract } from '../../../types/council';
import type { Handler } from '../../core/router';
import { loadMatter } from '../app/load';
import { viewOf } from '../app/view';

export const matter: Handler<typeof councilContract.matter> = async ({ id }, { caller, now }) => viewOf(await loadMatter(id, caller), { caller, now });
