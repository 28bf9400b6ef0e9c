import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SESSION_COOKIE = 'jy_session';
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

/**
 * The local runtime's secret, generated once and kept in `dataDir/local-secret` (mode 600).
 * Session cookies and storage URLs are signed with keys derived from it.
 */
export function loadSecret(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'local-secret');
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} 内容无效；删除该文件后重启即可重新生成`);
  return Buffer.from(hex, 'hex');
}

export interface Session {
  openid: string;
  expiresAt: number;
}

/** Signed session cookie: `v1.<base64url openid>.<expiry seconds>.<HMAC-SHA256>`. */
export class SessionSigner {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('session-cookie').digest();
  }

  issue(openid: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + SESSION_MAX_AGE_SECONDS;
    const payload = `v1.${Buffer.from(openid, 'utf8').toString('base64url')}.${expires}`;
    return `${payload}.${this.mac(payload)}`;
  }

  verify(value: string | undefined, now = Date.now()): Session | null {
    if (!value || value.length > 1024) return null;
    const parts = value.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1' || !/^\d{1,12}$/.test(parts[2])) return null;
    const payload = parts.slice(0, 3).join('.');
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(parts[3]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expiresAt = Number(parts[2]) * 1000;
    if (expiresAt <= now) return null;
    const openid = Buffer.from(parts[1], 'base64url').toString('utf8');
    return openid ? { openid, expiresAt } : null;
  }

  cookie(openid: string): string {
    return `${SESSION_COOKIE}=${this.issue(openid)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_SECONDS}`;
  }

  static clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
