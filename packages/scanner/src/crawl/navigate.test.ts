import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser.js';
import { createEgressPolicy } from '../egress/policy.js';
import type { BrowserSession } from '../scan-options.js';
import { html, siteHandler, startServer, type TestServer } from '../test-support/server.js';
import { openPage, QUIET_MS } from './navigate.js';

let session: BrowserSession;
let server: TestServer;

beforeAll(async () => {
  session = await launchBrowser({ egress: createEgressPolicy({ allowed: ['127.0.0.1'] }) });
  server = await startServer(
    siteHandler({
      // The menu comes from a fetch the page starts when its document is ready, answered slowly (long after
      // `load`): a settled page must have it.
      '/': html(
        'Inicio',
        `<nav id="menu"></nav><script>
          document.addEventListener('DOMContentLoaded', () => fetch('/menu.json').then((r) => r.json()).then((items) => {
            for (const item of items) document.querySelector('#menu').insertAdjacentHTML('beforeend', '<a href="' + item.href + '">' + item.text + '</a>');
          }));
        </script>`,
      ),
      '/menu.json': (_request, response) => {
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify([{ href: '/tramites', text: 'Trámites' }]));
        }, QUIET_MS * 3);
      },
    }),
  );
}, 60_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('openPage', () => {
  it('settles only once the requests that build the menu have ended', async () => {
    const page = await session.browser.newPage();
    try {
      const visit = await openPage(page, server.url, { timeoutMs: 10_000, idleMs: 3_000 });
      expect(visit).toMatchObject({ kind: 'page', status: 200, cut: false });
      expect(await page.locator('#menu a').allTextContents()).toEqual(['Trámites']);
    } finally {
      await page.close();
    }
  });
});
