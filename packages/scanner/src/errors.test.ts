import { describe, expect, it } from 'vitest';
import { classifyNavigationError, SCAN_ERROR_CODES, ScanError } from './errors.js';

describe('classifyNavigationError', () => {
  const cases: [string, string, boolean][] = [
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://nope.gob.gt/', 'dns-not-found', false],
    ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/', 'connection-refused', false],
    ['page.goto: net::ERR_CONNECTION_RESET at http://x/', 'connection-reset', true],
    ['page.goto: net::ERR_EMPTY_RESPONSE at http://x/', 'connection-reset', true],
    ['page.goto: net::ERR_TOO_MANY_REDIRECTS at http://x/', 'redirect-loop', false],
    ['page.goto: net::ERR_CERT_DATE_INVALID at https://x/', 'tls-certificate-invalid', false],
    ['page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://x/', 'tls-certificate-invalid', false],
    ['page.goto: net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH at https://x/', 'tls-handshake-failed', false],
    ['page.goto: Timeout 20000ms exceeded.', 'timeout', true],
    ['page.goto: Download is starting', 'not-html', false],
    ['page.goto: Target page, context or browser has been closed', 'browser-crashed', false],
  ];
  it.each(cases)('%s → %s', (message, code, transient) => {
    const result = classifyNavigationError(new Error(message), 'https://x/');
    expect(result.code).toBe(code);
    expect(result.transient).toBe(transient);
    expect(result.message.length).toBeGreaterThan(30);
  });
  it('maps statuses: 5xx and 429 are retried, 404 is not, 403 is blocked', () => {
    expect(classifyNavigationError(503)).toMatchObject({ code: 'http-error', transient: true });
    expect(classifyNavigationError(404)).toMatchObject({ code: 'http-error', transient: false });
    expect(classifyNavigationError(403)).toMatchObject({ code: 'blocked', transient: false });
    expect(classifyNavigationError(429)).toMatchObject({ code: 'blocked', transient: true });
  });
  it("reads the egress proxy's record behind Chromium's one SOCKS error", () => {
    const socks = new Error('page.goto: net::ERR_SOCKS_CONNECTION_FAILED at http://x/');
    expect(
      classifyNavigationError(socks, 'http://x/', {
        host: '10.0.0.1',
        code: 'refused',
        reason: 'private address',
      }),
    ).toMatchObject({ code: 'refused-address', transient: false });
    expect(classifyNavigationError(socks, 'http://x/', { host: 'x', code: 'ENOTFOUND' }).code).toBe(
      'dns-not-found',
    );
    expect(classifyNavigationError(socks, 'http://x/', { host: 'x', code: 'ECONNREFUSED' }).code).toBe(
      'connection-refused',
    );
    expect(classifyNavigationError(socks, 'http://x/', { host: 'x', code: 'ETIMEDOUT' })).toMatchObject({
      code: 'timeout',
      transient: true,
    });
    // Nothing recorded (the proxy forgot): the browser could not connect, which is what a refused port looks like.
    expect(classifyNavigationError(socks, 'http://x/').code).toBe('connection-refused');
    expect(
      classifyNavigationError(socks, 'http://x/', {
        host: '10.0.0.1',
        code: 'refused',
        reason: 'private address',
      }).message,
    ).toContain('10.0.0.1');
  });
  it('keeps the code of a ScanError and only uses documented codes', () => {
    expect(classifyNavigationError(new ScanError('not-html', 'a PDF')).code).toBe('not-html');
    expect(Object.keys(SCAN_ERROR_CODES)).toContain(classifyNavigationError(new Error('weird')).code);
  });
});
