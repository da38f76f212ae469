import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressPolicy } from '../egress/policy.js';
import { startServer, type TestServer } from '../test-support/server.js';
import { httpFetch } from './http-fetch.js';
import { hostileRobots, robotsProbePaths } from '../test-support/hostile-parser-inputs.js';
import { parseRobots, ROBOTS_MAX_BYTES, robotsText } from './robots.js';

const MB = 1024 * 1024;
const RULES = 'User-agent: *\nDisallow: /privado/\nSitemap: https://x.gob.gt/sitemap.xml\n';
/** Bytes the endless server wrote before the client hung up. */
let written = 0;
let server: TestServer;

/** 50 MB without Content-Length, produced as the client reads it (never buffered whole). */
function fiftyMegabytes(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/plain' });
  const line = `# ${'relleno '.repeat(15)}\n`;
  const block = Buffer.from(line.repeat(Math.floor((64 * 1024) / line.length)));
  written = 0;
  const pump = () => {
    while (written < 50 * MB) {
      const first = written === 0;
      const chunk = first ? Buffer.concat([Buffer.from(RULES), block]) : block;
      written += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => response.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === '/robots.txt') return fiftyMegabytes(response);
    response.writeHead(404);
    response.end();
  });
});
afterAll(() => server.close());

describe('robots.txt with bounded cost', () => {
  it('a 50 MB robots.txt without Content-Length is read up to the cap, and its rules apply', async () => {
    const response = await httpFetch(`${server.url}robots.txt`, {
      timeoutMs: 30_000,
      userAgent: 'egov-monitor/test',
      extraCaPems: [],
      egress: createEgressPolicy({ allowed: ['127.0.0.1'] }),
      maxBytes: ROBOTS_MAX_BYTES,
      stopAtCap: true,
    });
    expect(response).toMatchObject({ status: 200, truncated: true });
    // Bytes, not seconds: the client kept at most the cap and hung up long before the 50 MB were sent.
    expect(response.head.length).toBeLessThanOrEqual(ROBOTS_MAX_BYTES);
    expect(response.head.length).toBeGreaterThan(ROBOTS_MAX_BYTES - 64 * 1024);
    expect(written).toBeLessThan(50 * MB);
    const robots = parseRobots(`${server.url}robots.txt`, robotsText(response));
    expect(robots.found).toBe(true);
    expect(robots.isAllowed(`${server.url}privado/informe`)).toBe(false);
    expect(robots.isAllowed(`${server.url}tramites`)).toBe(true);
    expect(robots.sitemaps).toEqual(['https://x.gob.gt/sitemap.xml']);
  });

  it('a truncated file keeps its complete lines and drops the partial last one; a missing one is absent', () => {
    const base = {
      url: 'https://x.gob.gt/robots.txt',
      finalUrl: 'https://x.gob.gt/robots.txt',
      status: 200,
      contentType: 'text/plain',
      headers: {},
      bytes: null,
    };
    expect(
      robotsText({
        ...base,
        head: Buffer.from('User-agent: *\nDisallow: /a/\nDisallow: /b'),
        truncated: true,
      }),
    ).toBe('User-agent: *\nDisallow: /a/\n');
    expect(robotsText({ ...base, head: Buffer.from('User-agent: *\nDisallow: /b') })).toBe(
      'User-agent: *\nDisallow: /b',
    );
    expect(robotsText({ ...base, status: 404, head: Buffer.alloc(0) })).toBeNull();
    expect(
      robotsText({ ...base, contentType: 'text/html', head: Buffer.from('<h1>Inicio</h1>') }),
    ).toBeNull();
  });

  it('hostile rules (a 500 KiB wildcard line, thousands of wildcard rules) keep each check bounded', () => {
    // How long this takes is measured by `npm run bench:parsers`; a backtracking matcher would outlast the test's
    // own time limit by minutes.
    const robots = parseRobots('https://x.gob.gt/robots.txt', hostileRobots());
    // Paths of many a's against rules of many wildcards: the work a backtracking matcher explodes on.
    for (const url of robotsProbePaths()) expect(typeof robots.isAllowed(url)).toBe('boolean');
    expect(robots.isAllowed('https://x.gob.gt/privado/x')).toBe(false);
    // Folded stars make `/****…x` the pattern `/*x`.
    expect(robots.isAllowed('https://x.gob.gt/tramites/x')).toBe(false);
  });
});
