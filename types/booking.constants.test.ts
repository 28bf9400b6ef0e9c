import { bookingScanText, codeFromScan } from './booking.constants';

describe('the booking code a front desk scans', () => {
  it('reads the code from the QR text, or six digits typed or printed, and nothing else', () => {
    expect(codeFromScan(bookingScanText('012345'))).toBe('012345');
    expect(codeFromScan(' 987654 ')).toBe('987654');
    expect(codeFromScan('jiayuan:booking:12345')).toBeNull();
    expect(codeFromScan('https://jiayuan.example/pages/scan/index?code=370602B0013')).toBeNull();
    expect(codeFromScan('jiayuan:booking:0123456')).toBeNull();
  });
});
