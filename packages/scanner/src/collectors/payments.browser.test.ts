import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createTestCa } from '@egov-monitor/fixtures';
import { paymentsCollector } from './payments.js';
import { link, snapshot } from './support/test-builders.js';
import { launchTestBrowser, liveSite, startServer } from './support/test-support/harness.js';
import type { TestServer } from './support/test-support/harness.js';

const cardPage = (
  action: string,
) => `<!doctype html><html lang="es"><head><title>Pago en línea — Boleto de ornato</title></head><body>
<h1>Pago del boleto de ornato</h1>
<form id="pago" method="post" action="${action}">
  <label for="tarjeta">Número de tarjeta</label><input id="tarjeta" name="numero_tarjeta" autocomplete="cc-number" inputmode="numeric">
  <label for="exp">Vencimiento</label><input id="exp" name="vencimiento" autocomplete="cc-exp">
  <label for="cvv">CVV</label><input id="cvv" name="cvv" autocomplete="cc-csc">
  <button type="submit">Pagar Q15.00</button>
</form></body></html>`;

let browser: Browser;
let context: BrowserContext;
let plain: TestServer;
let secure: TestServer;
let caPem: string;

beforeAll(async () => {
  const ca = createTestCa();
  caPem = ca.caPem;
  const leaf = ca.issue({ hosts: ['127.0.0.1'] });
  browser = await launchTestBrowser();
  context = await browser.newContext({ ignoreHTTPSErrors: true });
  secure = await startServer(
    { '/pagos/ornato': { body: cardPage('/pagos/procesar') } },
    { tls: { key: leaf.keyPem, cert: leaf.chainPem } },
  );
  plain = await startServer({ '/pagos/multas': { body: cardPage('http://127.0.0.1:9/procesar.php') } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await plain?.close();
  await secure?.close();
});

describe('payments collector in Chromium', () => {
  it('follows "Pago en línea" links: a card form on valid HTTPS, and the trap of a card form over plain HTTP posting to http://', async () => {
    const home = `${secure.origin}/`;
    const pages = [
      snapshot(home, {
        links: [
          link(`${secure.origin}/pagos/ornato`, 'Pago en línea'),
          link(`${plain.origin}/pagos/multas`, 'Pagar multas en línea'),
        ],
      }),
    ];
    const { candidates } = await paymentsCollector.collect(
      liveSite(context, { homeUrl: home, pages, extraCaPems: [caPem] }),
    );
    const secureCandidate = candidates.find((c) => c.url.startsWith('https:'));
    const plainCandidate = candidates.find((c) => c.url.startsWith('http:'));
    expect(secureCandidate).toMatchObject({
      protocol: 'https',
      tlsValid: true,
      formAction: `${secure.origin}/pagos/procesar`,
      cardFields: [
        'numero_tarjeta (autocomplete=cc-number)',
        'vencimiento (autocomplete=cc-exp)',
        'cvv (autocomplete=cc-csc)',
      ],
      linkText: 'Pago en línea',
    });
    expect(plainCandidate).toMatchObject({
      protocol: 'http',
      tlsValid: null,
      formAction: 'http://127.0.0.1:9/procesar.php',
      linkText: 'Pagar multas en línea',
    });
    expect(plainCandidate?.detail).toMatch(/over plain HTTP/);
  });
});
