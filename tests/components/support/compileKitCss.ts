/**
 * Prints the kit's CSS as the H5 build makes it (run by kitCss.ts in a node process: dart-sass takes
 * jsdom for a browser). NutUI's theme and the components resident pages use, as they ship (the H5
 * build leaves node_modules CSS alone), then src/'s SCSS (staff pages aside) through sass and Taro's
 * postcss-pxtransform with the designWidth and deviceRatio of config/index.ts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import * as sass from 'sass';
import config from '../../../config/index';

// Taro's own pxtransform (untyped CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pxtransform = require('postcss-pxtransform') as (options: object) => postcss.AcceptedPlugin;

const ROOT = path.resolve(__dirname, '../../..');
const NUTUI = path.join(ROOT, 'node_modules/@nutui/nutui-react-taro/dist');

function scssFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? scssFiles(file) : name.endsWith('.scss') ? [file] : [];
    })
    .sort();
}

type ConfigFn = (merge: (...objects: object[]) => object, env: { mode: string; command: string }) => { designWidth: unknown; deviceRatio: unknown };
const { designWidth, deviceRatio } = (config as unknown as ConfigFn)((...objects) => Object.assign({}, ...objects), { mode: 'production', command: 'build' });

const nutui = ['styles/themes/default.css', 'es/packages/button/style/style.css', 'es/packages/loading/style/style.css'].map((f) => readFileSync(path.join(NUTUI, f), 'utf8'));
const src = path.join(ROOT, 'src');
const files = [path.join(src, 'app.scss'), ...scssFiles(src).filter((f) => !f.includes(`${path.sep}packages${path.sep}admin`) && !f.endsWith(`${path.sep}app.scss`) && !f.includes(`${path.sep}styles${path.sep}`))];
const ours = files.map((file) => {
  const css = sass.compile(file, { loadPaths: [src] }).css;
  return postcss([pxtransform({ platform: 'h5', designWidth, deviceRatio })]).process(css, { from: file }).css;
});
process.stdout.write([...nutui, ...ours].join('\n'));
