import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser.js';
import { createEgressPolicy } from '../egress/policy.js';
import type { BrowserSession } from '../scan-options.js';
import { html, siteHandler, startServer, type TestServer } from '../test-support/server.js';
import { LONG_LIVED_MS, openPage, QUIET_MS } from './navigate.js';

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
      // No request at all after load: the list is written by a chain of timers, each a little after the last.
      '/avisos': html(
        'Avisos',
        `<ul id="avisos"></ul><script>
          window.addEventListener('load', () => {
            let n = 0;
            const next = () => {
              document.querySelector('#avisos').insertAdjacentHTML('beforeend', '<li>Aviso ' + (++n) + '</li>');
              if (n < 5) setTimeout(next, ${QUIET_MS / 3});
            };
            setTimeout(next, ${QUIET_MS / 3});
          });
        </script>`,
      ),
      // A clock that rewrites itself for ever, always the same size: how the page looks, not what it says.
      '/reloj': html(
        'Reloj',
        `<p id="hora"></p><script>setInterval(() => { document.querySelector('#hora').textContent = new Date().toISOString(); }, 50);</script><p>Horario de atención</p>`,
      ),
      // A chat that long-polls its server, which never answers: background, not content.
      '/chat': html(
        'Chat',
        `<p>Atención en línea</p><script>window.addEventListener('load', () => fetch('/poll'));</script>`,
      ),
      '/poll': () => undefined,
      // A feed that keeps adding items for ever: the page never goes quiet.
      '/feed': html(
        'Feed',
        `<ul id="feed"></ul><script>setInterval(() => { document.querySelector('#feed').insertAdjacentHTML('beforeend', '<li>Nuevo aviso</li>'); }, 50);</script>`,
      ),
      '/menu.json': (_request, response) => {
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify([{ href: '/tramites', text: 'Trámites' }]));
        }, QUIET_MS * 3);
      },
    }),
  );
}, 300_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('openPage', () => {
  it('settles only once the requests that build the menu have ended', async () => {
    const page = await session.browser.newPage();
    try {
      const visit = await openPage(page, server.url, { timeoutMs: 10_000, settleMs: 10_000 });
      expect(visit).toMatchObject({ kind: 'page', status: 200, cut: false });
      expect(await page.locator('#menu a').allTextContents()).toEqual(['Trámites']);
    } finally {
      await page.close();
    }
  });

  it('settles only once the DOM has stopped changing, even when no request is in flight', async () => {
    const page = await session.browser.newPage();
    try {
      const visit = await openPage(page, `${server.url}avisos`, { timeoutMs: 60_000, settleMs: 60_000 });
      expect(visit).toMatchObject({ kind: 'page', ready: true });
      expect(await page.locator('#avisos li').count()).toBe(5);
    } finally {
      await page.close();
    }
  });

  it('does not wait on a clock that only rewrites itself: the content is stable', async () => {
    const page = await session.browser.newPage();
    try {
      const visit = await openPage(page, `${server.url}reloj`, { timeoutMs: 60_000, settleMs: 60_000 });
      expect(visit).toMatchObject({ kind: 'page', status: 200, ready: true });
    } finally {
      await page.close();
    }
  });

  it('does not wait for ever on a request that never ends (a long-polling chat): after LONG_LIVED_MS it is background', async () => {
    const page = await session.browser.newPage();
    try {
      const visit = await openPage(page, `${server.url}chat`, {
        timeoutMs: 60_000,
        settleMs: LONG_LIVED_MS * 4,
      });
      expect(visit).toMatchObject({ kind: 'page', status: 200, ready: true });
    } finally {
      await page.close();
    }
  });

  it('says when a page never became ready: its settle limit fired and it is read as it stands', async () => {
    const page = await session.browser.newPage();
    try {
      // The feed never stops growing, so the limit fires however fast or slow the machine is.
      const visit = await openPage(page, `${server.url}feed`, { timeoutMs: 60_000, settleMs: QUIET_MS * 4 });
      expect(visit).toMatchObject({ kind: 'page', status: 200, cut: false, ready: false });
    } finally {
      await page.close();
    }
  });
});
