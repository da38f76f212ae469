import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getDomain } from 'tldts-icann';
import type { HttpsEvidence } from '@egov-monitor/rubric';
import { isIpLiteral } from '../egress/addresses.js';
import { egressCreateConnection } from '../egress/connect.js';
import { EgressRefusedError, PUBLIC_ONLY, type EgressPolicy } from '../egress/policy.js';
import { judgeCertificate } from './certificate-check.js';
import type { CertificateVerdict } from './certificate-check.js';
import { trustedSecureContext } from './trust.js';

/**
 * HTTPS probe with the semantics of cisagov/pshtt (https://github.com/cisagov/pshtt#whats-checked): four
 * endpoints (http://root, http://www, https://root, https://www) are requested without following redirects,
 * then each redirect is chased by hand, and the domain-level verdicts are derived from the endpoints exactly as
 * pshtt derives them (canonical endpoint first, everything else relative to it).
 */
export interface ProbeOptions {
  /** PEM bundles trusted besides the system roots (--ca FILE, NODE_EXTRA_CA_CERTS). */
  extraCaPems?: string[];
  /**
   * Who the probe may connect to, judged at connect time on every endpoint and every redirect hop: a www endpoint
   * that answers 302 → http://169.254.169.254/ gets that hop refused ("refused: link-local address") and nothing
   * from it in evidence. Its resolver is the scan's (tests map example.gob.gt to 127.0.0.1). Default: public only.
   */
  egress?: EgressPolicy;
  /** One request. Default 10 000 ms. */
  timeoutMs?: number;
  userAgent?: string;
  /**
   * Ports of the http and https endpoints. Default: 80/443, except that an explicit port in `domainOrUrl`
   * replaces the default of its own scheme. Tests start both servers on ephemeral ports and pass them here.
   */
  ports?: { http: number; https: number };
  /** Redirect hops followed from each endpoint. Default 10. */
  maxRedirects?: number;
  /** The clock certificates are judged against. Default: now. */
  now?: Date;
}

/** pshtt "Strong HSTS": max-age of at least one year. */
const STRONG_HSTS_MAX_AGE = 31_536_000;
/** hstspreload.org submission requirements: max-age ≥ 1 year, includeSubDomains and preload. */
const PRELOAD_MIN_MAX_AGE = 31_536_000;
const BODY_CAP = 64 * 1024;

interface Response {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  certificate: CertificateVerdict | null;
  body: string;
}

type Fetched = { ok: true; response: Response } | { ok: false; error: string };

interface Endpoint {
  url: string;
  protocol: 'http' | 'https';
  host: 'root' | 'www';
  hostname: string;
  live: boolean;
  status: number | null;
  headers: IncomingHttpHeaders;
  certificate: CertificateVerdict | null;
  redirect: boolean;
  redirectImmediatelyTo: string | null;
  redirectEventuallyTo: string | null;
  /** Headers of the last response of the chain (the page a visitor lands on). */
  finalHeaders: IncomingHttpHeaders | null;
  chain: string[];
  /** Whether the endpoint was probed at all (no www twin for IP literals). */
  probed: boolean;
  error?: string;
}

export async function probeHttps(domainOrUrl: string, options: ProbeOptions = {}): Promise<HttpsEvidence> {
  const target = parseTarget(domainOrUrl);
  const ports = options.ports ?? {
    http: target.scheme === 'http' && target.port ? target.port : 80,
    https: target.scheme === 'https' && target.port ? target.port : 443,
  };
  const root = target.hostname.replace(/^www\./i, '');
  // An IP literal or a single-label name has no www twin.
  const hasWww = !isIpLiteral(root) && root.includes('.');
  const www = `www.${root}`;
  const ctx: RequestContext = {
    secureContext: trustedSecureContext(options.extraCaPems),
    egress: options.egress ?? PUBLIC_ONLY,
    timeoutMs: options.timeoutMs ?? 10_000,
    userAgent: options.userAgent ?? 'egov-monitor',
    now: options.now ?? new Date(),
  };
  const maxRedirects = options.maxRedirects ?? 10;
  const url = (protocol: 'http' | 'https', hostname: string) =>
    origin(protocol, hostname, ports[protocol]) + '/';

  const [httpRoot, httpWww, httpsRoot, httpsWww] = await Promise.all([
    probeEndpoint(url('http', root), 'http', 'root', root, true, ctx, maxRedirects),
    probeEndpoint(url('http', www), 'http', 'www', www, hasWww, ctx, maxRedirects),
    probeEndpoint(url('https', root), 'https', 'root', root, true, ctx, maxRedirects),
    probeEndpoint(url('https', www), 'https', 'www', www, hasWww, ctx, maxRedirects),
  ]);
  const canonical = canonicalEndpoint(httpRoot, httpWww, httpsRoot, httpsWww);
  const canonicalHttps = canonical.host === 'www' ? httpsWww : httpsRoot;
  const certificate = canonicalHttps.certificate;
  const validCanonicalHttps = canonicalHttps.live && certificate !== null && certificate.valid;
  const canonicalHsts = hstsOf(canonicalHttps);
  const rootHsts = hstsOf(httpsRoot);

  const supportsHttps =
    (httpsRoot.live && !badHostname(httpsRoot)) || (httpsWww.live && !badHostname(httpsWww));
  const downOrRedirectsToHttps = (e: Endpoint) =>
    !e.live || startsWithScheme(e.redirectImmediatelyTo, 'https');

  // The page a visitor lands on: security headers are judged there, not on a redirect response.
  const landing = canonical.finalHeaders ?? canonical.headers;
  const securityTxtUrl = origin('https', canonical.hostname, ports.https) + '/.well-known/security.txt';
  const securityTxt = await fetchSecurityTxt(securityTxtUrl, ctx, maxRedirects);

  const endpoints = [httpRoot, httpWww, httpsRoot, httpsWww].filter((e) => e.probed);
  return {
    domain: root,
    endpoints: endpoints.map((e) => ({
      url: e.url,
      live: e.live,
      status: e.status,
      redirectTo: e.redirectImmediatelyTo,
      ...(e.error ? { error: e.error } : {}),
      redirectChain: e.chain,
      ...(e.protocol === 'https' && e.live ? { certificateProblem: e.certificate?.problem ?? null } : {}),
    })),
    canonicalUrl: canonical.url,
    // pshtt "Live": any endpoint answers.
    live: endpoints.some((e) => e.live),
    httpsLive: httpsRoot.live || httpsWww.live,
    // pshtt "Valid HTTPS": the canonical host answers over HTTPS with a trusted, unexpired certificate for it.
    validHttps: validCanonicalHttps,
    badChain: certificate?.badChain ?? false,
    badHostname: certificate?.badHostname ?? false,
    expired: certificate?.expired ?? false,
    selfSigned: certificate?.selfSigned ?? false,
    // pshtt "Defaults to HTTPS": the canonical endpoint is an https one.
    defaultsToHttps: canonical.protocol === 'https',
    // pshtt "Downgrades HTTPS": HTTPS works, but the canonical HTTPS endpoint sends visitors to http:// at once.
    downgradesHttps:
      supportsHttps &&
      startsWithScheme(canonicalHttps.redirectImmediatelyTo, 'http') &&
      !isExternal(canonicalHttps.hostname, canonicalHttps.redirectImmediatelyTo),
    // pshtt "Strictly Forces HTTPS": an HTTPS endpoint is live and both HTTP endpoints are down or redirect
    // immediately to some https:// URL (another domain is fine; an invalid certificate still enforces).
    strictlyForcesHttps:
      (httpsRoot.live || httpsWww.live) &&
      downOrRedirectsToHttps(httpRoot) &&
      downOrRedirectsToHttps(httpWww),
    // pshtt "Redirect To": only for a redirect domain (every endpoint redirects away or is down).
    redirectTarget: isRedirectDomain([httpRoot, httpWww, httpsRoot, httpsWww])
      ? canonical.redirectEventuallyTo
      : null,
    // pshtt "HSTS" and "HSTS Max Age": the canonical HTTPS endpoint's header. RFC 6797 §8.1: a header received
    // over a connection with certificate errors is ignored, so it only counts over valid HTTPS.
    hsts: canonicalHsts !== null && canonicalHsts.maxAge > 0,
    hstsMaxAge: canonicalHsts?.maxAge ?? null,
    // pshtt "HSTS Entire Domain": the root HTTPS endpoint's header covers subdomains.
    hstsIncludeSubdomains: rootHsts !== null && rootHsts.maxAge > 0 && rootHsts.includeSubDomains,
    // pshtt "HSTS Preload Ready", with today's hstspreload.org threshold (1 year, not pshtt's older 18 weeks).
    hstsPreload:
      rootHsts !== null &&
      rootHsts.preload &&
      rootHsts.includeSubDomains &&
      rootHsts.maxAge >= PRELOAD_MIN_MAX_AGE,
    // pshtt "Domain Uses Strong HSTS".
    strongHsts: canonicalHsts !== null && canonicalHsts.maxAge >= STRONG_HSTS_MAX_AGE,
    certificateDaysLeft: canonicalHttps.live ? (certificate?.daysLeft ?? null) : null,
    tlsVersion: canonicalHttps.live ? (certificate?.protocol ?? null) : null,
    securityHeaders: securityHeaders(canonical.live ? landing : {}),
    securityTxt: { found: securityTxt, url: securityTxtUrl },
    mixedContent: [],
  };
}

// --- pshtt's judgement calls -------------------------------------------------------------------------------

const is2xx = (e: Endpoint) => e.status !== null && e.status >= 200 && e.status < 300;
const is3xx = (e: Endpoint) => e.status !== null && e.status >= 300 && e.status < 400;
const badHostname = (e: Endpoint) => e.certificate?.badHostname ?? false;

/**
 * pshtt `canonical_endpoint`: www is canonical when a www endpoint answers, both roots are unused and either
 * both roots are down or one of them redirects straight to its www twin; https is canonical when an https
 * endpoint answers with a certificate for its name, both http endpoints are unused and either both are down or
 * one redirects at once to https on the same domain.
 */
function canonicalEndpoint(
  httpRoot: Endpoint,
  httpWww: Endpoint,
  httpsRoot: Endpoint,
  httpsWww: Endpoint,
): Endpoint {
  const rootUnused = (e: Endpoint) => e.redirect || !e.live || badHostname(e) || !is2xx(e);
  const rootDown = (e: Endpoint) => !e.live || badHostname(e) || (!is2xx(e) && !is3xx(e));
  const redirectsToWww = (e: Endpoint) =>
    e.redirectImmediatelyTo !== null && hostnameOf(e.redirectImmediatelyTo) === `www.${e.hostname}`;
  const isWww =
    (httpsWww.live || httpWww.live) &&
    rootUnused(httpsRoot) &&
    rootUnused(httpRoot) &&
    ((rootDown(httpsRoot) && rootDown(httpRoot)) || redirectsToWww(httpsRoot) || redirectsToWww(httpRoot));

  const httpsUsed = (e: Endpoint) => e.live && !badHostname(e);
  const httpUnused = (e: Endpoint) => e.redirect || !e.live || !is2xx(e);
  const httpUpgrades = (e: Endpoint) =>
    startsWithScheme(e.redirectImmediatelyTo, 'https') && !isExternal(e.hostname, e.redirectImmediatelyTo);
  const isHttps =
    (httpsUsed(httpsRoot) || httpsUsed(httpsWww)) &&
    httpUnused(httpRoot) &&
    httpUnused(httpWww) &&
    ((!httpRoot.live && !httpWww.live) || httpUpgrades(httpRoot) || httpUpgrades(httpWww));

  if (isWww) return isHttps ? httpsWww : httpWww;
  return isHttps ? httpsRoot : httpRoot;
}

/** pshtt `is_redirect`: live, and every endpoint either ends up on another domain, is down, or errs. */
function isRedirectDomain(all: Endpoint[]): boolean {
  return (
    all.some((e) => e.live) &&
    all.every(
      (e) =>
        !e.live ||
        isExternal(e.hostname, e.redirectEventuallyTo) ||
        (e.protocol === 'https' && badHostname(e)) ||
        (e.status !== null && e.status >= 400),
    )
  );
}

/** Another registrable domain (public suffix list, ICANN section), as pshtt's `parent_domain_for` compares. */
function isExternal(hostname: string, url: string | null): boolean {
  if (url === null) return false;
  const other = hostnameOf(url);
  if (other === null) return false;
  return (getDomain(hostname) ?? hostname) !== (getDomain(other) ?? other);
}

interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** RFC 6797 §6.1 parsing of the endpoint's own (first) response, honoured only over a valid connection. */
function hstsOf(e: Endpoint): Hsts | null {
  if (e.protocol !== 'https' || !e.live || !e.certificate?.valid) return null;
  const raw = headerValue(e.headers, 'strict-transport-security');
  if (raw === null) return null;
  // Several headers arrive comma-joined; a user agent processes only the first (RFC 6797 §8.1).
  const first = raw.split(',')[0] ?? '';
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const directive of first.split(';')) {
    const [name = '', value = ''] = directive.split('=').map((part) => part.trim());
    const key = name.toLowerCase();
    if (key === 'max-age') {
      const parsed = Number(value.replace(/^"|"$/g, ''));
      if (Number.isInteger(parsed) && parsed >= 0) maxAge = parsed;
    } else if (key === 'includesubdomains') includeSubDomains = true;
    else if (key === 'preload') preload = true;
  }
  // max-age is required: without it the header is invalid and ignored.
  if (maxAge === null) return null;
  return { maxAge, includeSubDomains, preload };
}

function securityHeaders(headers: IncomingHttpHeaders): HttpsEvidence['securityHeaders'] {
  const csp = headerValue(headers, 'content-security-policy');
  const xfo = headerValue(headers, 'x-frame-options');
  // CSP Level 2 frame-ancestors supersedes X-Frame-Options; either one protects against clickjacking.
  const frameAncestors = csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => /^frame-ancestors(\s|$)/i.test(d));
  return {
    contentSecurityPolicy: csp,
    xContentTypeOptions: headerValue(headers, 'x-content-type-options'),
    frameProtection: xfo ?? frameAncestors ?? null,
    referrerPolicy: headerValue(headers, 'referrer-policy'),
  };
}

/** RFC 9116: served over HTTPS as text/plain, and Contact is the one required field. */
async function fetchSecurityTxt(url: string, ctx: RequestContext, maxRedirects: number): Promise<boolean> {
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    const fetched = await request(current, ctx, true);
    if (!fetched.ok) return false;
    const { response } = fetched;
    const location = headerValue(response.headers, 'location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = resolve(location, current);
      if (next === null || !next.startsWith('https:')) return false;
      current = next;
      continue;
    }
    const type = (headerValue(response.headers, 'content-type') ?? '').toLowerCase();
    return (
      response.status === 200 && type.startsWith('text/plain') && /^\s*contact\s*:/im.test(response.body)
    );
  }
  return false;
}

// --- one endpoint ------------------------------------------------------------------------------------------

async function probeEndpoint(
  url: string,
  protocol: 'http' | 'https',
  host: 'root' | 'www',
  hostname: string,
  probed: boolean,
  ctx: RequestContext,
  maxRedirects: number,
): Promise<Endpoint> {
  const endpoint: Endpoint = {
    url,
    protocol,
    host,
    hostname,
    live: false,
    status: null,
    headers: {},
    certificate: null,
    redirect: false,
    redirectImmediatelyTo: null,
    redirectEventuallyTo: null,
    finalHeaders: null,
    chain: [url],
    probed,
  };
  if (!probed) return endpoint;
  const first = await request(url, ctx, false);
  if (!first.ok) {
    endpoint.error = first.error;
    return endpoint;
  }
  // pshtt: an endpoint is live when it answers HTTP at all, certificate errors included.
  endpoint.live = true;
  endpoint.status = first.response.status;
  endpoint.headers = first.response.headers;
  endpoint.certificate = first.response.certificate;
  endpoint.finalHeaders = first.response.headers;
  const location = headerValue(first.response.headers, 'location');
  if (!is3xx(endpoint) || location === null) return endpoint;

  endpoint.redirect = true;
  endpoint.redirectImmediatelyTo = resolve(location, url);
  endpoint.finalHeaders = null;
  // Chase the chain by hand, certificate problems ignored (pshtt does the same), so it can be reported.
  let current = endpoint.redirectImmediatelyTo;
  for (let hop = 0; current !== null && hop < maxRedirects; hop += 1) {
    if (endpoint.chain.includes(current)) {
      endpoint.error = 'redirect-loop';
      break;
    }
    endpoint.chain.push(current);
    endpoint.redirectEventuallyTo = current;
    const next = await request(current, ctx, false);
    if (!next.ok) {
      // A hop the egress policy refused is evidence in itself ("refused: link-local address"); nothing was fetched.
      if (next.error.startsWith('refused:')) endpoint.error = next.error;
      break;
    }
    const nextLocation = headerValue(next.response.headers, 'location');
    if (next.response.status >= 300 && next.response.status < 400 && nextLocation !== null) {
      current = resolve(nextLocation, current);
      if (hop === maxRedirects - 1) endpoint.error = 'too-many-redirects';
      continue;
    }
    endpoint.finalHeaders = next.response.headers;
    break;
  }
  return endpoint;
}

// --- HTTP plumbing -----------------------------------------------------------------------------------------

interface RequestContext {
  secureContext: tls.SecureContext;
  egress: EgressPolicy;
  timeoutMs: number;
  userAgent: string;
  now: Date;
}

/** One GET, no redirect following, no connection reuse; never throws. */
function request(url: string, ctx: RequestContext, readBody: boolean): Promise<Fetched> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (value: Fetched) => {
      if (settled) return;
      settled = true;
      resolvePromise(value);
    };
    const parsed = new URL(url);
    const isHttps = parsed.protocol === 'https:';
    const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
    const common = {
      method: 'GET',
      headers: { 'user-agent': ctx.userAgent, accept: '*/*' },
      timeout: ctx.timeoutMs,
      // Government servers send odd headers more often than one would hope; judge them, don't crash on them.
      insecureHTTPParser: true,
    };
    // No agent, no connection reuse: each request connects through the egress policy (its own TLS session for
    // https, with the scan's trust and SNI for names), so every endpoint and redirect hop is judged on its own.
    const createConnection = egressCreateConnection(
      ctx.egress,
      isHttps
        ? {
            secureContext: ctx.secureContext,
            rejectUnauthorized: false,
            ...(isIpLiteral(hostname) ? {} : { servername: hostname }),
          }
        : undefined,
    ) as unknown as http.RequestOptions['createConnection'];
    const onResponse = (res: IncomingMessage) => {
      const certificate = isHttps ? judgeCertificate(res.socket as TLSSocket, hostname, ctx.now) : null;
      const response: Response = {
        url,
        status: res.statusCode ?? 0,
        headers: res.headers,
        certificate,
        body: '',
      };
      if (!readBody) {
        res.destroy();
        settle({ ok: true, response });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= BODY_CAP) res.destroy();
      });
      const finish = () =>
        settle({ ok: true, response: { ...response, body: Buffer.concat(chunks).toString('utf8') } });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    };
    const req = (isHttps ? https : http).request(url, { ...common, createConnection }, onResponse);
    req.on('timeout', () => {
      req.destroy();
      settle({ ok: false, error: 'timeout' });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ ok: false, error: error instanceof EgressRefusedError ? error.message : errorCode(error) }),
    );
    req.end();
  });
}

/** Node's network errors, in the scanner's status taxonomy (docs/status-codes.md). */
function errorCode(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns-not-found';
    case 'ECONNREFUSED':
      return 'connection-refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection-reset';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      if (error.code?.startsWith('ERR_SSL') || error.code === 'EPROTO') return 'tls-handshake-failed';
      return error.code ?? error.message;
  }
}

function parseTarget(domainOrUrl: string): {
  scheme: 'http' | 'https' | null;
  hostname: string;
  port: number | null;
} {
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(domainOrUrl) ? domainOrUrl : `https://${domainOrUrl}`;
  const parsed = new URL(withScheme);
  const scheme = /^[a-z][a-z\d+.-]*:\/\//i.test(domainOrUrl)
    ? parsed.protocol === 'http:'
      ? 'http'
      : 'https'
    : null;
  return {
    scheme,
    hostname: parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
    port: parsed.port ? Number(parsed.port) : null,
  };
}

function origin(protocol: 'http' | 'https', hostname: string, port: number): string {
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  const defaultPort = protocol === 'http' ? 80 : 443;
  return `${protocol}://${host}${port === defaultPort ? '' : `:${port}`}`;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function resolve(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

function startsWithScheme(url: string | null, scheme: 'http' | 'https'): boolean {
  return url !== null && url.toLowerCase().startsWith(`${scheme}://`);
}
