import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { defaultProfile } from '@egov-monitor/rubric';
import type { FetchedResource } from '../collectors/collector.js';
import { egressCreateConnection } from '../egress/connect.js';
import { createEgressPolicy, EgressRefusedError, type EgressPolicy } from '../egress/policy.js';
import { isIpLiteral } from '../egress/addresses.js';
import { trustedSecureContext } from '../https/trust.js';

/** Sniffable head of a body: enough for a PDF/ZIP signature or an HTML error page. */
export const HEAD_BYTES = 64 * 1024;
const MAX_REDIRECTS = 10;

export interface HttpFetchOptions {
  method?: 'GET' | 'HEAD';
  /** Keep at most this many bytes of the body (default 64 KiB; the rest is counted from content-length when given). */
  maxBytes?: number;
  timeoutMs: number;
  userAgent: string;
  extraCaPems: string[];
  /**
   * Who may be connected to (egress/policy.ts), judged at connect time on every hop. Without it: public
   * addresses only, or every address when `allowPrivateNetwork` is true.
   */
  egress?: EgressPolicy;
  /** Only read when `egress` is absent (kept for callers that predate the egress policy). */
  allowPrivateNetwork?: boolean;
  /**
   * Stop reading at `maxBytes` even without a Content-Length, and say so in `truncated` (robots.txt: what was read
   * is used; the rest is never downloaded).
   */
  stopAtCap?: boolean;
  /** Cookie header for a URL (the browser context's cookies), so a fetch looks like the same visitor. */
  cookies?: (url: string) => Promise<string>;
  /** The country profile's Accept-Language (ScanOptions.profile); default: the default profile's. */
  acceptLanguage?: string;
}

const failed = (url: string, finalUrl: string, error: string): FetchedResource => ({
  url,
  finalUrl,
  status: 0,
  contentType: '',
  headers: {},
  bytes: null,
  head: Buffer.alloc(0),
  error,
});

const STRICT = createEgressPolicy();
const OPEN = createEgressPolicy({ allowAll: true });

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function once(url: URL, options: HttpFetchOptions, cookie: string, deadline: number) {
  return new Promise<{
    status: number;
    headers: Record<string, string>;
    head: Buffer;
    bytes: number | null;
    truncated: boolean;
  }>((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const ipLiteral = isIpLiteral(host);
    const policy = options.egress ?? (options.allowPrivateNetwork ? OPEN : STRICT);
    const cap = options.maxBytes ?? HEAD_BYTES;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': options.acceptLanguage ?? defaultProfile.acceptLanguage,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (cookie) headers.cookie = cookie;
    const requestOptions: https.RequestOptions = {
      method: options.method ?? 'GET',
      headers,
      // Every connection (and so every redirect hop, which is a new request) is resolved and judged by the egress
      // policy at connect time: IP literals in any spelling, names, names that resolve differently the second time.
      createConnection: egressCreateConnection(
        policy,
        isHttps
          ? {
              secureContext: trustedSecureContext(options.extraCaPems),
              ...(ipLiteral ? {} : { servername: host }),
            }
          : undefined,
      ) as unknown as https.RequestOptions['createConnection'],
      timeout: Math.max(1, deadline - Date.now()),
    };
    // Before the response: a failure is the fetch's error. Mid-body (a timeout, a reset), what was read is kept and
    // marked truncated: a slow 50 MB robots.txt is still a robots.txt.
    let onFailure = (error: Error) => reject(error);
    const request = (isHttps ? https : http).request(url, requestOptions, (response) => {
      const responseHeaders: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (value !== undefined)
          responseHeaders[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const status = response.statusCode ?? 0;
      const declared = Number(responseHeaders['content-length']);
      const chunks: Buffer[] = [];
      let kept = 0;
      let counted = 0;
      let finished = false;
      let truncated = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        request.destroy();
        resolve({
          status,
          headers: responseHeaders,
          head: Buffer.concat(chunks).subarray(0, cap),
          bytes:
            responseHeaders['content-length'] !== undefined && Number.isFinite(declared) && declared >= 0
              ? declared
              : options.method === 'HEAD' || (status >= 300 && status < 400)
                ? null
                : counted,
          // More arrived than `head` keeps, or the body was cut before its end.
          truncated: truncated || counted > cap,
        });
      };
      if (options.method === 'HEAD' || (status >= 300 && status < 400)) {
        response.resume();
        finish();
        return;
      }
      const unzip = decoder(responseHeaders['content-encoding']);
      const stream = unzip ? response.pipe(unzip) : response;
      stream.on('data', (chunk: Buffer) => {
        counted += chunk.length;
        if (kept < cap) {
          chunks.push(chunk);
          kept += chunk.length;
        }
        // Enough to sniff and measure: stop downloading big files.
        if (kept >= cap && (Number.isFinite(declared) || options.stopAtCap)) {
          truncated = counted > cap || !Number.isFinite(declared) || declared > cap;
          finish();
        }
        if (counted > Math.max(cap, 20 * 1024 * 1024)) {
          truncated = true;
          finish();
        }
      });
      stream.on('end', finish);
      onFailure = (error) => {
        if (kept === 0) return reject(error);
        truncated = true;
        finish();
      };
      stream.on('error', (error) => onFailure(error));
    });
    const timedOut = () =>
      request.destroy(Object.assign(new Error('Timeout exceeded'), { code: 'ETIMEDOUT' }));
    const timer = setTimeout(timedOut, Math.max(1, deadline - Date.now()));
    request.on('timeout', timedOut);
    request.on('error', (error) => {
      clearTimeout(timer);
      onFailure(error);
    });
    request.end();
  });
}

/**
 * GET or HEAD without rendering, following redirects by hand (each hop connects through the egress policy),
 * trusting the scan's extra CAs, reading at most 64 KiB of the body. Never throws: failures come back with
 * `status: 0` and `error` (the Node error code, e.g. ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, or the refusal as
 * evidence: "refused: private address").
 */
export async function httpFetch(url: string, options: HttpFetchOptions): Promise<FetchedResource> {
  const deadline = Date.now() + options.timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return failed(url, url, 'invalid-url');
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      return failed(url, current.toString(), 'unsupported-scheme');
    try {
      const cookie = options.cookies ? await options.cookies(current.toString()).catch(() => '') : '';
      const result = await once(current, options, cookie, deadline);
      const location = result.headers.location;
      if (result.status >= 300 && result.status < 400 && location) {
        current = new URL(location, current);
        continue;
      }
      return {
        url,
        finalUrl: current.toString(),
        status: result.status,
        contentType: (result.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
        headers: result.headers,
        bytes: result.bytes,
        head: result.head,
        ...(result.truncated ? { truncated: true } : {}),
      };
    } catch (error) {
      // A refusal is evidence in words ("refused: private address"), never a body.
      if (error instanceof EgressRefusedError) return failed(url, current.toString(), error.message);
      const code = (error as NodeJS.ErrnoException).code;
      return failed(
        url,
        current.toString(),
        code ?? (error instanceof Error ? error.message : String(error)),
      );
    }
  }
  return failed(url, current.toString(), 'too-many-redirects');
}
