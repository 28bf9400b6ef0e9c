import { routes } from '@contract/routes';
import { homeEntries } from '@/modules';
import type { HomeEntry } from '@/registry';

/** The home page's tiles: every module's, then the shell's own 我的. */
export const HOME_ENTRIES: readonly HomeEntry[] = [
  ...homeEntries(),
  { key: 'mine', label: '我的', glyph: '我', color: '#8e44ad', url: routes.mine() },
];

/** 长辈版: the main actions first (in their plain words), then the rest. */
export function elderEntries(entries: readonly HomeEntry[] = HOME_ENTRIES): { main: HomeEntry[]; rest: HomeEntry[] } {
  return { main: entries.filter((e) => e.main), rest: entries.filter((e) => !e.main) };
}

/** The words an entry is shown with. */
export const entryLabel = (entry: HomeEntry, elder: boolean): string => (elder ? (entry.plainLabel ?? entry.label) : entry.label);
