import { describe, expect, it } from 'vitest';
import { certificateExpiry } from './certificate-expiry.js';
import { runCheck } from './check.js';
import { hsts } from './hsts.js';
import { hstsStrong } from './hsts-strong.js';
import { httpsEnforced } from './https-enforced.js';
import { httpsValid } from './https-valid.js';
import { noMixedContent } from './no-mixed-content.js';
import { securityHeaders } from './security-headers.js';
import { securityTxt } from './security-txt.js';
import { HOME, SETTINGS, httpsEvidence, settingsWith, siteEvidence } from './test-helpers/evidence.js';
import { tlsVersion, tlsVersionNumber } from './tls-version.js';
import type { HttpsEvidence } from '../evidence/standards.js';
import type { Check } from './check.js';

const run = (check: Check, patch: Partial<HttpsEvidence> = {}, settings = SETTINGS) =>
  runCheck(check, siteEvidence({ https: httpsEvidence(patch) }), settings);

const noHttps: Partial<HttpsEvidence> = {
  httpsLive: false,
  validHttps: false,
  defaultsToHttps: false,
  strictlyForcesHttps: false,
  hsts: false,
  hstsMaxAge: null,
  tlsVersion: null,
  certificateDaysLeft: null,
  endpoints: [{ url: 'http://minex.gob.gt/', live: true, status: 200, redirectTo: null }],
};

const httpsChecks = [httpsValid, httpsEnforced, hsts, hstsStrong, tlsVersion, certificateExpiry];

describe('https checks', () => {
  it('all pass on a well-configured site', () => {
    for (const check of [...httpsChecks, noMixedContent, securityHeaders, securityTxt]) {
      expect(run(check).outcome, check.meta.id).toBe('pass');
    }
  });

  it('fail the HTTPS-connection checks when the site answers only over http', () => {
    for (const check of httpsChecks) {
      const result = run(check, noHttps);
      expect(result.outcome, check.meta.id).toBe('fail');
      expect(result.evidence[0]!.detail).toMatch(/does not answer over HTTPS/);
    }
    expect(run(noMixedContent, noHttps).outcome).toBe('not-applicable');
  });

  it('error when no endpoint answered at all, or the probe failed', () => {
    for (const check of [...httpsChecks, securityHeaders, securityTxt, noMixedContent]) {
      expect(run(check, { live: false, httpsLive: false }).outcome, check.meta.id).toBe('error');
      expect(runCheck(check, siteEvidence({ https: 'error' }), SETTINGS).outcome).toBe('error');
      expect(runCheck(check, siteEvidence({ https: 'absent' }), SETTINGS).outcome).toBe('error');
    }
  });

  it('https-valid names the certificate defects', () => {
    const result = run(httpsValid, { validHttps: false, badChain: true, selfSigned: true });
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]).toEqual({
      url: HOME,
      detail: 'untrusted or incomplete certificate chain; self-signed certificate',
    });
    expect(result.hint?.es).toMatch(/certificado/);
  });

  it('https-enforced follows pshtt: forces or defaults to HTTPS, never downgrades', () => {
    expect(run(httpsEnforced, { strictlyForcesHttps: false, defaultsToHttps: true }).outcome).toBe('pass');
    expect(run(httpsEnforced, { strictlyForcesHttps: true, defaultsToHttps: false }).outcome).toBe('pass');
    expect(run(httpsEnforced, { strictlyForcesHttps: false, defaultsToHttps: false }).outcome).toBe('fail');
    const downgrade = run(httpsEnforced, { downgradesHttps: true });
    expect(downgrade.outcome).toBe('fail');
    expect(downgrade.evidence.at(-1)!.detail).toMatch(/down to http/);
    expect(run(httpsEnforced).evidence[0]).toEqual({
      url: 'http://minex.gob.gt/',
      detail: '301 → https://www.minex.gob.gt/',
    });
  });

  it('hsts and hsts-strong: the max-age edge is one year', () => {
    expect(run(hsts, { hsts: false, hstsMaxAge: null }).outcome).toBe('fail');
    expect(run(hstsStrong, { hstsMaxAge: 31536000 })).toMatchObject({ outcome: 'pass', value: 31536000 });
    expect(run(hstsStrong, { hstsMaxAge: 31535999 })).toMatchObject({ outcome: 'fail', value: 31535999 });
    expect(run(hstsStrong, { hsts: false, hstsMaxAge: null })).toMatchObject({
      outcome: 'fail',
      value: null,
    });
    expect(
      run(hstsStrong, { hstsMaxAge: 86400 }, settingsWith({ hstsMinMaxAgeSeconds: 86400 })).outcome,
    ).toBe('pass');
  });

  it('tls-version: TLS 1.2 and 1.3 pass, 1.1, 1.0 and SSL fail, unknown is an error', () => {
    expect(tlsVersionNumber('TLSv1.3')).toBe(1.3);
    expect(tlsVersionNumber('TLSv1')).toBe(1);
    expect(tlsVersionNumber('SSLv3')).toBe(0.3);
    expect(tlsVersionNumber('QUIC')).toBeNull();
    expect(run(tlsVersion, { tlsVersion: 'TLSv1.2' })).toMatchObject({ outcome: 'pass', value: 'TLSv1.2' });
    expect(run(tlsVersion, { tlsVersion: 'TLSv1.1' }).outcome).toBe('fail');
    expect(run(tlsVersion, { tlsVersion: 'TLSv1' }).outcome).toBe('fail');
    expect(run(tlsVersion, { tlsVersion: 'SSLv3' }).outcome).toBe('fail');
    expect(run(tlsVersion, { tlsVersion: 'TLSv1.2' }, settingsWith({ minTlsVersion: 1.3 })).outcome).toBe(
      'fail',
    );
    expect(run(tlsVersion, { tlsVersion: null }).outcome).toBe('error');
    expect(run(tlsVersion, { tlsVersion: 'mystery' }).outcome).toBe('error');
  });

  it('certificate-expiry: 30 days left pass, 29 fail, expired fail, unknown error', () => {
    expect(run(certificateExpiry, { certificateDaysLeft: 30 })).toMatchObject({ outcome: 'pass', value: 30 });
    expect(run(certificateExpiry, { certificateDaysLeft: 29 })).toMatchObject({ outcome: 'fail', value: 29 });
    const expired = run(certificateExpiry, { certificateDaysLeft: -3, expired: true });
    expect(expired.outcome).toBe('fail');
    expect(expired.evidence[0]!.detail).toBe('expired 3 day(s) ago');
    expect(run(certificateExpiry, { certificateDaysLeft: null }).outcome).toBe('error');
  });

  it('no-mixed-content lists each http resource by page', () => {
    const result = run(noMixedContent, {
      mixedContent: [
        { pageUrl: `${HOME}b`, resourceUrl: 'http://cdn.example.org/x.js', blocked: true },
        { pageUrl: `${HOME}a`, resourceUrl: 'http://minex.gob.gt/logo.png', blocked: false },
      ],
    });
    expect(result).toMatchObject({ outcome: 'fail', value: 2 });
    expect(result.evidence).toEqual([
      { url: `${HOME}a`, detail: 'loads http://minex.gob.gt/logo.png' },
      { url: `${HOME}b`, detail: 'loads http://cdn.example.org/x.js (blocked by the browser)' },
    ]);
  });

  it('security-headers counts the four protections and names the missing ones', () => {
    const headers = httpsEvidence().securityHeaders;
    const none = run(securityHeaders, {
      securityHeaders: {
        contentSecurityPolicy: null,
        xContentTypeOptions: null,
        frameProtection: null,
        referrerPolicy: null,
      },
    });
    expect(none).toMatchObject({ outcome: 'fail', value: 0 });
    expect(none.hint?.en).toBe(
      'Add the missing headers: Content-Security-Policy, X-Content-Type-Options, frame protection, Referrer-Policy.',
    );
    // CSP frame-ancestors is frame protection without X-Frame-Options.
    const viaCsp = run(securityHeaders, {
      securityHeaders: {
        ...headers,
        contentSecurityPolicy: "default-src 'self'; frame-ancestors 'self'",
        frameProtection: null,
      },
    });
    expect(viaCsp).toMatchObject({ outcome: 'pass', value: 4 });
    const weak = run(securityHeaders, {
      securityHeaders: { ...headers, xContentTypeOptions: 'sniff', referrerPolicy: 'unsafe-url' },
    });
    expect(weak).toMatchObject({ outcome: 'fail', value: 2 });
    expect(
      run(
        securityHeaders,
        { securityHeaders: { ...headers, contentSecurityPolicy: null } },
        settingsWith({ securityHeadersMin: 3 }),
      ),
    ).toMatchObject({ outcome: 'pass', value: 3 });
  });

  it('security-txt', () => {
    expect(
      run(securityTxt, { securityTxt: { found: false, url: `${HOME}.well-known/security.txt` } }).outcome,
    ).toBe('fail');
  });

  it('on a fatal site, judge only the HTTPS-connection checks, from the probe’s evidence', () => {
    const evidence = siteEvidence(
      { https: httpsEvidence({ validHttps: false, expired: true, certificateDaysLeft: -10 }) },
      { code: 'tls-certificate-invalid', message: 'certificate has expired' },
    );
    expect(runCheck(httpsValid, evidence, SETTINGS).outcome).toBe('fail');
    expect(runCheck(certificateExpiry, evidence, SETTINGS).outcome).toBe('fail');
    expect(runCheck(hsts, evidence, SETTINGS).outcome).toBe('pass');
    const headers = runCheck(securityHeaders, evidence, SETTINGS);
    expect(headers.outcome).toBe('error');
    expect(headers.evidence[0]!.detail).toBe('tls-certificate-invalid: certificate has expired');
    const noProbe = siteEvidence({ https: 'absent' }, { code: 'dns-not-found', message: 'ENOTFOUND' });
    expect(runCheck(httpsValid, noProbe, SETTINGS).evidence[0]!.detail).toBe('dns-not-found: ENOTFOUND');
  });
});
