import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressPolicy } from '../egress/policy.js';
import { createHttpsCollector, mixedContent } from './https.js';
import { createProbeTestCa } from '../https/test-support/test-ca.js';
import type { ProbeTestCa } from '../https/test-support/test-ca.js';
import { siteContext, snapshot } from './test-support/snapshot.js';

let ca: ProbeTestCa;
let server: https.Server;
let home: string;
// As a scan of a target on 127.0.0.1 allows exactly its own address.
const egress = createEgressPolicy({ allowed: ['127.0.0.1'] });

beforeAll(async () => {
  ca = createProbeTestCa();
  server = https.createServer(ca.issue({ hosts: ['127.0.0.1'] }), (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'strict-transport-security': 'max-age=31536000' });
    res.end('<title>Inicio</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  home = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 300_000);

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('https collector', () => {
  it('probes the listed site with the scan CAs and adds mixed content from the crawled pages', async () => {
    const page = snapshot({
      url: home,
      scripts: ['http://cdn.example.com/app.js'],
      resources: [
        `${home}estilo.css`,
        'http://cdn.example.com/app.js',
        'http://fotos.example.com/escudo.png',
      ],
    });
    const site = siteContext([page], { extra: { extraCaPems: [ca.rootPem], egress } });
    const evidence = await createHttpsCollector({ timeoutMs: 5_000 }).collect(site);
    expect(evidence.domain).toBe('127.0.0.1');
    expect(evidence.validHttps).toBe(true);
    expect(evidence.hsts).toBe(true);
    expect(evidence.strongHsts).toBe(true);
    expect(evidence.mixedContent).toEqual([
      { pageUrl: home, resourceUrl: 'http://cdn.example.com/app.js', blocked: true },
      { pageUrl: home, resourceUrl: 'http://fotos.example.com/escudo.png', blocked: false },
    ]);
  });

  it('does not trust a certificate the scan was not told to trust', async () => {
    const evidence = await createHttpsCollector({ timeoutMs: 5_000 }).collect(
      siteContext([snapshot({ url: home })], { extra: { egress } }),
    );
    expect(evidence.validHttps).toBe(false);
    expect(evidence.badChain).toBe(true);
  });
});

describe('mixedContent', () => {
  it('treats scripts, iframes, styles, fonts and endpoints as blocked, images and media as upgradeable', () => {
    const page = snapshot({
      url: 'https://example.gob.gt/',
      iframes: ['http://mapas.example.com/embed'],
      resources: [
        'http://example.com/estilo.css',
        'http://example.com/fuente.woff2',
        'http://api.example.com/datos',
        'http://example.com/video.mp4',
        'http://example.com/foto.JPG',
        'https://example.com/seguro.js',
      ],
    });
    const byUrl = Object.fromEntries(mixedContent([page]).map((m) => [m.resourceUrl, m.blocked]));
    expect(byUrl).toEqual({
      'http://mapas.example.com/embed': true,
      'http://example.com/estilo.css': true,
      'http://example.com/fuente.woff2': true,
      'http://api.example.com/datos': true,
      'http://example.com/video.mp4': false,
      'http://example.com/foto.JPG': false,
    });
  });

  it('ignores pages served over plain HTTP: nothing is mixed there', () => {
    const page = snapshot({ url: 'http://example.gob.gt/', resources: ['http://example.com/app.js'] });
    expect(mixedContent([page])).toEqual([]);
  });
});
