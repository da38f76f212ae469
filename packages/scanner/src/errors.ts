import { STATUS_CODES } from '@egov-monitor/rubric';
import type { StatusCode } from '@egov-monitor/rubric';

/** The status codes (one list, in the rubric: docs/status-codes.md is generated from it). */
export const SCAN_ERROR_CODES = STATUS_CODES;

export type ScanErrorCode = StatusCode;

export interface ClassifiedError {
  code: ScanErrorCode;
  /** What happened and what to do, in one or two sentences. */
  message: string;
  /** Worth trying again after a pause (timeouts, resets, 5xx, 429). */
  transient: boolean;
}

/** An error that already carries its taxonomy code (thrown inside the scanner, caught by scanSite). */
export class ScanError extends Error {
  constructor(
    readonly code: ScanErrorCode,
    message: string,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What the egress proxy knows about a connection it did not make (egress/socks-proxy.ts ConnectFailure). */
export interface ConnectFailureHint {
  host: string;
  code: string;
  reason?: string;
}

/** Chromium's one error for every connection its SOCKS proxy did not make: refused, unresolvable, down alike. */
const PROXY_ERRORS = new Set([
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
]);

/** True when a navigation error is the proxy's, so the proxy's own record says what happened. */
export function isProxyConnectError(input: unknown): boolean {
  return PROXY_ERRORS.has(/net::(ERR_[A-Z0-9_]+)/.exec(describe(input))?.[1] ?? '');
}

/**
 * Maps a failed navigation (Playwright's `net::ERR_*` message, a timeout, a crash) or an HTTP status of the home
 * page to a taxonomy code with a message that says what happened and what to do. `hint` is the egress proxy's
 * record of the connection that failed, for the errors the browser can only report as "the proxy did not connect".
 */
export function classifyNavigationError(
  input: unknown,
  url = '',
  hint?: ConnectFailureHint,
): ClassifiedError {
  const where = url ? ` (${url})` : '';
  if (typeof input === 'number') return classifyStatus(input, where);
  if (input instanceof ScanError)
    return { code: input.code, message: input.message, transient: input.transient };
  const text = describe(input);
  const net = /net::(ERR_[A-Z0-9_]+)/.exec(text)?.[1] ?? '';
  const first = text.split('\n')[0] ?? text;
  if (PROXY_ERRORS.has(net)) return classifyConnectFailure(hint, where);

  if (
    net === 'ERR_NAME_NOT_RESOLVED' ||
    net === 'ERR_NAME_RESOLUTION_FAILED' ||
    /ENOTFOUND|EAI_AGAIN/.test(text)
  )
    return {
      code: 'dns-not-found',
      transient: false,
      message: `The host name does not resolve${where}. Check the URL for typos; the domain may have expired or moved.`,
    };
  if (net === 'ERR_CONNECTION_REFUSED' || net === 'ERR_ADDRESS_UNREACHABLE' || /ECONNREFUSED/.test(text))
    return {
      code: 'connection-refused',
      transient: false,
      message: `The server refused the connection${where}: nothing answers on that host and port. The site may be down or served on another address.`,
    };
  if (
    [
      'ERR_CONNECTION_RESET',
      'ERR_EMPTY_RESPONSE',
      'ERR_CONNECTION_CLOSED',
      'ERR_CONNECTION_ABORTED',
      'ERR_SOCKET_NOT_CONNECTED',
      'ERR_INCOMPLETE_CHUNKED_ENCODING',
      'ERR_HTTP2_PROTOCOL_ERROR',
      'ERR_INVALID_HTTP_RESPONSE',
    ].includes(net) ||
    /ECONNRESET|socket hang up/.test(text)
  )
    return {
      code: 'connection-reset',
      transient: true,
      message: `The server closed the connection without a complete answer${where} (${net || 'reset'}), even after retries. The server or a firewall in front of it may be failing.`,
    };
  if (net === 'ERR_TOO_MANY_REDIRECTS')
    return {
      code: 'redirect-loop',
      transient: false,
      message: `The home page redirects without end${where}. The server's redirect rules (often http↔https or www) point at each other.`,
    };
  if (net.startsWith('ERR_CERT_') || net === 'ERR_BAD_SSL_CLIENT_AUTH_CERT' || /CERT_|certificate/i.test(net))
    return {
      code: 'tls-certificate-invalid',
      transient: false,
      message: `The browser refused the site's certificate${where} (${net}). Citizens see a security warning; renew the certificate or serve the full chain for the right host name. For a private CA, pass it with --ca FILE.`,
    };
  if (net.startsWith('ERR_SSL_') || net === 'ERR_TLS_HANDSHAKE_FAILED' || net === 'ERR_SSL_PROTOCOL_ERROR')
    return {
      code: 'tls-handshake-failed',
      transient: false,
      message: `No secure connection could be agreed with the server${where} (${net}). It may offer only obsolete TLS versions or ciphers; enable TLS 1.2 or 1.3.`,
    };
  if (
    net === 'ERR_TIMED_OUT' ||
    net === 'ERR_CONNECTION_TIMED_OUT' ||
    /Timeout \d+ms exceeded|TimeoutError|timed out/i.test(text)
  )
    return {
      code: 'timeout',
      transient: true,
      message: `The home page did not load within the time limit${where}, even after retries. The server may be overloaded or unreachable from our network; try again later or raise --page-timeout.`,
    };
  if (/Download is starting|net::ERR_ABORTED.*download/i.test(text))
    return {
      code: 'not-html',
      transient: false,
      message: `The home page address starts a file download instead of showing a web page${where}. Point the list at the site's HTML home page.`,
    };
  if (
    /Target (page, context or browser|closed)|Browser has been closed|crash|browser has disconnected/i.test(
      text,
    )
  )
    return {
      code: 'browser-crashed',
      transient: false,
      message: `Chromium crashed or closed while opening the site${where}: ${first}. Re-run the scan; if it repeats, the page may exhaust the browser's memory.`,
    };
  if (
    net === 'ERR_INTERNET_DISCONNECTED' ||
    net === 'ERR_NETWORK_CHANGED' ||
    net === 'ERR_NETWORK_ACCESS_DENIED' ||
    net === 'ERR_BLOCKED_BY_CLIENT'
  )
    return {
      code: 'connection-refused',
      transient: false,
      message: `The network refused the request${where} (${net}). Check the scanning machine's network access.`,
    };
  if (net === 'ERR_UNSAFE_PORT' || net === 'ERR_INVALID_URL' || net === 'ERR_DISALLOWED_URL_SCHEME')
    return {
      code: 'invalid-url',
      transient: false,
      message: `The browser will not open this address${where} (${net}). Fix the URL in the list.`,
    };
  return {
    code: 'internal-error',
    transient: false,
    message: `Unexpected failure while opening the site${where}: ${first}. Please report it with this message.`,
  };
}

/** A connection the egress proxy did not make, by what the proxy recorded (Node's error codes, or its refusal). */
function classifyConnectFailure(hint: ConnectFailureHint | undefined, where: string): ClassifiedError {
  switch (hint?.code) {
    case 'refused':
      return {
        code: 'refused-address',
        transient: false,
        message: `The home page${where} leads to ${hint.host}, a ${hint.reason ?? 'non-public address'}: the scanner does not open private, loopback, link-local or reserved addresses unless the list's target itself is there (docs/security.md). Check where the site redirects.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        code: 'dns-not-found',
        transient: false,
        message: `The host name does not resolve${where}${hint.host ? ` (${hint.host})` : ''}. Check the URL for typos; the domain may have expired or moved.`,
      };
    case 'ETIMEDOUT':
      return {
        code: 'timeout',
        transient: true,
        message: `The server did not accept the connection within the time limit${where}, even after retries. The server may be overloaded or unreachable from our network; try again later.`,
      };
    case 'ECONNRESET':
    case 'EPIPE':
      return {
        code: 'connection-reset',
        transient: true,
        message: `The server closed the connection without a complete answer${where} (reset), even after retries. The server or a firewall in front of it may be failing.`,
      };
    default:
      // ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, or a failure the proxy no longer remembers.
      return {
        code: 'connection-refused',
        transient: false,
        message: `The server refused the connection${where}: nothing answers on that host and port. The site may be down or served on another address.`,
      };
  }
}

function classifyStatus(status: number, where: string): ClassifiedError {
  if (status === 403)
    return {
      code: 'blocked',
      transient: false,
      message: `The server answered 403 Forbidden to our crawler${where}. A firewall or bot filter may block automated visitors; ask the site's operator to allow the egov-monitor user agent.`,
    };
  if (status === 429)
    return {
      code: 'blocked',
      transient: true,
      message: `The server answered 429 Too Many Requests${where}, even after waiting. Scan it alone or later, or ask the operator to allow the egov-monitor user agent.`,
    };
  if (status >= 500)
    return {
      code: 'http-error',
      transient: true,
      message: `The home page answered HTTP ${status}${where}, even after retries. The server is failing; citizens cannot see the site either.`,
    };
  if (status >= 400)
    return {
      code: 'http-error',
      transient: false,
      message: `The home page answered HTTP ${status}${where}. Check that the URL in the list is the site's current home page.`,
    };
  return { code: 'internal-error', transient: false, message: `HTTP ${status} is not an error${where}.` };
}
