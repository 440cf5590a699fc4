import { describe, expect, it } from 'vitest';
import { parseAllowPrivate } from '../../src/config.js';
import { refusedAddress } from '../../src/ingest/address.js';

describe('refusedAddress', () => {
  const strict = { allowPrivate: false };

  it('allows public addresses, IPv4 and IPv6', () => {
    for (const ip of ['93.184.216.34', '2606:4700::1111']) expect(refusedAddress(ip, strict)).toBeUndefined();
  });

  it('names what every other address is', () => {
    expect(refusedAddress('127.0.0.1', strict)).toBe('a loopback address');
    expect(refusedAddress('::1', strict)).toBe('a loopback address');
    expect(refusedAddress('[::ffff:127.0.0.1]', strict)).toBe('a loopback address');
    expect(refusedAddress('10.1.2.3', strict)).toBe('a private address');
    expect(refusedAddress('192.168.0.10', strict)).toBe('a private address');
    expect(refusedAddress('fd12::1', strict)).toBe('a private address');
    expect(refusedAddress('169.254.1.1', strict)).toBe('a link-local address');
    expect(refusedAddress('fe80::1', strict)).toBe('a link-local address');
    expect(refusedAddress('169.254.169.254', strict)).toBe('a cloud metadata address');
    expect(refusedAddress('0.0.0.0', strict)).toBe('an unspecified address');
    expect(refusedAddress('2002:a00::1', strict)).toBe('not a public address (6to4)');
  });

  it('with allowPrivate true allows private ranges but not the metadata services or multicast', () => {
    const open = { allowPrivate: true };
    for (const ip of ['127.0.0.1', '10.1.2.3', 'fe80::1']) expect(refusedAddress(ip, open)).toBeUndefined();
    expect(refusedAddress('169.254.169.254', open)).toBe('a cloud metadata address');
    expect(refusedAddress('fd00:ec2::254', open)).toBe('a cloud metadata address');
    expect(refusedAddress('224.0.0.1', open)).toBe('not a public address (multicast)');
  });

  it('with a list allows exactly the addresses and ranges it names', () => {
    const listed = { allowPrivate: ['127.0.0.1', '10.8.0.0/16', '169.254.169.254'] };
    expect(refusedAddress('127.0.0.1', listed)).toBeUndefined();
    expect(refusedAddress('127.0.0.2', listed)).toBe('a loopback address');
    expect(refusedAddress('10.8.200.1', listed)).toBeUndefined();
    expect(refusedAddress('10.9.0.1', listed)).toBe('a private address');
    expect(refusedAddress('169.254.169.254', listed)).toBeUndefined();
  });
});

describe('parseAllowPrivate (FETCH_ALLOW_PRIVATE)', () => {
  it('reads nothing, 0, 1, true and lists', () => {
    expect(parseAllowPrivate(undefined)).toBe(false);
    expect(parseAllowPrivate('0')).toBe(false);
    expect(parseAllowPrivate('1')).toBe(true);
    expect(parseAllowPrivate('true')).toBe(true);
    expect(parseAllowPrivate('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('names an entry that is neither an address nor a range', () => {
    expect(() => parseAllowPrivate('10.0.0.0/8, intranet')).toThrow(
      '"intranet" is neither an IP address nor a CIDR range such as 10.0.0.0/8',
    );
  });
});
