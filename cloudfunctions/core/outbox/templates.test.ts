import { APPEAL_TEMPLATES } from '../../appeals/templates';
import { renderTemplate, templateEnvName, templateId } from './templates';
import { afterAttempt, MAX_ATTEMPTS } from './retry';

describe('templates', () => {
  test('render maps semantic names to WeChat keys and cuts each value', () => {
    const data = renderTemplate(APPEAL_TEMPLATES.staffEscalated, {
      no: 'YT20261001-ABC123',
      content: '三号楼二单元电梯已经停运三天了老人上下楼非常困难',
      toUnit: '芝罘区只楚街道分中心',
      overdueAt: new Date('2026-10-08T01:30:00Z'),
      accountable: '张网格',
    });
    expect(data).toEqual({
      character_string1: 'YT20261001-ABC123',
      thing2: '三号楼二单元电梯已经停运三天了老人上下…',
      thing3: '芝罘区只楚街道分中心',
      time4: '2026年10月08日 09:30',
      name5: '张网格',
    });
  });

  test('template ids come from the environment', () => {
    expect(templateEnvName('appealAccepted')).toBe('JIAYUAN_TMPL_APPEAL_ACCEPTED');
    expect(templateId('appealAccepted', { JIAYUAN_TMPL_APPEAL_ACCEPTED: 'abc' })).toBe('abc');
    expect(templateId('appealAccepted', {})).toBeNull();
  });
});

describe('retry policy', () => {
  const now = new Date('2026-03-10T00:00:00Z');
  test('success is final', () => expect(afterAttempt({ ok: true }, 1, now)).toEqual({ status: 'sent' }));
  test('transient failures back off', () => {
    const d = afterAttempt({ ok: false, permanent: false, error: 'timeout' }, 1, now);
    expect(d).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-10T00:01:00Z'), error: 'timeout' });
    const d2 = afterAttempt({ ok: false, permanent: false, error: 'timeout' }, 2, now);
    expect(d2.status === 'pending' && d2.nextAttemptAt.toISOString()).toBe('2026-03-10T00:05:00.000Z');
  });
  test('permanent failures and the last attempt are dead', () => {
    expect(afterAttempt({ ok: false, permanent: true, error: '43101' }, 1, now).status).toBe('dead');
    expect(afterAttempt({ ok: false, permanent: false, error: 'x' }, MAX_ATTEMPTS, now).status).toBe('dead');
  });
});
