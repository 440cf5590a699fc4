import { describe, expect, it } from 'vitest';
import { linkArg, RateLimiter, textArg } from '../../src/commands/limits.js';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then one more every 60 / perMinute seconds', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 3, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.waitMs('ann')).toBe(0);
      limiter.take('ann');
    }
    expect(limiter.waitMs('ann')).toBe(20_000);
    now = 15_000;
    expect(limiter.waitMs('ann')).toBe(5000);
    now = 20_000;
    expect(limiter.waitMs('ann')).toBe(0);
  });

  it('keeps each key to its own allowance', () => {
    const limiter = new RateLimiter({ perMinute: 1, now: () => 0 });
    limiter.take('ann');
    expect(limiter.waitMs('ann')).toBeGreaterThan(0);
    expect(limiter.waitMs('bo')).toBe(0);
  });

  it('never limits when perMinute is 0, and remembers nothing', () => {
    const limiter = new RateLimiter({ perMinute: 0, now: () => 0 });
    for (let i = 0; i < 100; i++) limiter.take('ann');
    expect(limiter.waitMs('ann')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('forgets keys once their allowance has refilled', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, now: () => now });
    limiter.take('ann');
    limiter.take('bo');
    expect(limiter.size).toBe(2);
    now = 10_000;
    limiter.take('cy');
    expect(limiter.size).toBe(1);
  });

  it('remembers at most maxKeys keys, forgetting the least recently seen', () => {
    const limiter = new RateLimiter({ perMinute: 1, now: () => 0, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`user${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.waitMs('user999')).toBeGreaterThan(0);
    expect(limiter.waitMs('user0')).toBe(0);
  });
});

describe('linkArg', () => {
  it('refuses words after a link in one line, where they were fetched as part of it and the site answered 404', () => {
    const parsed = linkArg().safeParse('https://example.org/lighting-review the one from May');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'give the link alone: "the one from May" after it is no part of it (a space in a link is written %20)',
    );
  });

  it('leaves words that hold no link to the fetch, which says they are no web address', () => {
    expect(linkArg().parse('the harbour report')).toBe('the harbour report');
    expect(linkArg().safeParse('example.org/lighting the one from May').success).toBe(false);
  });

  it('takes a link alone, or Slack’s labelled link whose label has spaces', () => {
    expect(linkArg().parse('  https://example.org/a%20b  ')).toBe('https://example.org/a%20b');
    expect(linkArg().parse('<https://example.org/a|the lighting review>')).toBe('https://example.org/a');
  });
});

describe('textArg', () => {
  it('is the text without the chat markup around its words, and missing when nothing else is left', () => {
    expect(textArg('question', 100).parse(' *why* did `fares` rise ')).toBe('why did fares rise');
    expect(textArg('question', 100).safeParse(' > ').success).toBe(false);
  });

  it('is missing when not given at all, as a Discord option registered optional before it was required comes', () => {
    expect(textArg('topic', 100).safeParse(undefined).error?.issues[0]?.message).toBe('the topic is missing');
  });
});
