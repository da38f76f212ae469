import dns from 'node:dns';
import { canonicalAddress, classifyAddress } from './addresses.js';

/** One resolved address, as dns.lookup gives it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Host name → addresses. The scan uses one resolver for every connection it makes, Node's and the browser's
 * (through the egress proxy), so a test can map `intranet.test` to 127.0.0.3 and see every path refuse it.
 */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo, like every other program on the machine). */
export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    dns.lookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else
        resolve(addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 })));
    });
  });

/**
 * A resolver for tests: names in `names` resolve to their addresses (a function may answer differently on each
 * call, to play DNS rebinding); other names go to `fallback` (default: not found).
 */
export function mappedResolver(
  names: Record<string, string | string[] | ((call: number) => string | string[])>,
  fallback?: Resolver,
): Resolver {
  const calls = new Map<string, number>();
  return async (host) => {
    const key = host.toLowerCase().replace(/\.$/, '');
    const entry = names[key];
    if (entry === undefined) {
      if (fallback) return fallback(host);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
    }
    const call = (calls.get(key) ?? 0) + 1;
    calls.set(key, call);
    const value = typeof entry === 'function' ? entry(call) : entry;
    return (Array.isArray(value) ? value : [value]).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
}

/**
 * Who the scan may connect to. Public (global unicast) addresses always; loopback, private, link-local, CGNAT,
 * multicast, reserved and unspecified addresses never — except the exact addresses the list's target itself
 * resolved to (a fixture on 127.0.0.1 may reach 127.0.0.1, never 127.0.0.2 or 10.0.0.1).
 */
export interface EgressPolicy {
  resolver: Resolver;
  /** Canonical non-public addresses this scan may reach: the target's own. */
  allowed: ReadonlySet<string>;
  /** Every address allowed (ScanOptions.allowPrivateNetwork: an operator scanning their own network on purpose). */
  allowAll: boolean;
}

export type Vetted =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; refused: true; reason: string; address: string }
  | { ok: false; refused: false; code: string; message: string };

export function createEgressPolicy(
  options: { resolver?: Resolver; allowed?: Iterable<string>; allowAll?: boolean } = {},
): EgressPolicy {
  return {
    resolver: options.resolver ?? systemResolver,
    allowed: new Set([...(options.allowed ?? [])].map(canonicalAddress)),
    allowAll: options.allowAll === true,
  };
}

/** The strict policy: public addresses only, system resolver. What a caller gets when it names none. */
export const PUBLIC_ONLY: EgressPolicy = createEgressPolicy();

/** May this policy connect to this address? Returns the refusal reason, or null when allowed. */
export function refusalReason(policy: EgressPolicy, address: string): string | null {
  const verdict = classifyAddress(address);
  if (!verdict) return 'not an address';
  if (verdict.public || policy.allowAll || policy.allowed.has(verdict.address)) return null;
  return verdict.reason;
}

/**
 * Resolves the host (an IP literal in any spelling, or a name through the policy's resolver) and picks the
 * first address the policy allows. This runs for every connection, at connect time, so a name that answers a
 * public address to one lookup and a private one to the next (DNS rebinding) is judged on what it answers now,
 * and the socket is opened to the very address that was judged.
 */
export async function vetHost(policy: EgressPolicy, host: string): Promise<Vetted> {
  const name = host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  const literal = classifyAddress(name);
  let candidates: ResolvedAddress[];
  if (literal) candidates = [{ address: literal.address, family: literal.family }];
  else {
    try {
      candidates = await policy.resolver(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
      return { ok: false, refused: false, code, message: (error as Error).message };
    }
    if (candidates.length === 0)
      return { ok: false, refused: false, code: 'ENOTFOUND', message: `${name} has no address` };
  }
  let firstRefusal: { reason: string; address: string } | null = null;
  for (const candidate of candidates) {
    const verdict = classifyAddress(candidate.address);
    if (!verdict) continue;
    const reason = refusalReason(policy, verdict.address);
    if (reason === null) return { ok: true, address: verdict.address, family: verdict.family };
    firstRefusal ??= { reason, address: verdict.address };
  }
  if (firstRefusal) return { ok: false, refused: true, ...firstRefusal };
  return { ok: false, refused: false, code: 'ENOTFOUND', message: `${name} has no usable address` };
}

/** The error a refused connection raises on the Node side: its message is the evidence ("refused: private address"). */
export class EgressRefusedError extends Error {
  override name = 'EgressRefusedError';
  readonly code = 'EGRESS_REFUSED';
  constructor(
    readonly reason: string,
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused: ${reason}`);
  }
}

/**
 * The policy of one site scan: the target's own non-public addresses are allowed (it is on the list, so the
 * operator wants it scanned), nothing else that is not public. A target that does not resolve gets no allowance.
 */
export async function policyForTarget(
  targetUrl: string,
  options: { resolver?: Resolver; allowAll?: boolean } = {},
): Promise<EgressPolicy> {
  const resolver = options.resolver ?? systemResolver;
  const allowed: string[] = [];
  try {
    const host = new URL(targetUrl).hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = classifyAddress(host);
    const addresses = literal ? [literal.address] : (await resolver(host)).map((entry) => entry.address);
    for (const address of addresses) if (classifyAddress(address)?.public === false) allowed.push(address);
  } catch {
    // Unparsable or unresolvable: the scan will fail on its own; nothing private is allowed meanwhile.
  }
  return createEgressPolicy({ resolver, allowed, allowAll: options.allowAll === true });
}
