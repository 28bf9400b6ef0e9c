/**
 * The local runtime's answers to the open-API calls (JIAYUAN_LOCAL=1): a mini-program code is a QR
 * of the H5 link of the page it opens, on this emulator's origin (JIAYUAN_H5_URL).
 */
import { PAGES, routes } from '../../../types/routes';
import { qrPngForPrint, scanLink } from '../qr';
import type { WxOpenApi } from './types';

/** The pages a code opens, each with the H5 link its scene stands for. */
const H5_LINKS: Partial<Record<string, (origin: string, scene: string) => string>> = {
  // a building's door code
  [PAGES.scan]: scanLink,
  // a staff invitation
  [PAGES.staffAccept]: (origin, scene) => `${origin.replace(/\/+$/, '')}/#${routes.staffAccept(scene)}`,
};

export const localOpenApi = (h5Origin: string): WxOpenApi => ({
  async unlimitedCode({ scene, page }) {
    const link = H5_LINKS[page];
    if (!link) throw new Error(`local wxacode: no H5 link for page ${page}`);
    return qrPngForPrint(link(h5Origin, scene));
  },
});
