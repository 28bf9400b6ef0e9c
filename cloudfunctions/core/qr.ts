/** QR codes drawn by the functions (a booking's code, a poster's building link): PNG, no canvas needed. */
import QRCode from 'qrcode';

/** A PNG data URL of `text`; medium error correction survives a scratched phone screen. */
export const qrPngDataUrl = (text: string): Promise<string> => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
