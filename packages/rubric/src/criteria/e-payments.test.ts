import { describe, expect, it } from 'vitest';
import type { PaymentsEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { ePayments } from './e-payments.js';

const settings = defaultRubric.criteria.e_payments;
type Candidate = PaymentsEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}pagos`,
  protocol: 'https:',
  tlsValid: true,
  cardFields: ['cc-number', 'cc-csc'],
  gateways: [],
  formAction: `${SITE}pagos/procesar`,
  detail: 'card form',
  ...patch,
});
const judge = (candidates: Candidate[]) =>
  ePayments.evaluate(withGathered(evidenceMeeting([]), { payments: ok({ candidates }) }), settings);

describe('e_payments', () => {
  it('passes with a card form on valid HTTPS that submits over HTTPS', () => {
    const result = judge([candidate({})]);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toContain('card fields cc-number, cc-csc');
  });

  it('passes with a gateway and no form of its own', () => {
    expect(judge([candidate({ cardFields: [], gateways: ['Stripe'], formAction: undefined })]).outcome).toBe(
      'pass',
    );
  });

  it('a card form posting to http:// is a finding, not a service', () => {
    const result = judge([candidate({ formAction: 'http://www.minejemplo.gob.gt/pagos/procesar' })]);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain(
      'submits to http://www.minejemplo.gob.gt/pagos/procesar without HTTPS',
    );
  });

  it('a card form on an http page fails, and so does an invalid certificate', () => {
    expect(
      judge([candidate({ url: 'http://www.minejemplo.gob.gt/pagos', protocol: 'http:', tlsValid: null })])
        .reason.en,
    ).toContain('payment form on a page without HTTPS');
    expect(judge([candidate({ tlsValid: false })]).reason.en).toContain('invalid certificate');
  });

  it('a "Pagos" link without card fields or gateway is not a payment', () => {
    const result = judge([candidate({ cardFields: [], gateways: [], linkText: 'Pagos' })]);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toBe('No online payment (card fields or a payment gateway) was found.');
  });

  it('one secure flow is enough even beside an insecure one', () => {
    expect(judge([candidate({ tlsValid: false }), candidate({ url: `${SITE}pagos/multas` })]).outcome).toBe(
      'pass',
    );
  });

  it('a card form that only appears at step 2 of a lookup is a payment, and the evidence shows both steps', () => {
    const result = judge([
      candidate({
        url: `${SITE}pagos/consulta?placa=P123ABC`,
        reachedBy: {
          from: `${SITE}pagos/`,
          form: 'form GET /pagos/consulta (Placa)',
          values: ['Placa = P123ABC'],
        },
      }),
    ]);
    expect(result.outcome).toBe('pass');
    expect(result.evidence).toEqual([
      {
        url: `${SITE}pagos/`,
        detail: `step 1 of the payment: form GET /pagos/consulta (Placa), filled with Placa = P123ABC and sent (a lookup, nothing paid) → ${SITE}pagos/consulta?placa=P123ABC`,
      },
      {
        url: `${SITE}pagos/consulta?placa=P123ABC`,
        detail: expect.stringMatching(
          /^step 2 of a lookup \(step 1: form GET \/pagos\/consulta \(Placa\) on .*\/pagos\/, filled with Placa = P123ABC\); card fields cc-number, cc-csc;/,
        ),
      },
    ]);
  });

  it('trap: a payment-looking form that posts was judged and not sent: no payment, and the evidence says why', () => {
    const result = judge([
      candidate({
        url: `${SITE}ornato`,
        cardFields: [],
        formAction: undefined,
        notSent: ['form POST /ornato/pagar (DPI): not sent, it sends with POST: it would act'],
      }),
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]?.detail).toContain(
      'forms judged and not sent: form POST /ornato/pagar (DPI): not sent, it sends with POST',
    );
  });
});
