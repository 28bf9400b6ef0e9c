import { INVITE_CODE_PATTERN } from '../../../types/staff.constants';
import { acceptRefusal, expiryOf, makeCode, statusOf } from './invitation';
import { randomInt } from 'node:crypto';

const now = new Date('2026-12-02T02:00:00Z');

describe('invitation codes', () => {
  it('are 8 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(makeCode(randomInt)).toMatch(INVITE_CODE_PATTERN);
    expect(makeCode(() => 0)).toBe('22222222');
  });
});

describe('expiry and once-only', () => {
  const open = { usedBy: null, expiresAt: expiryOf(now, 72) };

  it('expires after the hours given', () => {
    expect(expiryOf(now, 72).toISOString()).toBe('2026-12-05T02:00:00.000Z');
    expect(statusOf(open, now)).toBe('pending');
    expect(statusOf(open, new Date(open.expiresAt.getTime() - 1))).toBe('pending');
    expect(statusOf(open, open.expiresAt)).toBe('expired');
  });

  it('is used once, and says why not in words', () => {
    expect(acceptRefusal(open, now)).toBeNull();
    expect(acceptRefusal({ ...open, usedBy: 'someone' }, now)).toContain('已被使用');
    expect(acceptRefusal(open, expiryOf(now, 73))).toContain('已过期');
    expect(acceptRefusal({ usedBy: 'someone', expiresAt: expiryOf(now, -1) }, now)).toContain('已被使用');
    expect(acceptRefusal(null, now)).toContain('不存在');
  });
});
