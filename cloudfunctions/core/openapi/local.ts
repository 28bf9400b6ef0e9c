/**
 * The local runtime's answers to the open-API calls (JIAYUAN_LOCAL=1): a mini-program code is a QR
 * of the H5 link of the page it opens, on this emulator's origin (JIAYUAN_H5_URL).
 */
import { PAGES } from '../../../types/routes';
import { qrPngForPrint, scanLink } from '../qr';
import type { WxOpenApi } from './types';

export const localOpenApi = (h5Origin: string): WxOpenApi => ({
  async unlimitedCode({ scene, page }) {
    // Only the scan page is printed; its scene is the building code.
    if (page !== PAGES.scan) throw new Error(`local wxacode: no H5 link for page ${page}`);
    return qrPngForPrint(scanLink(h5Origin, scene));
  },
});
