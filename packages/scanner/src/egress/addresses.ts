import ipaddr from 'ipaddr.js';

/**
 * What an IP address is, judged by ipaddr.js's range tables (IANA special-purpose registries) rather than by
 * patterns on its text: every spelling a URL or a resolver can produce — `127.1`, `2852039166`,
 * `0251.0376.0251.0376`, `0xa9fea9fe`, `[::ffff:127.0.0.2]`, `::ffff:7f00:2`, `64:ff9b::a9fe:a9fe`, `[::]` — is
 * parsed to the same number first, so none of them slips past as "not the dotted form".
 */
export interface AddressVerdict {
  /** Canonical text of the address a socket would reach (IPv4-mapped IPv6 becomes its IPv4 address). */
  address: string;
  family: 4 | 6;
  /** True only for global unicast: anything the public internet routes. */
  public: boolean;
  /** Why it is not public, in words for evidence ("private address"); null when public. */
  reason: string | null;
}

/** ipaddr.js range names → the words a refusal carries. Every range not listed here and not unicast is "reserved". */
const REASONS: Record<string, string> = {
  private: 'private address',
  uniqueLocal: 'private address',
  loopback: 'loopback address',
  linkLocal: 'link-local address',
  carrierGradeNat: 'shared address (CGNAT)',
  multicast: 'multicast address',
  broadcast: 'broadcast address',
  unspecified: 'unspecified address',
};

const reasonFor = (range: string): string | null =>
  range === 'unicast' ? null : (REASONS[range] ?? 'reserved address');

/** The text between brackets of an IPv6 URL host, and an IPv6 zone (`fe80::1%eth0`) kept for ipaddr.js to judge. */
const bare = (text: string) => text.trim().replace(/^\[(.*)\]$/, '$1');

/** True when the text is an IP address in any spelling ipaddr.js (and so inet_aton / getaddrinfo) accepts. */
export function isIpLiteral(text: string): boolean {
  return ipaddr.isValid(bare(text));
}

/**
 * The verdict on an IP literal, or null when the text is a host name. IPv6 forms that embed an IPv4 address are
 * judged by the IPv4 address they lead to: IPv4-mapped (`::ffff:a.b.c.d`, the kernel connects to a.b.c.d),
 * SIIT (`::ffff:0:a.b.c.d`) and NAT64 (`64:ff9b::/96` and the local-use `64:ff9b:1::/48`, which a NAT64 gateway
 * forwards to a.b.c.d: public sites on an IPv6-only runner arrive in that form). The deprecated IPv4-compatible
 * form (`::a.b.c.d`) and 6to4/Teredo tunnels are refused outright: no government site is served on them.
 */
export function classifyAddress(text: string): AddressVerdict | null {
  const value = bare(text);
  if (!ipaddr.isValid(value)) return null;
  const parsed = ipaddr.parse(value);
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    const reason = reasonFor(range);
    return { address: parsed.toString(), family: 4, public: reason === null, reason };
  }
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return classifyAddress(v6.toIPv4Address().toString());
  const range = v6.range();
  const parts = v6.parts;
  const embedded = () => ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString();
  if (range === 'rfc6145') return classifyAddress(embedded());
  if (range === 'rfc6052') {
    const inner = classifyAddress(embedded())!;
    return { address: v6.toString(), family: 6, public: inner.public, reason: inner.reason };
  }
  // ::a.b.c.d (IPv4-compatible, RFC 4291 §2.5.5.1, deprecated): ipaddr.js calls it unicast; it is not.
  if (range === 'unicast' && parts.slice(0, 6).every((part) => part === 0))
    return { address: v6.toString(), family: 6, public: false, reason: 'reserved address' };
  const reason = reasonFor(range === '6to4' || range === 'teredo' ? 'reserved' : range);
  return { address: v6.toString(), family: 6, public: reason === null, reason };
}

/** Canonical text of an IP literal (for comparing a target's own addresses); the input itself for host names. */
export function canonicalAddress(text: string): string {
  return classifyAddress(text)?.address ?? bare(text).toLowerCase();
}
