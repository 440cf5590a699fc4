import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/answer/reply.js';
import { DeliveryError, postWithRetry } from '../../src/digest/delivery.js';

const reply: Reply = { title: 't', status: 'ok', blocks: [], attachments: [], more: 0 };

describe('postWithRetry', () => {
  it('retries transient failures with doubling waits, then gives up with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const post = async () => {
      calls++;
      throw new DeliveryError('rate-limited', 'ratelimited');
    };
    await expect(
      postWithRetry(post, reply, { attempts: 4, backoffMs: 100, sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toThrow('ratelimited');
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('does not retry a permanent failure', async () => {
    let calls = 0;
    const error = new DeliveryError('channel-gone', 'channel_not_found');
    await expect(
      postWithRetry(
        async () => {
          calls++;
          throw error;
        },
        reply,
        { sleep: async () => {} },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(error.permanent).toBe(true);
    expect(new DeliveryError('forbidden', 'missing permissions').permanent).toBe(true);
    expect(new DeliveryError('timeout', 'slow').permanent).toBe(false);
  });

  it('counts a post that does not answer in time as a timeout', async () => {
    const never = () => new Promise<void>(() => {});
    await expect(postWithRetry(never, reply, { attempts: 1, timeoutMs: 20 })).rejects.toMatchObject({
      code: 'timeout',
      permanent: false,
    });
  });
});
