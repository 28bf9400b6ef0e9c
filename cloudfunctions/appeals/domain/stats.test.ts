import { appeal } from './fixtures';
import { statsDelta } from './stats';
import { rates, ratio } from './rates';

const at = (s: string) => new Date(`${s}+08:00`);

describe('statistics deltas', () => {
  test('a new appeal is received, in its status', () => {
    expect(statsDelta(null, appeal())).toEqual({ received: 1, status_pending: 1 });
  });

  test('the first claim counts a response, on time against the deadline set at filing', () => {
    const before = appeal();
    const onTime = appeal({ status: 'processing', firstRespondedAt: at('2026-03-10T12:59:00') });
    expect(statsDelta(before, onTime)).toEqual({ status_pending: -1, status_processing: 1, responded: 1, respondedOnTime: 1 });
    const late = appeal({ status: 'processing', firstRespondedAt: at('2026-03-10T13:01:00') });
    expect(statsDelta(before, late)).toEqual({ status_pending: -1, status_processing: 1, responded: 1 });
  });

  test('a second claim (after a transfer) does not count again', () => {
    const before = appeal({ status: 'pending', firstRespondedAt: at('2026-03-10T10:00:00') });
    const after = appeal({ status: 'processing', firstRespondedAt: at('2026-03-10T10:00:00') });
    expect(statsDelta(before, after)).toEqual({ status_pending: -1, status_processing: 1 });
  });

  test('resolution on time', () => {
    const before = appeal({ status: 'processing' });
    const after = appeal({ status: 'resolved', firstResolvedAt: at('2026-03-12T10:00:00') });
    expect(statsDelta(before, after)).toEqual({ status_processing: -1, status_resolved: 1, resolved: 1, resolvedOnTime: 1 });
  });

  test('ratings: the latest counts once', () => {
    const resolved = appeal({ status: 'resolved' });
    const dissatisfied = appeal({ status: 'processing', rating: { value: 'dissatisfied', comment: null, at: new Date() } });
    expect(statsDelta(resolved, dissatisfied)).toEqual({ status_resolved: -1, status_processing: 1, rated: 1, dissatisfied: 1 });
    const satisfied = appeal({ status: 'closed', rating: { value: 'satisfied', comment: null, at: new Date() } });
    expect(statsDelta({ ...dissatisfied, status: 'resolved' }, satisfied)).toEqual({ status_resolved: -1, status_closed: 1, dissatisfied: -1, satisfied: 1 });
  });

  test('escalations and auto closes', () => {
    expect(statsDelta(appeal(), appeal({ escalationCount: 1, level: 'community' }))).toEqual({ escalated: 1 });
    expect(statsDelta(appeal({ status: 'resolved' }), appeal({ status: 'closed', closeReason: 'auto' }))).toEqual({
      status_resolved: -1,
      status_closed: 1,
      autoClosed: 1,
    });
  });

  test('nothing changed, nothing counted', () => {
    expect(statsDelta(appeal(), appeal({ pressCount: 3 }))).toEqual({});
  });
});

describe('rates', () => {
  const counts = {
    received: 8,
    responded: 6,
    respondedOnTime: 3,
    resolved: 4,
    resolvedOnTime: 3,
    rated: 3,
    satisfied: 1,
    basicallySatisfied: 1,
    dissatisfied: 1,
    escalated: 2,
    autoClosed: 0,
  };
  test('definitions', () => {
    expect(rates(counts)).toEqual({ response: 0.75, resolution: 0.5, satisfaction: 0.6667, onTimeResolution: 0.75, onTimeResponse: 0.5 });
  });
  test('no denominator, no rate', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(rates({ ...counts, received: 0, rated: 0, resolved: 0, responded: 0 })).toEqual({
      response: null,
      resolution: null,
      satisfaction: null,
      onTimeResolution: null,
      onTimeResponse: null,
    });
  });
});
