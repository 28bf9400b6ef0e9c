/** QR codes drawn by the functions (a booking's code, an invitation, a building's local door code): PNG, no canvas needed. */
import QRCode from 'qrcode';
import { routes } from '../../types/routes';

/** A PNG data URL of `text`; medium error correction survives a scratched phone screen. */
export const qrPngDataUrl = (text: string): Promise<string> => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });

/** A PNG of `text` for print: 8 pixels a module, so a printer never smears a module across dots. */
export const qrPngForPrint = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });

/**
 * The H5 link of a building's scan page. WeChat's 扫普通链接二维码打开小程序 rule (prefix = the H5
 * origin) routes the same link into the mini-program's scan page, which reads the code from `q`.
 */
export const scanLink = (h5Origin: string, code: string): string => `${h5Origin.replace(/\/+$/, '')}/#${routes.scan({ code })}`;
