/**
 * Draws a 志愿服务证明 on a 2D canvas context (WeChat's canvas 2d or the browser's), with the
 * system font: no font files shipped. Returns the height used. Only what it needs of the context.
 */
import type { CertificateView } from '@contract/volunteer.constants';
import { formatDay } from '@/utils/time';

export interface Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** Punctuation a Chinese line must not begin with (避头点). */
const CLOSING = /[)）\]】}」』》〉”’,，.。、;；:：!！?？]/u;

/**
 * Splits a line into pieces no wider than `max` (by the context's own measure). Closing punctuation
 * never starts a piece: the character before it moves down with it.
 */
export function wrap(ctx: Pick<Ctx2D, 'measureText'>, line: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of Array.from(line)) {
    if (current && ctx.measureText(current + ch).width > max) {
      const chars = Array.from(current);
      let carried = '';
      // Down with the punctuation goes the character before it (and any punctuation before that).
      if (CLOSING.test(ch)) while (chars.length > 1 && (carried === '' || CLOSING.test(carried[0]))) carried = chars.pop()! + carried;
      out.push(chars.join(''));
      current = carried + ch;
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

export const CERT_WIDTH = 750;
export const CERT_HEIGHT = 1100;

export function certificateLines(c: CertificateView): string[] {
  return [
    `兹证明 ${c.name} 同志`,
    `于 ${c.from} 至 ${c.to} 期间`,
    `参加志愿服务 ${c.activities} 次，累计服务时长 ${c.hours} 小时。`,
    '主要服务内容：',
    ...c.services.slice(0, 8).map((s) => `${s.day} ${s.title}（${s.typeLabel}，${s.hours}小时）`),
    ...(c.services.length > 8 ? [`等共 ${c.activities} 项`] : []),
    '特此证明。',
  ];
}

export function drawCertificate(ctx: Ctx2D, c: CertificateView): void {
  const W = CERT_WIDTH;
  ctx.fillStyle = '#fffdf7';
  ctx.fillRect(0, 0, W, CERT_HEIGHT);
  ctx.strokeStyle = '#c0392b';
  ctx.lineWidth = 6;
  ctx.strokeRect(24, 24, W - 48, CERT_HEIGHT - 48);
  ctx.fillStyle = '#c0392b';
  ctx.textAlign = 'center';
  ctx.font = 'bold 52px sans-serif';
  ctx.fillText('志愿服务证明', W / 2, 130);
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'left';
  ctx.font = '28px sans-serif';
  let y = 220;
  for (const line of certificateLines(c)) {
    for (const piece of wrap(ctx, line, W - 140)) {
      if (y > CERT_HEIGHT - 290) break; // the issuer and the code keep their place
      ctx.fillText(piece, 70, y);
      y += 46;
    }
  }
  ctx.textAlign = 'right';
  ctx.fillText(c.issuer, W - 70, CERT_HEIGHT - 230);
  ctx.fillText(formatDay(c.issuedAt), W - 70, CERT_HEIGHT - 180);
  if (c.issuerPhone) {
    ctx.font = '22px sans-serif';
    ctx.fillText(`联系电话：${c.issuerPhone}`, W - 70, CERT_HEIGHT - 140);
  }
  ctx.textAlign = 'left';
  ctx.font = '22px sans-serif';
  ctx.fillStyle = '#555555';
  ctx.fillText(`验证码：${c.code}`, 70, CERT_HEIGHT - 110);
  ctx.fillText('凭验证码在“志愿服务·证明验证”中核验', 70, CERT_HEIGHT - 74);
}
