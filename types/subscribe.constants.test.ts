import { templateEnvName, templateIdsOf } from './subscribe.constants';

describe('subscribe-message template ids', () => {
  it('names each template’s variable from its key', () => {
    expect(templateEnvName('appealAccepted')).toBe('JIAYUAN_TMPL_APPEAL_ACCEPTED');
    expect(templateEnvName('bookingReminder')).toBe('JIAYUAN_TMPL_BOOKING_REMINDER');
  });

  it('asks only for templates the build knows, in order, at most three', () => {
    const ids = { JIAYUAN_TMPL_A: 'id-a', JIAYUAN_TMPL_C: 'id-c', JIAYUAN_TMPL_D: 'id-d', JIAYUAN_TMPL_E: 'id-e' };
    expect(templateIdsOf(['a', 'b', 'c'], ids)).toEqual(['id-a', 'id-c']);
    expect(templateIdsOf(['e', 'd', 'c', 'a'], ids)).toEqual(['id-e', 'id-d', 'id-c']);
    expect(templateIdsOf(['a'], {})).toEqual([]);
  });
});
