import dns from 'node:dns/promises';
import net from 'node:net';

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
