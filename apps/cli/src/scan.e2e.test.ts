import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/cli.js';

// One real scan through the launcher (flags → pipeline → Chromium → report), against a tiny site on 127.0.0.1.
let server: http.Server;
let url: string;
let out: string;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Inicio</a> <a href="/mision">Misión</a></nav><main><h1>${title}</h1>${body}</main></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const pages: Record<string, string> = {
      '/': page('Secretaría de Prueba', '<p>Información sobre la institución y sus servicios.</p>'),
      '/mision': page('Misión y visión', '<p>Nuestra misión es servir a la población.</p>'),
    };
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? page('No encontrada', ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  out = await mkdtemp(join(tmpdir(), 'egov-cli-scan-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(out, { recursive: true, force: true });
});

describe('egov-monitor scan URL', () => {
  it('scans, prints only the report paths on stdout and exits 0; --resume + --fail-under-level exits 1', async () => {
    const first = await runCli([
      'scan',
      url,
      '--out',
      out,
      '--no-lighthouse',
      '--max-pages',
      '3',
      '--concurrency',
      '1',
    ]);
    expect(first.stderr).toContain(`[1/1]`);
    expect(first.code, first.stderr).toBe(0);
    const paths = first.stdout.trim().split('\n');
    expect(paths.map((path) => path.slice(out.length + 1)).sort()).toEqual([
      'report.csv',
      'report.html',
      'report.md',
      'results.json',
    ]);
    expect(paths.every((path) => existsSync(path))).toBe(true);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      sites: { url: string; status: string }[];
    };
    expect(results.sites.map((site) => site.url)).toEqual([url]);

    const again = await runCli([
      'scan',
      url,
      '--out',
      out,
      '--no-lighthouse',
      '--resume',
      '--fail-under-level',
      '5',
    ]);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toContain('kept from the interrupted run');
    expect(again.stderr).toMatch(/1 site\(s\) below maturity level ≥ 5: .*\(level 1\)/);
  }, 1_800_000);
});
