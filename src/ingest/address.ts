import ipaddr from 'ipaddr.js';

/**
 * Which network addresses Dossier may fetch from. By default only public unicast addresses: a link
 * typed in chat must not reach the bot's own machine, its network or a cloud metadata service.
 * `allowPrivate` (FETCH_ALLOW_PRIVATE) widens it: `true` allows loopback, private, link-local and
 * the other non-public ranges except the metadata services, which only an explicit entry allows; a
 * list allows exactly the addresses and CIDR ranges it names (an intranet, a test server).
 */
export interface AddressPolicy {
  allowPrivate: boolean | string[];
}

/** Cloud metadata services: they hand out credentials, so `allowPrivate: true` still refuses them. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'an unspecified address',
};

/** Undefined when `address` (an IP literal) may be fetched from; otherwise what it is, for a refusal line. */
export function refusedAddress(address: string, policy: AddressPolicy): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'not an IP address';
  }
  const canonical = ip.toString();
  const { allowPrivate } = policy;
  if (Array.isArray(allowPrivate) && allowPrivate.some((entry) => matches(ip, entry))) return undefined;
  const range = ip.range();
  if (METADATA.has(canonical)) return 'a cloud metadata address';
  if (range === 'unicast') return undefined;
  if (allowPrivate === true && range !== 'multicast' && range !== 'broadcast') return undefined;
  return RANGE_NAMES[range] ?? `not a public address (${range})`;
}

function matches(ip: ipaddr.IPv4 | ipaddr.IPv6, entry: string): boolean {
  try {
    const range = entry.includes('/') ? ipaddr.parseCIDR(entry) : cidrOf(ipaddr.process(entry));
    return ip.kind() === range[0].kind() && ip.match(range as [ipaddr.IPv4 | ipaddr.IPv6, number]);
  } catch {
    return false;
  }
}

const cidrOf = (ip: ipaddr.IPv4 | ipaddr.IPv6): [ipaddr.IPv4 | ipaddr.IPv6, number] => [
  ip,
  ip.kind() === 'ipv4' ? 32 : 128,
];
