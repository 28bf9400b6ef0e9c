/**
 * The print-ready PDF: one poster per A4 page, or two A5 posters side by side on a landscape A4 page
 * (cut along the dashed line). A poster is drawn once in A4 points and scaled into its box. Its text
 * is set in Noto Sans SC, embedded as a subset of the glyphs used (pdfkit subsets through fontkit).
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type PDFKitDocument from 'pdfkit';
import type { PosterLayout } from '../../../types/posters';
import { posterFonts } from './fonts';
import type { ResponsePromise } from './promise';

export interface PosterContent {
  code: string;
  buildingName: string;
  address: string;
  communityName: string;
  gridName: string;
  workerName: string | null;
  workerPhone: string | null;
  /** PNG: the mini-program code (CloudBase) or the QR of the H5 scan link (local). */
  image: Buffer;
}

export interface PosterDocumentInfo {
  title: string;
  promise: ResponsePromise;
  /** What the code opens, for the small print under it. */
  codeHint: string;
}

// pdfkit's ES build reads import.meta.url, which the functions' CommonJS bundle lacks: use its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as typeof PDFKitDocument;

const RED = '#c8161d';
const INK = '#1f1f1f';
const GREY = '#666666';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };
/** A5 is A4 scaled by 1/√2: two fit side by side on a landscape A4 page. */
const A5_SCALE = A4.height / 2 / A4.width;

type Doc = InstanceType<typeof PDFDocument>;
type Fonts = ReturnType<typeof posterFonts>;

/** `text` centred on one line at `y`, its size shrunk (down to `min`) until it fits `width`. */
function centred(doc: Doc, text: string, y: number, opts: { font: string; size: number; min?: number; color: string; x?: number; width?: number }) {
  const x = opts.x ?? 40;
  const width = opts.width ?? A4.width - 80;
  let size = opts.size;
  // by file path: pdfkit caches a font under the name it was asked by, and a registered alias of an
  // already loaded font is parsed again on every call (10 MB each time)
  doc.font(opts.font);
  while (size > (opts.min ?? opts.size) && doc.fontSize(size).widthOfString(text) > width) size -= 1;
  // a height keeps pdfkit from starting a new page for text below the (unscaled) page bottom
  doc.fontSize(size).fillColor(opts.color).text(text, x, y, { width, height: size * 2, align: 'center', lineBreak: false });
}

/** One poster in A4 points at the current transform. */
function drawPoster(doc: Doc, p: PosterContent, info: PosterDocumentInfo, { regular, bold }: Fonts) {
  const W = A4.width;
  doc.rect(0, 0, W, 170).fill(RED);
  centred(doc, `一码通 · ${info.promise.headline}`, 36, { font: bold, size: 50, color: '#ffffff' });
  centred(doc, '扫码反映问题 · 预约办事 · 参与议事', 112, { font: regular, size: 20, color: '#ffffff' });

  centred(doc, p.buildingName, 196, { font: bold, size: 34, min: 18, color: INK });
  centred(doc, p.address, 244, { font: regular, size: 14, min: 9, color: GREY });

  const qr = 290;
  doc.image(p.image, (W - qr) / 2, 272, { width: qr, height: qr });
  centred(doc, info.codeHint, 570, { font: regular, size: 15, color: INK });

  doc.roundedRect(48, 606, W - 96, 118, 10).lineWidth(2).stroke(RED);
  const worker = p.workerName ? `网格员：${p.workerName}${p.workerPhone ? `　电话：${p.workerPhone}` : ''}` : '网格员：暂未配备，请联系社区';
  centred(doc, worker, 624, { font: bold, size: 22, min: 14, color: INK, x: 60, width: W - 120 });
  centred(doc, `${p.communityName} · ${p.gridName}`, 662, { font: regular, size: 15, min: 10, color: INK, x: 60, width: W - 120 });
  centred(doc, `楼栋码 ${p.code}`, 692, { font: regular, size: 12, color: GREY, x: 60, width: W - 120 });

  info.promise.lines.forEach((line, i) => centred(doc, line, 744 + i * 26, { font: bold, size: 17, min: 11, color: RED }));
  centred(doc, '请勿遮挡或撕毁 · 幸福家园', 808, { font: regular, size: 10, color: GREY });
}

/** A landscape A4 page's cut line between its two A5 posters. */
function cutLine(doc: Doc) {
  doc.save();
  doc.moveTo(A4.height / 2, 0).lineTo(A4.height / 2, A4.width).lineWidth(0.5).dash(4, { space: 4 }).stroke('#999999');
  doc.restore();
}

/**
 * Writes the posters to `file` as they come (a page is written out when the next begins, so memory
 * stays flat over a street's thousands of buildings); `drawn` is told after each poster.
 */
export async function writePosterPdf(
  file: string,
  layout: PosterLayout,
  posters: AsyncIterable<PosterContent>,
  info: PosterDocumentInfo,
  drawn: (n: number) => Promise<void> = async () => undefined,
): Promise<number> {
  const fonts = posterFonts();
  // the default font is ours: pdfkit's standard fonts (Helvetica) are never loaded
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, font: fonts.regular, info: { Title: info.title, Author: '幸福家园', Creator: '幸福家园 一码通' } });
  const out = createWriteStream(file);
  doc.pipe(out);
  let n = 0;
  try {
    for await (const poster of posters) {
      const left = n % 2 === 0;
      if (layout === 'a4') doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
      else if (left) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
        cutLine(doc);
      }
      doc.save();
      if (layout === 'a5x2') doc.translate(left ? 0 : A4.height / 2, 0).scale(A5_SCALE);
      drawPoster(doc, poster, info, fonts);
      doc.restore();
      n += 1;
      await drawn(n);
    }
  } finally {
    doc.end();
    await finished(out);
  }
  return n;
}
