import { describe, expect, it } from 'vitest';
import { asDeliveryError, DeliveryError, type DeliveryErrorCode } from '../../src/digest/delivery.js';

describe('DeliveryError', () => {
  it('says which failures may have left the post in the channel, and which channels are closed for good', () => {
    const of = (code: DeliveryErrorCode) => new DeliveryError(code, code);
    const unknown = (['timeout', 'interrupted', 'server-error'] as const).map(of);
    const refused = (
      ['channel-gone', 'forbidden', 'rejected', 'rate-limited', 'unavailable', 'cannot-check'] as const
    ).map(of);
    expect(unknown.every((e) => e.mayHavePosted && !e.permanent)).toBe(true);
    expect(refused.filter((e) => e.mayHavePosted)).toEqual([]);
    expect(refused.filter((e) => e.permanent).map((e) => e.code)).toEqual(['channel-gone', 'forbidden']);
    expect(new DeliveryError('rate-limited', 'slow down', { retryAfterMs: 30_000 }).retryAfterMs).toBe(30_000);
  });

  it('counts anything else an adapter throws as a post that may have gone out', () => {
    const error = asDeliveryError(new TypeError('fetch failed'));
    expect(error).toMatchObject({ code: 'interrupted', mayHavePosted: true, message: 'fetch failed' });
    const known = new DeliveryError('forbidden', 'no');
    expect(asDeliveryError(known)).toBe(known);
  });
});
