import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLock, findChromeExecutable, launchBrowser } from './browser.js';
import { splitPemBundle } from './https/trust.js';
import { createEgressPolicy } from './egress/policy.js';
import type { BrowserSession } from './scan-options.js';
import { startServer, type TestServer } from './test-support/server.js';
import { createTestCa } from './test-support/tls.js';

const ca = createTestCa();
const variants = {
  good: ca.issue({ hosts: ['127.0.0.1'] }),
  expired: ca.issue({ hosts: ['127.0.0.1'], expired: true }),
  wrongHost: ca.issue({ hosts: ['otro.example.gob.gt'] }),
  selfSigned: ca.issue({ hosts: ['127.0.0.1'], selfSigned: true }),
};
let session: BrowserSession;
const servers: Record<string, TestServer> = {};

beforeAll(async () => {
  for (const [name, tls] of Object.entries(variants)) {
    // Serve the CA with the leaf: a CA-hash allow-list would then wrongly accept the expired and wrong-host ones.
    servers[name] = await startServer((_request, response) => response.end('<title>ok</title>hola'), {
      key: tls.key,
      cert: tls.cert + ca.caPem,
    });
  }
  // Pages opened straight in the browser (no site context) go through the default proxy listener: allow the servers.
  session = await launchBrowser({
    extraCaPems: [ca.caPem],
    egress: createEgressPolicy({ allowed: ['127.0.0.1'] }),
  });
}, 300_000);
afterAll(async () => {
  await session?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

describe('launchBrowser', () => {
  it('trusts the extra CA for valid certificates only', async () => {
    const page = await session.browser.newPage();
    const outcome: Record<string, string> = {};
    for (const [name, server] of Object.entries(servers)) {
      outcome[name] = await page.goto(server.url, { timeout: 120_000 }).then(
        (response) => String(response?.status()),
        (error: Error) => /net::(ERR_[A-Z_]+)/.exec(error.message)?.[1] ?? error.message,
      );
    }
    await page.close();
    expect(outcome).toEqual({
      good: '200',
      expired: 'ERR_CERT_DATE_INVALID',
      wrongHost: 'ERR_CERT_COMMON_NAME_INVALID',
      selfSigned: 'ERR_CERT_AUTHORITY_INVALID',
    });
  });

  it('exposes a remote-debugging port of the same browser (for Lighthouse)', async () => {
    const info = (await (await fetch(`http://127.0.0.1:${session.debuggingPort}/json/version`)).json()) as {
      Browser: string;
    };
    expect(info.Browser).toContain(session.browser.version());
  });

  it('finds Chromium from CHROME_PATH first, and says null when there is none', () => {
    expect(findChromeExecutable({ CHROME_PATH: session.executablePath })).toBe(session.executablePath);
    expect(findChromeExecutable({ CHROME_PATH: '/nonexistent/chrome' })).not.toBe('/nonexistent/chrome');
  });

  it('explains what to do when no browser exists', async () => {
    await expect(launchBrowser({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(/did not start/);
  });

  it('splits PEM bundles and serialises work with the lock', async () => {
    expect(splitPemBundle([ca.caPem + ca.caPem, variants.good.cert])).toHaveLength(2);
    const lock = createLock();
    const order: string[] = [];
    const slow = lock(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = lock(async () => order.push('fast'));
    await expect(slow).rejects.toThrow('boom');
    await fast;
    expect(order).toEqual(['slow', 'fast']);
  });
});
