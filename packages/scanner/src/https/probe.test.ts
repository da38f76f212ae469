import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressPolicy, type Resolver } from '../egress/policy.js';
import { probeHttps } from './probe.js';
import type { ProbeOptions } from './probe.js';
import { createProbeTestCa } from './test-support/test-ca.js';
import type { ProbeTestCa } from './test-support/test-ca.js';

/*
 * One HTTPS server (certificate chosen per SNI name) and one HTTP server on 127.0.0.1, each answering per Host
 * like a different government domain. The egress policy's resolver maps the names to 127.0.0.1 (the one address
 * it allows, as a scan allows its target's own), so root/www logic is exercised with real names; names left out
 * of the map do not resolve (a www that does not exist).
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let ca: ProbeTestCa;
let httpServer: http.Server;
let httpsServer: https.Server;
let ports: { http: number; https: number };
const httpRoutes = new Map<string, Handler>();
const httpsRoutes = new Map<string, Handler>();
const certificates = new Map<string, tls.SecureContext>();
const resolvable = new Set<string>();

const resolver: Resolver = async (hostname) => {
  if (!resolvable.has(hostname))
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address: '127.0.0.1', family: 4 }];
};
const egress = createEgressPolicy({ resolver, allowed: ['127.0.0.1'] });

const STRONG_HSTS = 'max-age=63072000; includeSubDomains; preload';

const redirect =
  (location: () => string): Handler =>
  (_req, res) => {
    res.writeHead(301, { location: location() });
    res.end();
  };
const page =
  (headers: Record<string, string> = {}): Handler =>
  (req, res) => {
    if (req.url === '/.well-known/security.txt') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>No encontrada</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end('<!doctype html><title>Inicio</title><h1>Ministerio</h1>');
  };
const httpsUrl = (host: string) => `https://${host}:${ports.https}/`;
const httpUrl = (host: string) => `http://${host}:${ports.http}/`;

/** Registers a domain: its certificate (for root and www) and its handlers. */
function site(
  root: string,
  options: {
    cert: { key: string; cert: string };
    www?: boolean;
    http?: Handler;
    httpWww?: Handler;
    https?: Handler;
    httpsWww?: Handler;
  },
) {
  const context = tls.createSecureContext(options.cert);
  resolvable.add(root);
  certificates.set(root, context);
  if (options.http) httpRoutes.set(root, options.http);
  if (options.https) httpsRoutes.set(root, options.https);
  if (options.www) {
    resolvable.add(`www.${root}`);
    certificates.set(`www.${root}`, context);
    if (options.httpWww) httpRoutes.set(`www.${root}`, options.httpWww);
    if (options.httpsWww) httpsRoutes.set(`www.${root}`, options.httpsWww);
  }
}

const route =
  (routes: Map<string, Handler>): Handler =>
  (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const handler = routes.get(host);
    if (handler) handler(req, res);
    else {
      // A listening server that does not serve this name: the connection is reset, like no server at all.
      req.socket.destroy();
    }
  };

const probe = (target: string, extra: Partial<ProbeOptions> = {}) =>
  probeHttps(target, {
    extraCaPems: [ca.rootPem],
    egress,
    ports,
    timeoutMs: 5_000,
    userAgent: 'egov-monitor-test',
    ...extra,
  });

beforeAll(async () => {
  ca = createProbeTestCa();
  httpServer = http.createServer(route(httpRoutes));
  const fallback = ca.issue({ hosts: ['127.0.0.1'] });
  httpsServer = https.createServer(
    {
      ...fallback,
      SNICallback: (servername, callback) => callback(null, certificates.get(servername)),
    },
    route(httpsRoutes),
  );
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => httpsServer.listen(0, '127.0.0.1', r));
  ports = {
    http: (httpServer.address() as AddressInfo).port,
    https: (httpsServer.address() as AddressInfo).port,
  };

  // Everything right: HTTP upgrades, www folds into root, strong HSTS, security headers, security.txt, and a
  // chain served with its intermediate.
  site('segura.gob.gt', {
    cert: ca.issue({ hosts: ['segura.gob.gt', 'www.segura.gob.gt'], viaIntermediate: true }),
    www: true,
    http: redirect(() => httpsUrl('segura.gob.gt')),
    httpWww: redirect(() => httpsUrl('segura.gob.gt')),
    httpsWww: redirect(() => httpsUrl('segura.gob.gt')),
    https: (req, res) => {
      if (req.url === '/.well-known/security.txt') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Contact: mailto:seguridad@segura.gob.gt\nExpires: 2030-01-01T00:00:00.000Z\n');
        return;
      }
      page({
        'strict-transport-security': STRONG_HSTS,
        'content-security-policy': "default-src 'self'; frame-ancestors 'self'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
      })(req, res);
    },
  });
  // Canonical at https://www with a short HSTS max-age; the root redirects without HSTS; security.txt is a 404.
  site('corta.gob.gt', {
    cert: ca.issue({ hosts: ['corta.gob.gt', 'www.corta.gob.gt'] }),
    www: true,
    http: redirect(() => httpsUrl('www.corta.gob.gt')),
    httpWww: redirect(() => httpsUrl('www.corta.gob.gt')),
    https: redirect(() => httpsUrl('www.corta.gob.gt')),
    httpsWww: page({ 'strict-transport-security': 'max-age=300; preload', 'x-frame-options': 'DENY' }),
  });
  // Plain HTTP answers 200 (with an HSTS header, which means nothing over HTTP); HTTPS works but nobody is sent there.
  site('sinhsts.gob.gt', {
    cert: ca.issue({ hosts: ['sinhsts.gob.gt'] }),
    http: page({ 'strict-transport-security': STRONG_HSTS }),
    https: page(),
  });
  // HTTPS sends visitors back to HTTP.
  site('degrada.gob.gt', {
    cert: ca.issue({ hosts: ['degrada.gob.gt'] }),
    http: page(),
    https: redirect(() => httpUrl('degrada.gob.gt')),
  });
  site('vencido.gob.gt', {
    cert: ca.issue({ hosts: ['vencido.gob.gt'], expired: true }),
    http: redirect(() => httpsUrl('vencido.gob.gt')),
    https: page({ 'strict-transport-security': STRONG_HSTS }),
  });
  site('autofirmado.gob.gt', {
    cert: ca.issue({ hosts: ['autofirmado.gob.gt'], selfSigned: true }),
    http: redirect(() => httpsUrl('autofirmado.gob.gt')),
    https: page(),
  });
  site('otronombre.gob.gt', {
    cert: ca.issue({ hosts: ['otro.gob.gt'] }),
    http: redirect(() => httpsUrl('otronombre.gob.gt')),
    https: page(),
  });
  site('intermedio.gob.gt', {
    cert: ca.issue({ hosts: ['intermedio.gob.gt'], omitIntermediate: true }),
    http: redirect(() => httpsUrl('intermedio.gob.gt')),
    https: page(),
  });
  // A retired domain: every endpoint sends visitors to another institution's domain.
  site('antiguo.gob.gt', {
    cert: ca.issue({ hosts: ['antiguo.gob.gt'] }),
    http: redirect(() => httpsUrl('segura.gob.gt')),
    https: redirect(() => httpsUrl('segura.gob.gt')),
  });
  httpsRoutes.set('127.0.0.1', page());
  httpRoutes.set(
    '127.0.0.1',
    redirect(() => `https://127.0.0.1:${ports.https}/`),
  );
}, 300_000);

afterAll(async () => {
  await new Promise((r) => httpServer.close(r));
  await new Promise((r) => httpsServer.close(r));
});

describe('probeHttps', () => {
  it('reports a well-configured domain: valid HTTPS, enforced, strong HSTS, headers, security.txt', async () => {
    const e = await probe('segura.gob.gt');
    expect(e.domain).toBe('segura.gob.gt');
    expect(e.endpoints.map((p) => p.url)).toEqual([
      httpUrl('segura.gob.gt'),
      httpUrl('www.segura.gob.gt'),
      httpsUrl('segura.gob.gt'),
      httpsUrl('www.segura.gob.gt'),
    ]);
    expect(e.endpoints.map((p) => p.status)).toEqual([301, 301, 200, 301]);
    expect(e.endpoints[0]?.redirectTo).toBe(httpsUrl('segura.gob.gt'));
    expect(e.endpoints[0]?.redirectChain).toEqual([httpUrl('segura.gob.gt'), httpsUrl('segura.gob.gt')]);
    expect(e.endpoints[2]?.certificateProblem).toBeNull();
    expect(e.canonicalUrl).toBe(httpsUrl('segura.gob.gt'));
    expect(e.live).toBe(true);
    expect(e.httpsLive).toBe(true);
    expect(e.validHttps).toBe(true);
    expect(e.badChain).toBe(false);
    expect(e.badHostname).toBe(false);
    expect(e.expired).toBe(false);
    expect(e.selfSigned).toBe(false);
    expect(e.defaultsToHttps).toBe(true);
    expect(e.downgradesHttps).toBe(false);
    expect(e.strictlyForcesHttps).toBe(true);
    expect(e.redirectTarget).toBeNull();
    expect(e.hsts).toBe(true);
    expect(e.hstsMaxAge).toBe(63072000);
    expect(e.hstsIncludeSubdomains).toBe(true);
    expect(e.hstsPreload).toBe(true);
    expect(e.strongHsts).toBe(true);
    expect(e.certificateDaysLeft).toBe(59);
    expect(e.tlsVersion).toBe('TLSv1.3');
    expect(e.securityHeaders).toEqual({
      contentSecurityPolicy: "default-src 'self'; frame-ancestors 'self'",
      xContentTypeOptions: 'nosniff',
      frameProtection: "frame-ancestors 'self'",
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    expect(e.securityTxt).toEqual({
      found: true,
      url: `https://segura.gob.gt:${ports.https}/.well-known/security.txt`,
    });
    expect(e.mixedContent).toEqual([]);
  });

  it('starts from a www host, finds the canonical www endpoint and judges a short HSTS', async () => {
    const e = await probe(`https://www.corta.gob.gt:${ports.https}/inicio`);
    expect(e.domain).toBe('corta.gob.gt');
    expect(e.endpoints).toHaveLength(4);
    expect(e.canonicalUrl).toBe(httpsUrl('www.corta.gob.gt'));
    expect(e.validHttps).toBe(true);
    expect(e.defaultsToHttps).toBe(true);
    expect(e.strictlyForcesHttps).toBe(true);
    expect(e.downgradesHttps).toBe(false);
    expect(e.redirectTarget).toBeNull();
    expect(e.hsts).toBe(true);
    expect(e.hstsMaxAge).toBe(300);
    expect(e.strongHsts).toBe(false);
    // The root HTTPS endpoint (which only redirects) sends no HSTS, so the whole domain is not covered.
    expect(e.hstsIncludeSubdomains).toBe(false);
    expect(e.hstsPreload).toBe(false);
    expect(e.securityHeaders).toEqual({
      contentSecurityPolicy: null,
      xContentTypeOptions: null,
      frameProtection: 'DENY',
      referrerPolicy: null,
    });
    expect(e.securityTxt.found).toBe(false);
  });

  it('ignores HSTS sent over plain HTTP and does not call HTTPS the default when HTTP answers 200', async () => {
    const e = await probe('sinhsts.gob.gt');
    // No www twin resolves: both www endpoints are down.
    expect(e.endpoints.filter((p) => p.url.includes('www.')).map((p) => [p.live, p.error])).toEqual([
      [false, 'dns-not-found'],
      [false, 'dns-not-found'],
    ]);
    expect(e.canonicalUrl).toBe(httpUrl('sinhsts.gob.gt'));
    expect(e.live).toBe(true);
    expect(e.httpsLive).toBe(true);
    expect(e.validHttps).toBe(true);
    expect(e.defaultsToHttps).toBe(false);
    expect(e.strictlyForcesHttps).toBe(false);
    expect(e.downgradesHttps).toBe(false);
    expect(e.hsts).toBe(false);
    expect(e.hstsMaxAge).toBeNull();
    expect(e.hstsIncludeSubdomains).toBe(false);
    expect(e.hstsPreload).toBe(false);
    expect(e.strongHsts).toBe(false);
  });

  it('detects a downgrade from HTTPS to HTTP', async () => {
    const e = await probe('degrada.gob.gt');
    expect(e.downgradesHttps).toBe(true);
    expect(e.defaultsToHttps).toBe(false);
    expect(e.strictlyForcesHttps).toBe(false);
    expect(e.canonicalUrl).toBe(httpUrl('degrada.gob.gt'));
    expect(e.endpoints.find((p) => p.url === httpsUrl('degrada.gob.gt'))?.redirectTo).toBe(
      httpUrl('degrada.gob.gt'),
    );
    expect(e.hsts).toBe(false);
  });

  it('reports an expired certificate and ignores the HSTS header it carries', async () => {
    const e = await probe('vencido.gob.gt');
    expect(e.expired).toBe(true);
    expect(e.validHttps).toBe(false);
    expect(e.badChain).toBe(false);
    expect(e.badHostname).toBe(false);
    expect(e.selfSigned).toBe(false);
    expect(e.certificateDaysLeft).toBeLessThan(0);
    // pshtt: a certificate error does not stop a domain from defaulting to / forcing HTTPS.
    expect(e.defaultsToHttps).toBe(true);
    expect(e.strictlyForcesHttps).toBe(true);
    expect(e.hsts).toBe(false);
    expect(e.hstsMaxAge).toBeNull();
    expect(e.endpoints.find((p) => p.url.startsWith('https:'))?.certificateProblem).toBe('CERT_HAS_EXPIRED');
  });

  it('reports a self-signed certificate as self-signed and a bad chain', async () => {
    const e = await probe('autofirmado.gob.gt');
    expect(e.selfSigned).toBe(true);
    expect(e.badChain).toBe(true);
    expect(e.expired).toBe(false);
    expect(e.badHostname).toBe(false);
    expect(e.validHttps).toBe(false);
  });

  it('reports a certificate for another name as a bad hostname; HTTPS is then not canonical', async () => {
    const e = await probe('otronombre.gob.gt');
    expect(e.badHostname).toBe(true);
    expect(e.badChain).toBe(false);
    expect(e.expired).toBe(false);
    expect(e.selfSigned).toBe(false);
    expect(e.validHttps).toBe(false);
    expect(e.defaultsToHttps).toBe(false);
    expect(e.strictlyForcesHttps).toBe(true);
  });

  it('reports a leaf served without its intermediate as a bad chain, not self-signed', async () => {
    const e = await probe('intermedio.gob.gt');
    expect(e.badChain).toBe(true);
    expect(e.selfSigned).toBe(false);
    expect(e.expired).toBe(false);
    expect(e.badHostname).toBe(false);
    expect(e.validHttps).toBe(false);
    expect(e.tlsVersion).toBe('TLSv1.3');
  });

  it('does not trust the test CA unless told to', async () => {
    const e = await probe('segura.gob.gt', { extraCaPems: [] });
    expect(e.validHttps).toBe(false);
    expect(e.badChain).toBe(true);
    expect(e.hsts).toBe(false);
  });

  it('reports where a redirect domain sends its visitors', async () => {
    const e = await probe('antiguo.gob.gt');
    expect(e.redirectTarget).toBe(httpsUrl('segura.gob.gt'));
    expect(e.endpoints[0]?.redirectChain).toEqual([httpUrl('antiguo.gob.gt'), httpsUrl('segura.gob.gt')]);
    expect(e.strictlyForcesHttps).toBe(true);
    // pshtt: an upgrade to another domain does not make this domain canonically HTTPS.
    expect(e.defaultsToHttps).toBe(false);
  });

  it('probes only root endpoints for an IP literal', async () => {
    const e = await probe(`https://127.0.0.1:${ports.https}/`);
    expect(e.domain).toBe('127.0.0.1');
    expect(e.endpoints.map((p) => p.url)).toEqual([httpUrl('127.0.0.1'), httpsUrl('127.0.0.1')]);
    expect(e.validHttps).toBe(true);
    expect(e.defaultsToHttps).toBe(true);
    expect(e.strictlyForcesHttps).toBe(true);
  });

  it('reports a domain that does not resolve as not live', async () => {
    const e = await probe('noexiste.gob.gt');
    expect(e.live).toBe(false);
    expect(e.httpsLive).toBe(false);
    expect(e.validHttps).toBe(false);
    expect(e.certificateDaysLeft).toBeNull();
    expect(e.tlsVersion).toBeNull();
    expect(e.endpoints.every((p) => p.error === 'dns-not-found')).toBe(true);
  });
});
