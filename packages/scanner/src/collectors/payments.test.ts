import { describe, expect, it } from 'vitest';
import { cardFieldsOf, paymentsCollector } from './payments.js';
import { fakeSite, field, form, link, snapshot } from './test-support/builders.js';

const home = 'https://www.muniguate.com/';
const cardForm = (action: string) =>
  form({
    action,
    method: 'post',
    selector: '#pago',
    fields: [
      field('numero_tarjeta', { label: 'Número de tarjeta' }),
      field('vencimiento', { placeholder: 'MM/AA' }),
      field('cvv', { autocomplete: 'cc-csc' }),
      field('monto'),
      field('pagar', { tag: 'button', type: 'submit' }),
    ],
    submitTexts: ['Pagar'],
  });

describe('card fields', () => {
  it('reads autocomplete cc-* tokens and Spanish/English names, not other fields', () => {
    expect(cardFieldsOf(cardForm(''))).toEqual([
      'numero_tarjeta',
      'vencimiento',
      'cvv (autocomplete=cc-csc)',
    ]);
    expect(
      cardFieldsOf(
        form({
          fields: [
            field('x', { autocomplete: 'cc-number' }),
            field('card-exp'),
            field('nit'),
            field('correo', { type: 'email' }),
          ],
        }),
      ),
    ).toEqual(['x (autocomplete=cc-number)', 'card-exp']);
    expect(
      cardFieldsOf(form({ fields: [field('nombre'), field('dpi'), field('fecha_nacimiento')] })),
    ).toEqual([]);
  });
});

describe('payments collector', () => {
  it('records a card form on a valid HTTPS page posting over HTTPS, and a gateway script', async () => {
    const site = fakeSite({
      pages: [
        snapshot(`${home}pagos/boleto-ornato`, { forms: [cardForm(`${home}pagos/procesar`)] }),
        snapshot(`${home}pagos/multas`, {
          scripts: ['https://flex.cybersource.com/cybersource/assets/microform/0.11/flex-microform.min.js'],
        }),
      ],
    });
    const { candidates } = await paymentsCollector.collect(site);
    expect(candidates).toEqual([
      expect.objectContaining({
        url: `${home}pagos/boleto-ornato`,
        protocol: 'https',
        tlsValid: true,
        cardFields: ['numero_tarjeta', 'vencimiento', 'cvv (autocomplete=cc-csc)'],
        gateways: [],
        formAction: `${home}pagos/procesar`,
      }),
      expect.objectContaining({
        url: `${home}pagos/multas`,
        protocol: 'https',
        tlsValid: true,
        cardFields: [],
        gateways: ['Visanet / CyberSource'],
      }),
    ]);
  });

  it('trap: a card form over plain HTTP, one posting to http://, and one on an expired certificate', async () => {
    const site = fakeSite({
      certificates: { 'pagos.muni.gob.gt': { valid: false, problem: 'CERT_HAS_EXPIRED' } },
      pages: [
        snapshot('http://www.muniguate.com/pagos', {
          forms: [cardForm('http://www.muniguate.com/pagos/procesar')],
        }),
        snapshot(`${home}pago-en-linea`, { forms: [cardForm('http://pagos.muniguate.com/procesar.php')] }),
        snapshot('https://pagos.muni.gob.gt/', { forms: [cardForm('https://pagos.muni.gob.gt/cobro')] }),
      ],
    });
    const { candidates } = await paymentsCollector.collect(site);
    expect(candidates.map((c) => [c.url, c.protocol, c.tlsValid, c.formAction])).toEqual([
      ['http://www.muniguate.com/pagos', 'http', null, 'http://www.muniguate.com/pagos/procesar'],
      ['https://pagos.muni.gob.gt/', 'https', false, 'https://pagos.muni.gob.gt/cobro'],
      [`${home}pago-en-linea`, 'https', true, 'http://pagos.muniguate.com/procesar.php'],
    ]);
    expect(candidates[2]?.detail).toMatch(/over plain HTTP: card data would travel unencrypted/);
    expect(candidates[1]?.detail).toMatch(/certificate not valid: CERT_HAS_EXPIRED/);
  });

  it('a "Pagar en línea" link that cannot be opened is recorded with what happened', async () => {
    const site = fakeSite({
      pages: [snapshot(home, { links: [link(`${home}servicios/pagar`, 'Pagar en línea')] })],
    });
    const { candidates } = await paymentsCollector.collect(site);
    expect(candidates).toEqual([
      expect.objectContaining({
        url: `${home}servicios/pagar`,
        linkText: 'Pagar en línea',
        cardFields: [],
        gateways: [],
      }),
    ]);
    expect(candidates[0]?.detail).toMatch(/HTTP 0 .*no card fields or payment gateway/);
  });
});
