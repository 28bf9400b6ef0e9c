import { APPEAL_CATEGORIES, APPEAL_CATEGORY_KEYS, type appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';

export const categories: Handler<typeof appealsContract.categories> = async () =>
  APPEAL_CATEGORY_KEYS.map((key) => ({ key, ...APPEAL_CATEGORIES[key] }));
