/**
 * How a module (appeals, booking, volunteer, council, the workbench) declares itself on the client:
 * its pages and the entries it adds to 首页, 我的 and the staff workbench. Each module exports one
 * `defineModule({...})` from its `module.ts`; `src/modules.ts` lists them. No React, no zod: the
 * app config imports this at build time.
 */
import type { Me } from '@contract/users';
import type { PagePath, Route } from '@contract/routes';

/** A tile on the home page. */
export interface HomeEntry {
  key: string;
  label: string;
  /** The one character drawn in the tile's circle. */
  glyph: string;
  color: string;
  url: Route;
  /** 长辈版's words for it, when plainer than `label` (反映问题 for 反映诉求). */
  plainLabel?: string;
  /** One of the main actions 长辈版 puts first on 首页, as large buttons. */
  main?: boolean;
}

/** A row in 我的; `show` decides per signed-in user (everyone when absent). */
export interface MineEntry {
  key: string;
  title: string;
  description?: string;
  url: Route;
  show?: (me: Me) => boolean;
  /** After every module's rows (a row few people need, like 我是工作人员). */
  last?: boolean;
}

/** A tile on the staff workbench; `show` decides by the caller's roles (the server checks again). */
export interface WorkEntry {
  key: string;
  label: string;
  hint: string;
  url: Route;
  show: (me: Me) => boolean;
}

export interface ClientModule {
  /** The capability's word, as in `types/`, `cloudfunctions/` and `src/packages/`. */
  name: string;
  /** Pages in the main package: only what a QR scan must open without downloading a subpackage. */
  mainPages?: readonly PagePath[];
  /** The module's subpackage as app.json declares it: `subpackageOf('packages/<name>')`. */
  subpackage?: { root: string; pages: readonly string[] };
  homeEntries?: readonly HomeEntry[];
  mineEntries?: readonly MineEntry[];
  workEntries?: readonly WorkEntry[];
}

/** Declares a module (an identity function: it only checks the shape). */
export function defineModule<M extends ClientModule>(module: M): M {
  return module;
}
