import type { CertificateView } from '@contract/volunteer.constants';
import { drawCertificate, wrap, type Ctx2D } from './drawCertificate';

const cert: CertificateView = {
  code: 'AB12CD34EF56GH78',
  name: '李建国',
  from: '2026-07-03',
  to: '2026-11-20',
  hours: 12.5,
  activities: 5,
  services: [{ title: '邻里调解接待日', typeLabel: '邻里和', teamName: '矛盾调处服务队', day: '2026-11-20', hours: 2 }],
  issuer: '海岸社区志愿服务站',
  issuerPhone: '0535-6601101',
  issuedAt: '2026-12-01T16:30:00.000Z',
  note: '',
};

it('draws every field the certificate must state, and the verification code', () => {
  const texts: string[] = [];
  const ctx: Ctx2D = {
    fillStyle: '',
    strokeStyle: '',
    font: '',
    textAlign: 'left',
    lineWidth: 1,
    fillRect: () => undefined,
    strokeRect: () => undefined,
    fillText: (text) => void texts.push(text),
    // Han characters a full em, the rest about half.
    measureText: (text) => ({ width: Array.from(text).reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 28 : 15), 0) }),
  };
  drawCertificate(ctx, cert);
  // Long lines wrap onto the next; none is wider than the certificate's text column.
  for (const text of texts) expect(ctx.measureText(text).width).toBeLessThanOrEqual(750 - 140);
  const all = texts.join('');
  for (const part of ['志愿服务证明', '李建国', '2026-07-03 至 2026-11-20', '5 次', '12.5 小时', '邻里调解接待日', '海岸社区志愿服务站', '0535-6601101', 'AB12CD34EF56GH78']) expect(all).toContain(part);
  // Issued 00:30 on 2 December in Shanghai: the date is Shanghai's whatever the machine's zone.
  expect(all).toContain('2026-12-02');
});

it('never starts a wrapped line with closing punctuation', () => {
  // Ten characters fit; the eleventh is closing punctuation.
  const ctx = { measureText: (text: string) => ({ width: Array.from(text).length * 28 }) };
  const line = '2026年独居老人入户探访（邻里情，1.5小时）';
  const pieces = wrap(ctx, '独居老人入户探访邻里）特此证明。', 280);
  expect(pieces).toEqual(['独居老人入户探访邻', '里）特此证明。']);
  expect(wrap(ctx, '独居老人入户探访邻）。特此证明', 280)).toEqual(['独居老人入户探访', '邻）。特此证明']);
  for (const max of [140, 168, 196, 224, 252, 280, 308]) {
    const cut = wrap(ctx, line, max);
    expect(cut.join('')).toBe(line);
    for (const piece of cut.slice(1)) expect(piece).not.toMatch(/^[）)，。、]/);
    for (const piece of cut) expect(ctx.measureText(piece).width).toBeLessThanOrEqual(max);
  }
});
