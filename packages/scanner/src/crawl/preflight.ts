/**
 * The cheap path for a home page that cannot be reached (#11): a host name that does not resolve, or a port on
 * which every address refuses the connection, is found in Node with one DNS lookup and one TCP connect, before
 * any browser work. A list of 20,000 entries, most of them dead, otherwise opens a browser context and a tab for
 * each and waits for Chromium to fail. The verdicts are the browser's (docs/status-codes.md): only the two
 * answers Chromium would give the same way are taken here; anything else (a timeout, a transient DNS failure, an
 * unreachable network) is left to the browser, which retries what deserves it.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { refusalReason, type EgressPolicy } from '../egress/policy.js';
import { classifyNavigationError, type ClassifiedError } from '../errors.js';
import { isInvalidName } from '../url/special-names.js';

/**
 * The Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#bad-port), which Chromium refuses to open
 * (ERR_UNSAFE_PORT → invalid-url) before it resolves or connects: for these the browser's answer stands.
 */
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

export interface PreflightOptions {
  /** Longest wait for one TCP connect; a connect that times out is left to the browser. */
  connectTimeoutMs: number;
  /** DNS lookup of every address of a host (tests pass their own). */
  resolve?: (host: string) => Promise<string[]>;
  /**
   * The site's egress policy (docs/security.md): names are resolved with its resolver, and only addresses it
   * allows are connected to; a host whose every address is refused is left to the browser, whose proxy refuses it
   * with the right code (`refused-address`).
   */
  egress?: EgressPolicy;
}

const systemResolve = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** `dns-not-found` or `connection-refused` when the browser would certainly say so; null when it should look. */
export async function preflight(url: URL, options: PreflightOptions): Promise<ClassifiedError | null> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (BAD_PORTS.has(port)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isInvalidName(host)) {
    return classifyNavigationError(
      Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }),
      url.toString(),
    );
  }
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      const egress = options.egress;
      const resolve =
        options.resolve ??
        (egress
          ? async (name: string) => (await egress.resolver(name)).map((entry) => entry.address)
          : systemResolve);
      addresses = await resolve(host);
    } catch (error) {
      // Only a definite "no such name"; EAI_AGAIN (the resolver did not answer) may succeed in the browser.
      if ((error as NodeJS.ErrnoException).code === 'ENOTFOUND')
        return classifyNavigationError(error, url.toString());
      return null;
    }
  }
  if (options.egress)
    addresses = addresses.filter((address) => refusalReason(options.egress!, address) === null);
  if (addresses.length === 0) return null;
  // Chromium tries every address before it reports a refusal: so must we.
  for (const address of addresses) {
    const outcome = await connect(address, port, options.connectTimeoutMs);
    if (outcome !== 'refused') return null;
  }
  return classifyNavigationError(new Error(`connect ECONNREFUSED ${host}:${port}`), url.toString());
}

function connect(address: string, port: number, timeoutMs: number): Promise<'open' | 'refused' | 'other'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const finish = (outcome: 'open' | 'refused' | 'other') => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => finish('other'));
    socket.once('connect', () => finish('open'));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ECONNREFUSED' ? 'refused' : 'other'),
    );
  });
}
