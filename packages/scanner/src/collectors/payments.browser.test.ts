import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createTestCa } from '@egov-monitor/fixtures';
import { paymentsCollector } from './payments.js';
import { link, snapshot } from './test-support/builders.js';
import { launchTestBrowser, liveSite, renderedSnapshot, startServer } from './test-support/harness.js';
import type { TestServer } from './test-support/harness.js';

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

// Step 1 of a payment: a GET lookup that asks for the plate (with the browser's own pattern and maxlength) and the
// vehicle type; the card form only appears at step 2.
const lookupPage = `<!doctype html><html lang="es"><head><title>Pago del impuesto de circulación</title></head><body>
<h1>Pago del impuesto de circulación de vehículos</h1>
<form method="get" action="/impuesto/consulta">
  <label for="placa">Número de placa</label><input id="placa" name="placa" required maxlength="7" pattern="P[0-9]{3}[A-Z]{3}">
  <label for="tipo">Tipo de vehículo</label><select id="tipo" name="tipo" required><option value="">Seleccione…</option><option value="auto">Automóvil</option><option value="moto">Motocicleta</option></select>
  <button type="submit">Consultar</button>
</form>
<form role="search" action="/buscar"><input name="q" type="search" aria-label="Buscar"><button>Buscar</button></form>
</body></html>`;

// Traps that act: a POST form with a "Pagar" button, a GET form whose button pays, and script-driven controls that
// POST on a click. None may ever be sent.
const postOnlyPage = `<!doctype html><html lang="es"><head><title>Consulta y pago del boleto de ornato</title></head><body>
<h1>Boleto de ornato: consulta y pago</h1>
<form method="post" action="/ornato/pagar">
  <label for="dpi">DPI</label><input id="dpi" name="dpi" required>
  <button type="submit">Consultar y pagar</button>
</form>
<form method="get" action="/ornato/pagar-ya">
  <label for="dpi2">DPI</label><input id="dpi2" name="dpi">
  <button type="submit">Pagar ahora</button>
</form>
<div id="rapido"><label for="nit">NIT</label><input id="nit" name="nit"><button type="button" onclick="fetch('/ornato/api', { method: 'POST', body: 'nit=' + document.getElementById('nit').value }).then((r) => r.json()).then((d) => { document.getElementById('rapido').insertAdjacentHTML('beforeend', '<p>Monto: Q' + d.monto + '</p>'); })">Consultar</button></div>
</body></html>`;

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
    {
      '/pagos/ornato': { body: cardPage('/pagos/procesar') },
      '/impuesto/': { body: lookupPage },
      // Step 2 answers the plate the browser accepted: a card form for a plate in the right format only.
      '/impuesto/consulta': (url) => {
        const plate = url.searchParams.get('placa') ?? '';
        return /^P[0-9]{3}[A-Z]{3}$/.test(plate) && url.searchParams.get('tipo') === 'auto'
          ? {
              body: cardPage('/impuesto/pagar').replace(
                'Pago del boleto de ornato',
                `Impuesto de circulación ${plate}: Q320.00`,
              ),
            }
          : {
              body: '<!doctype html><html lang="es"><title>Consulta</title><body><p>Placa no válida.</p></body></html>',
            };
      },
      '/ornato/': { body: postOnlyPage },
      '/ornato/api': { contentType: 'application/json', body: '{"monto": 15}' },
    },
    { tls: { key: leaf.keyPem, cert: leaf.chainPem } },
  );
  plain = await startServer({ '/pagos/multas': { body: cardPage('http://127.0.0.1:9/procesar.php') } });
}, 60_000);

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

  it('goes one harmless step further: a GET lookup filled with a plate the page accepts leads to the card form of step 2', async () => {
    const page = `${secure.origin}/impuesto/`;
    const site = liveSite(context, {
      homeUrl: `${secure.origin}/`,
      pages: [await renderedSnapshot(context, page)],
      extraCaPems: [caPem],
    });
    const { candidates } = await paymentsCollector.collect(site);
    const step2 = candidates.find((c) => c.reachedBy);
    expect(step2).toMatchObject({
      url: `${secure.origin}/impuesto/consulta?placa=P123ABC&tipo=auto`,
      protocol: 'https',
      tlsValid: true,
      formAction: `${secure.origin}/impuesto/pagar`,
      reachedBy: {
        from: page,
        form: `form GET ${secure.origin}/impuesto/consulta (Número de placa, Tipo de vehículo)`,
        values: ['Número de placa = P123ABC', 'Tipo de vehículo = Automóvil'],
      },
    });
    expect(step2?.cardFields).toHaveLength(3);
    // The site search on the same page is not a lookup: it was never sent.
    expect(secure.requests.filter((r) => r.startsWith('GET /buscar'))).toEqual([]);
  });

  it('trap: payment forms that would act are judged where they stand and never sent (no POST reaches the server)', async () => {
    const page = `${secure.origin}/ornato/`;
    const before = secure.requests.length;
    const site = liveSite(context, {
      homeUrl: `${secure.origin}/`,
      pages: [await renderedSnapshot(context, page)],
      extraCaPems: [caPem],
    });
    const { candidates } = await paymentsCollector.collect(site);
    const requests = secure.requests.slice(before);
    expect(requests.filter((r) => !r.startsWith('GET ') && !r.startsWith('HEAD '))).toEqual([]);
    expect(requests.filter((r) => r.includes('/ornato/pagar'))).toEqual([]);
    const own = candidates.find((c) => c.url === page);
    expect(own?.cardFields).toEqual([]);
    expect(own?.notSent).toEqual([
      `form POST ${secure.origin}/ornato/pagar (DPI): not sent, it sends with POST: it would act`,
      `form GET ${secure.origin}/ornato/pagar-ya (DPI): not sent, its button says "Pagar ahora": it would act`,
    ]);
    // The script-driven "Consultar" was a harmless-looking lookup: it was tried, and its POST refused in the browser.
    expect(own?.detail).toMatch(/controls without a form \(NIT\): looked up with NIT = 1234567-8/);
  });
});
