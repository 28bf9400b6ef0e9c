/**
 * The webpack module graph of a Taro weapp build, read back from the compiled chunks in `dist/`.
 *
 * Tencent's code-quality check looks at whole files: it cannot see that `common.js` or `vendors.js`
 * in the main package carries a module only a subpackage's pages use. Taro bundles shared code into
 * those files, so this reads every `(wx.webpackJsonp = …).push([[chunkIds], { id: function (module,
 * exports, require) { … } }, entry])` call, takes each module's `require(<id>)` calls and each entry
 * chunk's start modules, and answers which modules in main-package files only subpackages reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One module as it appears in one file (Taro copies subpackage-shared modules into each subpackage). */
export interface WebpackModule {
  id: number;
  /** Path of the file under dist/, with forward slashes. */
  file: string;
  /** Characters of the module's function, minified. */
  size: number;
  /** Module ids it requires. */
  deps: number[];
  /** The first characters of its body: enough to recognise it. */
  excerpt: string;
}

export interface WebpackGraph {
  modules: WebpackModule[];
  /** Start modules of each entry chunk file (app.js, each page, comp.js). */
  entries: Array<{ file: string; ids: number[] }>;
}

/** Numeric value of `1234`, `"1234"` or `1234:` keys, else undefined. */
function numeric(node: ts.Node | undefined): number | undefined {
  if (!node) return undefined;
  if (ts.isNumericLiteral(node) || ts.isStringLiteral(node)) {
    const value = Number(node.text);
    return Number.isInteger(value) ? value : undefined;
  }
  if (ts.isIdentifier(node) && /^\d+$/.test(node.text)) return Number(node.text);
  return undefined;
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** Whether a nested function or catch clause rebinds `name` (minifiers reuse short names in inner scopes). */
function rebinds(node: ts.Node, name: string): boolean {
  if (ts.isCatchClause(node)) {
    const binding = node.variableDeclaration?.name;
    return !!binding && ts.isIdentifier(binding) && binding.text === name;
  }
  if (!isFunction(node)) return false;
  if (node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return true;
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name?.text === name) return true;
  let declared = false;
  const visit = (child: ts.Node): void => {
    if (declared || isFunction(child)) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.name.text === name) declared = true;
    else ts.forEachChild(child, visit);
  };
  if (node.body) ts.forEachChild(node.body, visit);
  // A function declared in this scope under that name rebinds it too.
  if (node.body && ts.isBlock(node.body)) declared ||= node.body.statements.some((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  return declared;
}

/** Module ids passed as the single numeric argument to `callee` inside `body`, respecting shadowing. */
function numericCalls(body: ts.Node, callee: string): number[] {
  const found: number[] = [];
  const visit = (node: ts.Node): void => {
    if (rebinds(node, callee)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === callee && node.arguments.length === 1) {
      const id = numeric(node.arguments[0]);
      if (id !== undefined) found.push(id);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** Start modules of an entry function `function (e) { var n = function (n) { return e(e.s = n) }; e.O(0, [...], function () { return n(3816) }); e.O() }`. */
function entryIds(fn: ts.Node): number[] {
  const ids: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1) {
      const id = numeric(node.arguments[0]);
      if (id !== undefined) ids.push(id);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return ids;
}

function jsFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full, base);
    return entry.name.endsWith('.js') ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

/** Reads every chunk under `distDir`. */
export function readWebpackGraph(distDir: string): WebpackGraph {
  const graph: WebpackGraph = { modules: [], entries: [] };
  for (const file of jsFiles(distDir)) {
    const text = readFileSync(path.join(distDir, file), 'utf8');
    if (!text.includes('webpackJsonp')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'push' &&
        node.arguments.length === 1 &&
        ts.isArrayLiteralExpression(node.arguments[0])
      ) {
        const [chunkIds, table, entry] = node.arguments[0].elements;
        if (chunkIds && ts.isArrayLiteralExpression(chunkIds) && table && ts.isObjectLiteralExpression(table)) {
          for (const property of table.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const id = numeric(property.name);
            const fn = property.initializer;
            if (id === undefined || !(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn))) continue;
            const requireParam = fn.parameters[2]?.name;
            const deps = requireParam && ts.isIdentifier(requireParam) ? numericCalls(fn.body, requireParam.text) : [];
            const bodyText = fn.body.getText(source);
            graph.modules.push({ id, file, size: fn.getText(source).length, deps: [...new Set(deps)], excerpt: bodyText.slice(0, 120) });
          }
          if (entry && (ts.isFunctionExpression(entry) || ts.isArrowFunction(entry))) graph.entries.push({ file, ids: entryIds(entry) });
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return graph;
}

/** Module ids reachable from `starts`. */
export function reachable(graph: WebpackGraph, starts: number[]): Set<number> {
  const depsOf = new Map<number, Set<number>>();
  for (const m of graph.modules) {
    const set = depsOf.get(m.id) ?? new Set<number>();
    m.deps.forEach((d) => set.add(d));
    depsOf.set(m.id, set);
  }
  const seen = new Set<number>();
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    depsOf.get(id)?.forEach((d) => queue.push(d));
  }
  return seen;
}

export interface MainPackageModuleReport {
  /** Modules in main-package files that no main-package entry reaches but a subpackage does. */
  onlyForSubpackages: WebpackModule[];
  /** Modules in main-package files that no entry reaches at all. */
  unreachable: WebpackModule[];
}

/** `roots`: the subpackage roots from app.json, without the trailing slash. */
export function mainPackageModules(graph: WebpackGraph, roots: string[]): MainPackageModuleReport {
  const inSubpackage = (file: string) => roots.some((root) => file.startsWith(`${root}/`));
  const mainReach = reachable(graph, graph.entries.filter((e) => !inSubpackage(e.file)).flatMap((e) => e.ids));
  const subReach = reachable(graph, graph.entries.filter((e) => inSubpackage(e.file)).flatMap((e) => e.ids));
  const inMain = graph.modules.filter((m) => !inSubpackage(m.file) && !mainReach.has(m.id));
  return {
    onlyForSubpackages: inMain.filter((m) => subReach.has(m.id)),
    unreachable: inMain.filter((m) => !subReach.has(m.id)),
  };
}
