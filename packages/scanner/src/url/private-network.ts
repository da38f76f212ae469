import dns from 'node:dns/promises';
import net from 'node:net';
import { isInvalidName } from './special-names.js';

/**
 * Loopback, private (RFC 1918, RFC 4193), link-local, CGNAT and unspecified addresses. A public site that links to
 * them would make the scanner probe the scanning machine's own network (SSRF), so the crawl refuses them unless
 * the target itself lives there.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(ip)) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 || a === 10 || a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (net.isIPv6(ip)) {
    if (ip === '::' || ip === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
    if (mapped?.[1]) return isPrivateAddress(mapped[1]);
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(ip);
  }
  return false;
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await dns.lookup(host, { all: true })).map((entry) => entry.address);

/**
 * True when the URL's host is, or resolves to, a private address. IP literals are judged directly; `localhost`
 * counts as loopback without asking DNS. A host that does not resolve is not private (the request will fail).
 */
export async function isPrivateHost(hostOrUrl: string, resolve: Resolver = systemResolver): Promise<boolean> {
  let host = hostOrUrl;
  if (/^[a-z]+:\/\//i.test(hostOrUrl)) {
    try {
      host = new URL(hostOrUrl).hostname;
    } catch {
      return false;
    }
  }
  host = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isInvalidName(host)) return false;
  try {
    const addresses = await resolve(host);
    return addresses.some(isPrivateAddress);
  } catch {
    return false;
  }
}

/** Remembers each host's verdict for the whole site scan (one DNS lookup per host). */
export function createPrivateNetworkGuard(allowPrivateNetwork: boolean, resolve: Resolver = systemResolver) {
  const verdicts = new Map<string, Promise<boolean>>();
  return {
    /** May the scanner open this URL? */
    async allows(url: string): Promise<boolean> {
      if (allowPrivateNetwork) return true;
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        return false;
      }
      let verdict = verdicts.get(host);
      if (!verdict) {
        verdict = isPrivateHost(host, resolve);
        verdicts.set(host, verdict);
      }
      return !(await verdict);
    },
  };
}

const octets = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix}.${from + index}.*.*`);

/** Host patterns of loopback, private, link-local and CGNAT addresses, as Chromium's host-resolver rules write them. */
const PRIVATE_HOST_PATTERNS = [
  '0.*.*.*',
  '10.*.*.*',
  '127.*.*.*',
  '169.254.*.*',
  '192.168.*.*',
  ...octets('172', 16, 31),
  ...octets('100', 64, 127),
  'localhost',
  '*.localhost',
  // IPv6 literals; the colon keeps the patterns off host names such as "fcbarcelona.com".
  '::1',
  '[::1]',
  'fc*:*',
  'fd*:*',
  'fe80:*',
  '[fc*:*',
  '[fd*:*',
  '[fe80:*',
];

/**
 * `--host-resolver-rules` that make Chromium refuse private addresses at the network layer, so a public page that
 * redirects to http://192.168.1.1/ (or loads a script from it) never reaches the scanning machine's network:
 * Playwright's request routing does not see redirect hops, Chromium's resolver does. `allowHosts` are the targets
 * that live on a private address themselves (an intranet, the fixture sites on 127.0.0.1); they stay reachable.
 * Host names that only resolve to private addresses are still checked by the crawl's guard before navigation.
 */
export function privateNetworkResolverRules(allowHosts: string[]): string {
  const exclusions = [...new Set(allowHosts.map((host) => host.toLowerCase()))].sort().map((host) => `EXCLUDE ${host}`);
  return [...PRIVATE_HOST_PATTERNS.map((pattern) => `MAP ${pattern} ~NOTFOUND`), ...exclusions].join(', ');
}
