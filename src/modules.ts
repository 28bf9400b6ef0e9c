/**
 * Every module of the app, registered once: app.config.ts takes the pages and subpackages from here,
 * 首页, 我的 and the workbench their entries. To add a module, write its `module.ts`, add its pages to
 * types/routes.ts and list it in MODULES.
 * Zod-free and React-free: app.config.ts imports this at build time.
 */
import type { Me } from '@contract/users';
import { PAGES, type PagePath } from '@contract/routes';
import { adminModule } from '@/packages/admin/module';
import { bookingModule } from '@/packages/booking/module';
import { councilModule } from '@/packages/council/module';
import { volunteerModule } from '@/packages/volunteer/module';
import { appealsModule } from '@/pages/appeals/module';
import type { ClientModule, HomeEntry, MineEntry, WorkEntry } from '@/registry';

/** The capabilities, in the order their entries appear. */
export const MODULES: readonly ClientModule[] = [appealsModule, bookingModule, volunteerModule, councilModule];

/** The staff side's shell: its row leads 我的, its own tiles follow the modules' on the workbench. */
export const WORKBENCH: ClientModule = adminModule;

/** The shell's own pages, before any module's; the first is where the app opens. */
const SHELL_PAGES: readonly PagePath[] = [PAGES.home, PAGES.scan, PAGES.mine];

/** The `pages` and `subPackages` of app.json. */
export function appPages(capabilities: readonly ClientModule[] = MODULES): { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } {
  const modules = [WORKBENCH, ...capabilities];
  return {
    pages: [...SHELL_PAGES, ...modules.flatMap((m) => m.mainPages ?? [])],
    subPackages: modules.flatMap((m) => (m.subpackage ? [{ root: m.subpackage.root, pages: [...m.subpackage.pages] }] : [])),
  };
}

export const homeEntries = (modules: readonly ClientModule[] = MODULES): HomeEntry[] => modules.flatMap((m) => m.homeEntries ?? []);

export const mineEntries = (me: Me, modules: readonly ClientModule[] = MODULES): MineEntry[] =>
  [WORKBENCH, ...modules]
    .flatMap((m) => m.mineEntries ?? [])
    .filter((entry) => entry.show?.(me) ?? true)
    .sort((a, b) => Number(a.last ?? false) - Number(b.last ?? false));

export const workEntries = (me: Me, modules: readonly ClientModule[] = MODULES): WorkEntry[] =>
  [...modules, WORKBENCH].flatMap((m) => m.workEntries ?? []).filter((entry) => entry.show(me));
