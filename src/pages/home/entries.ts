import { routes } from '@contract/routes';
import { homeEntries } from '@/modules';
import type { HomeEntry } from '@/registry';

/** The home page's tiles: every module's, then the shell's own 我的. */
export const HOME_ENTRIES: readonly HomeEntry[] = [
  ...homeEntries(),
  { key: 'mine', label: '我的', glyph: '我', color: '#8e44ad', url: routes.mine() },
];
