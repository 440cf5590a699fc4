import { describe, expect, it } from 'vitest';
import { feedFromRow, runFromRow, subscriptionFromRow } from '../../src/digest/rows.js';

const subscriptionRow = {
  id: 4,
  platform: 'slack',
  channel_id: 'C-allotments',
  subscriber_id: 'U-gardener',
  topics: ['seed swaps', 'water butts'],
  time: '07:30',
  days: [1, 3, 5],
  time_zone: 'Europe/Dublin',
  state: 'paused',
  paused_reason: 'the channel was archived',
  created_at: '2026-02-01T08:00:00.000Z',
  schedule_from: '2026-02-03T08:00:00.000Z',
};

describe('subscriptionFromRow, runFromRow and feedFromRow', () => {
  it("map the one schema's column names to the domain's", () => {
    expect(subscriptionFromRow(subscriptionRow)).toEqual({
      id: 4,
      platform: 'slack',
      channelId: 'C-allotments',
      subscriberId: 'U-gardener',
      topics: ['seed swaps', 'water butts'],
      time: '07:30',
      days: [1, 3, 5],
      timeZone: 'Europe/Dublin',
      state: 'paused',
      pausedReason: 'the channel was archived',
      createdAt: '2026-02-01T08:00:00.000Z',
      scheduleFrom: '2026-02-03T08:00:00.000Z',
    });
    const run = runFromRow({
      subscription_id: 4,
      slot: '2026-02-04T07:30:00.000Z',
      state: 'sent',
      owner: 'host-a',
      lease_until: '2026-02-04T07:35:00.000Z',
      attempts: 1,
      posting_at: '2026-02-04T07:30:01.000Z',
      passage_ids: ['plots.md#2'],
      sent_at: '2026-02-04T07:30:02.000Z',
      note: null,
    });
    expect([run.subscriptionId, run.leaseUntil, run.postingAt, run.shownIds, run.sentAt]).toEqual([
      4,
      '2026-02-04T07:35:00.000Z',
      '2026-02-04T07:30:01.000Z',
      ['plots.md#2'],
      '2026-02-04T07:30:02.000Z',
    ]);
    const feed = feedFromRow({
      id: 2,
      url: 'https://allotments.example/feed.xml',
      title: null,
      state: 'active',
      etag: '"v7"',
      last_modified: null,
      failures: 0,
      last_error: null,
      last_polled_at: '2026-02-04T06:00:00.000Z',
      added_by: 'slack:U-gardener',
      created_at: '2026-01-20T10:00:00.000Z',
      items: 12,
    });
    expect([feed.etag, feed.lastPolledAt, feed.addedBy, feed.items]).toEqual([
      '"v7"',
      '2026-02-04T06:00:00.000Z',
      'slack:U-gardener',
      12,
    ]);
  });

  it('refuses a corrupted row rather than trusting it', () => {
    expect(() => subscriptionFromRow({ ...subscriptionRow, days: [7] })).toThrow();
    expect(() => subscriptionFromRow({ ...subscriptionRow, time: '7:30' })).toThrow();
    expect(() => subscriptionFromRow({ ...subscriptionRow, channel_id: undefined })).toThrow();
  });
});
