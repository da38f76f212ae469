import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLighthouse } from './runner.js';
import type { LighthousePageRun } from './runner.js';
import { CHROMIUM_ARGS, findChromeExecutable } from '../browser.js';

/*
 * A real Lighthouse run on one Chromium (started once, with a remote-debugging port, like the scan's session)
 * against pages served on 127.0.0.1: a clean page and one with known SEO and accessibility defects.
 */

const CLEAN = `<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ministerio de Ejemplo — Trámites</title>
<meta name="description" content="Trámites y servicios del Ministerio de Ejemplo: requisitos, horarios y contacto.">
<style>body{font:18px/1.5 sans-serif;color:#111;background:#fff;margin:1rem} a{color:#0645ad;padding:12px;display:inline-block}</style>
</head><body><header><nav aria-label="Principal"><a href="/tramites">Trámites</a> <a href="/contacto">Contacto</a></nav></header>
<main><h1>Trámites en línea</h1><p>Consulte los requisitos de cada trámite y descargue los formularios.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Escudo del ministerio" width="1" height="1">
<form action="/buscar"><label for="q">Buscar</label> <input id="q" name="q"> <button type="submit">Buscar</button></form>
</main></body></html>`;

const DEFECTIVE = `<!doctype html>
<html><head><meta name="robots" content="noindex, nofollow"></head>
<body style="font-size:9px"><div style="color:#ccc;background:#fff">Tramites</div>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button><input>
<a href="javascript:void(0)"></a></body></html>`;

let server: http.Server;
let base: string;
let browser: Browser;
let port: number;
let queue: Promise<unknown> = Promise.resolve();
const session = {
  get debuggingPort() {
    return port;
  },
  lighthouseLock<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  },
};

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return free;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = req.url === '/defectuosa' ? DEFECTIVE : req.url === '/' ? CLEAN : null;
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nAllow: /\n');
      return;
    }
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '<!doctype html><title>No encontrada</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  port = await freePort();
  browser = await chromium.launch({
    executablePath: findChromeExecutable() ?? '/usr/bin/chromium',
    args: [`--remote-debugging-port=${port}`, ...CHROMIUM_ARGS],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
});

describe('runLighthouse', () => {
  let clean: LighthousePageRun;
  let defective: LighthousePageRun;

  it('scores a page in the four categories, 0–100, over the shared browser', async () => {
    clean = await runLighthouse(session, `${base}/`);
    console.info(`lighthouse: clean page in ${clean.durationMs} ms`, clean.scores);
    expect(clean.error).toBeUndefined();
    expect(clean.lighthouseVersion).toMatch(/^12\./);
    for (const value of Object.values(clean.scores)) {
      expect(typeof value).toBe('number');
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
      expect(Number.isInteger(value)).toBe(true);
    }
    // The browser survives the run: Lighthouse only disconnected from it.
    expect(browser.isConnected()).toBe(true);
  }, 900_000);

  it('scores a page with SEO and accessibility defects lower on those categories', async () => {
    defective = await runLighthouse(session, `${base}/defectuosa`);
    console.info(`lighthouse: defective page in ${defective.durationMs} ms`, defective.scores);
    expect(defective.error).toBeUndefined();
    expect(defective.scores.seo).toBeLessThan(clean.scores.seo ?? 0);
    expect(defective.scores.accessibility).toBeLessThan(clean.scores.accessibility ?? 0);
  }, 900_000);

  it('reports a page that cannot load as an error with null scores', async () => {
    const closed = await freePort();
    const failed = await runLighthouse(session, `http://127.0.0.1:${closed}/`, { maxWaitForLoadMs: 10_000 });
    expect(failed.error).toBeTruthy();
    expect(failed.scores).toEqual({ accessibility: null, bestPractices: null, seo: null, performance: null });
  }, 900_000);
});
