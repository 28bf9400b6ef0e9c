/** 志愿服务证明 and 双报到's half-year check, from the service record. Pure. */
import { CERTIFICATE_SERVICES_MAX, type CertificateView, type RecordItem } from '../../../types/volunteer.constants';

const OFFSET_MS = 8 * 3_600_000;
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10);

export interface CertificateFigures {
  from: string;
  to: string;
  hours: number;
  activities: number;
  services: CertificateView['services'];
}

/** The served items (hours > 0) whose Shanghai day falls in [from, to] (either open), summed. */
export function certificateFigures(items: readonly RecordItem[], from: string | undefined, to: string | undefined): CertificateFigures {
  const served = items
    .filter((i) => i.hours > 0)
    .filter((i) => (!from || shanghaiDay(i.start) >= from) && (!to || shanghaiDay(i.start) <= to))
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  const days = served.map((i) => shanghaiDay(i.start));
  return {
    from: from ?? days[days.length - 1] ?? '',
    to: to ?? days[0] ?? '',
    hours: Math.round(served.reduce((s, i) => s + i.hours, 0) * 100) / 100,
    activities: served.length,
    services: served.slice(0, CERTIFICATE_SERVICES_MAX).map((i) => ({ title: i.title, typeLabel: i.typeLabel, teamName: i.teamName, day: shanghaiDay(i.start), hours: i.hours })),
  };
}

/** 32 symbols without I, L, O, U: a code read aloud or typed is hard to get wrong. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 16-symbol code (80 bits) from random bytes. */
export function codeOf(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new Error('need 16 random bytes');
  return Array.from(bytes.slice(0, 16), (b) => CODE_ALPHABET[b & 31]).join('');
}
