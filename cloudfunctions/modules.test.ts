import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APPEAL_SUBSCRIPTIONS } from '../types/appeals.constants';
import { BOOKING_SUBSCRIPTIONS } from '../types/booking.constants';
import { COUNCIL_SUBSCRIPTIONS, COUNCIL_VOTE_SUBSCRIPTIONS } from '../types/council.constants';
import { RESIDENCE_SUBSCRIPTIONS } from '../types/users.constants';
import { SUBSCRIBE_MAX } from '../types/subscribe.constants';
import { DECLARE_SUBSCRIPTIONS, VOLUNTEER_SUBSCRIPTIONS } from '../types/volunteer.constants';
import { fieldKindOf } from './core/outbox/fields';
import { COLLECTIONS, MODULES, TEMPLATES } from './modules';

describe('the server registry', () => {
  test('every function folder is a registered module under its own name, and every module has its folder', () => {
    const folders = readdirSync(__dirname, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(__dirname, e.name, 'index.ts')))
      .map((e) => e.name)
      .sort();
    expect(Object.keys(MODULES).sort()).toEqual(folders);
    for (const [key, module] of Object.entries(MODULES)) expect(module.name).toBe(key);
  });

  test('each function may make the WeChat calls its actions need (config.json permissions.openapi)', () => {
    for (const [name, module] of Object.entries(MODULES)) {
      const config = JSON.parse(readFileSync(path.join(__dirname, name, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] } };
      const declared = new Set(config.permissions?.openapi ?? []);
      const screens = Object.values(module.contract as Record<string, { screen?: { text?: readonly string[]; images?: readonly string[] } }>).map((a) => a.screen).filter((s) => s !== undefined);
      if (screens.some((s) => (s.text ?? []).length > 0)) expect({ name, declared: declared.has('security.msgSecCheck') }).toEqual({ name, declared: true });
      if (screens.some((s) => (s.images ?? []).length > 0)) expect({ name, declared: declared.has('security.mediaCheckAsync') }).toEqual({ name, declared: true });
    }
  });

  test('collections and indexes are declared once', () => {
    const names = COLLECTIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COLLECTIONS) expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length);
  });

  test('template keys are unique across modules and every field key names a known kind', () => {
    const keys = Object.values(MODULES).flatMap((m) => Object.keys(m.templates));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(TEMPLATES).sort()).toEqual([...keys].sort());
    for (const template of Object.values(TEMPLATES)) {
      for (const field of Object.values(template.fields)) expect(() => fieldKindOf(field.key)).not.toThrow();
    }
  });

  test('what the app asks residents to subscribe to are resident templates, at most three per tap', () => {
    for (const asked of [APPEAL_SUBSCRIPTIONS, BOOKING_SUBSCRIPTIONS, VOLUNTEER_SUBSCRIPTIONS, DECLARE_SUBSCRIPTIONS, COUNCIL_SUBSCRIPTIONS, COUNCIL_VOTE_SUBSCRIPTIONS, RESIDENCE_SUBSCRIPTIONS]) {
      expect(asked.length).toBeLessThanOrEqual(SUBSCRIBE_MAX);
      for (const key of asked) expect(TEMPLATES[key]?.audience).toBe('resident');
    }
  });
});
