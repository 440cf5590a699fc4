import { describe, expect, it } from 'vitest';
import { fetchSettings } from '../../src/ingest/index.js';

describe('fetchSettings', () => {
  it("turns the settings' megabytes and seconds into the fetcher's bytes and milliseconds", () => {
    expect(fetchSettings({ FETCH_ALLOW_PRIVATE: ['10.1.0.0/16'], FETCH_MAX_MB: 3, FETCH_TIMEOUT_SECONDS: 7 })).toEqual({
      allowPrivate: ['10.1.0.0/16'],
      maxBytes: 3 * 1024 * 1024,
      timeoutMs: 7000,
    });
  });
});
