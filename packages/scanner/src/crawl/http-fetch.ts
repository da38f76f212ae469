import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { FetchedResource } from '../collectors/collector.js';
import { isPrivateAddress } from '../url/private-network.js';
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
  allowPrivateNetwork: boolean;
  /** Cookie header for a URL (the browser context's cookies), so a fetch looks like the same visitor. */
  cookies?: (url: string) => Promise<string>;
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

/**
 * Refuses private addresses at connect time (after DNS), so a public name that resolves to 10.x or 127.x — or a
 * redirect to one — cannot make the scanner reach the machine's own network.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const usable = allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (usable.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private network address`), { code: 'EPRIVATE' });
        return callback(refused, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

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
  return new Promise<{ status: number; headers: Record<string, string>; head: Buffer; bytes: number | null }>((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const ipLiteral = /^[\d.]+$|:/.test(host);
    if (ipLiteral && !options.allowPrivateNetwork && isPrivateAddress(host)) {
      reject(Object.assign(new Error(`${host} is a private network address`), { code: 'EPRIVATE' }));
      return;
    }
    const cap = options.maxBytes ?? HEAD_BYTES;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': options.acceptLanguage ?? 'es-GT,es;q=0.9,en;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (cookie) headers.cookie = cookie;
    const requestOptions: https.RequestOptions = {
      method: options.method ?? 'GET',
      headers,
      lookup: guardedLookup(options.allowPrivateNetwork),
      timeout: Math.max(1, deadline - Date.now()),
      ...(isHttps ? { secureContext: trustedSecureContext(options.extraCaPems), servername: ipLiteral ? undefined : host } : {}),
    };
    const request = (isHttps ? https : http).request(url, requestOptions, (response) => {
      const responseHeaders: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (value !== undefined) responseHeaders[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const status = response.statusCode ?? 0;
      const declared = Number(responseHeaders['content-length']);
      const chunks: Buffer[] = [];
      let kept = 0;
      let counted = 0;
      let finished = false;
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
        if (kept >= cap && Number.isFinite(declared)) finish();
        if (counted > Math.max(cap, 20 * 1024 * 1024)) finish();
      });
      stream.on('end', finish);
      stream.on('error', (error) => (kept > 0 ? finish() : reject(error)));
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error('Timeout exceeded'), { code: 'ETIMEDOUT' })), Math.max(1, deadline - Date.now()));
    request.on('timeout', () => request.destroy(Object.assign(new Error('Timeout exceeded'), { code: 'ETIMEDOUT' })));
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end();
  });
}

/**
 * GET or HEAD without rendering, following redirects by hand (each hop checked against the private-network rule),
 * trusting the scan's extra CAs, reading at most 64 KiB of the body. Never throws: failures come back with
 * `status: 0` and `error` (the Node error code, e.g. ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED).
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
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return failed(url, current.toString(), 'unsupported-scheme');
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
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return failed(url, current.toString(), code ?? (error instanceof Error ? error.message : String(error)));
    }
  }
  return failed(url, current.toString(), 'too-many-redirects');
}
