// Reads a PDF with pdf.js (pdfjs-dist) in a plain node process (pdf.js ships ES modules only, which
// jest's module system does not load): every page's text, and every image painted, decoded with jsQR.
// Usage: node pdfProbe.mjs <file.pdf>; prints JSON { pages: [{ width, height, text, images: [{ width, height, qr }] }] }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');

/** pdf.js image kinds: 1 = 1 bit grey, 2 = RGB, 3 = RGBA; jsQR takes RGBA. */
function rgba(img) {
  const { width, height, kind, data } = img;
  if (kind === 3) return new Uint8ClampedArray(data);
  const out = new Uint8ClampedArray(width * height * 4);
  if (kind === 2) {
    for (let i = 0, j = 0; i < width * height; i++, j += 3) out.set([data[j], data[j + 1], data[j + 2], 255], i * 4);
    return out;
  }
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
      out.set([v, v, v, 255], (y * width + x) * 4);
    }
  return out;
}

const objOf = (page, name) => new Promise((resolve) => (name.startsWith('g_') ? page.commonObjs : page.objs).get(name, resolve));

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, isOffscreenCanvasSupported: false, isImageDecoderSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let p = 1; p <= pdf.numPages; p++) {
  const page = await pdf.getPage(p);
  const [x0, y0, x1, y1] = page.view;
  const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
  const ops = await page.getOperatorList();
  const images = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const img = await objOf(page, ops.argsArray[i][0]);
    const found = jsQR(rgba(img), img.width, img.height);
    images.push({ width: img.width, height: img.height, qr: found ? found.data : null });
  }
  pages.push({ width: x1 - x0, height: y1 - y0, text, images });
}
process.stdout.write(JSON.stringify({ pages }));
