import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface PdfPage {
  /** Points. */
  width: number;
  height: number;
  /** The page's text as pdf.js extracts it: its items, a line break where a line ends. */
  text: string;
  /** Every image painted on the page, in order, with what jsQR decodes from it (null: no QR found). */
  images: Array<{ width: number; height: number; qr: string | null }>;
}

/** Reads a PDF as a viewer would (pdf.js): its pages' text and images, each image's QR decoded. */
export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jy-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'pdfProbe.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as { pages: PdfPage[] }).pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text with every run of white space (line breaks and the ideographic space too) as one space, to compare. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
