import { COUNCIL_SUBSCRIPTIONS, COUNCIL_VOTE_SUBSCRIPTIONS } from '../../types/council.constants';
import { SUBSCRIBE_MAX } from '../../types/subscribe.constants';
import { FIELD_LIMITS } from '../core/outbox/fields';
import { renderTemplate } from '../core/outbox/templates';
import { COUNCIL_TEMPLATES } from './templates';

describe('the council’s subscribe messages', () => {
  it('asks residents only for resident templates it declares, at most three at a time', () => {
    for (const asked of [COUNCIL_SUBSCRIPTIONS, COUNCIL_VOTE_SUBSCRIPTIONS]) {
      expect(asked.length).toBeLessThanOrEqual(SUBSCRIBE_MAX);
      for (const key of asked) expect(COUNCIL_TEMPLATES[key].audience).toBe('resident');
    }
  });

  it('a vote’s opening fits WeChat’s limits: a long title is cut to 20 characters, the deadline in Shanghai time', () => {
    const data = renderTemplate(COUNCIL_TEMPLATES.councilVoteOpened, {
      title: '海岸花园3号楼外墙保温改造及楼顶防水维修方案表决',
      scope: '海岸花园3号楼住户',
      deadline: new Date('2026-12-05T10:00:00Z'),
      note: '每户一票，请在截止前参与表决',
    });
    expect(Array.from(data.thing1)).toHaveLength(FIELD_LIMITS.thing);
    expect(data).toMatchObject({ thing2: '海岸花园3号楼住户', time3: '2026年12月05日 18:00', thing4: '每户一票，请在截止前参与表决' });
  });
});
