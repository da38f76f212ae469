import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema } from './settings-schema.js';
import { byUrlThenDetail, fail, pass } from './support.js';

export interface EPaymentsSettings {
  /** Card fields needed to call a form a card payment form when no gateway is seen. */
  minCardFields: number;
}

function isHttps(protocolOrUrl: string): boolean {
  return /^https:?(?:\/\/|$)/i.test(protocolOrUrl.trim());
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<EPaymentsSettings> = {
  schema: settingsSchema({ minCardFields: atLeastOne }),
  defaults: {
    minCardFields: 1,
  },
};

export const ePayments = defineCriterion({
  meta: {
    id: 'e_payments',
    level: 4,
    title: {
      es: 'Ofrece servicios en línea seguros con pago electrónico',
      en: 'Offers secure online services with electronic payment',
    },
    implements: {
      es: 'Servicios en línea (seguros), incluyendo pagos electrónicos (tarjetas de crédito).',
      en: 'Secure online services, including electronic payments (credit cards).',
    },
    requiredEvidence: ['payments'],
  },
  settings: SETTINGS,
  judge({ payments }, settings) {
    const secure: { url: string; detail: string }[] = [];
    const findings: { url: string; detail: string; es: string; en: string }[] = [];
    for (const c of payments.candidates) {
      const hasFlow = c.cardFields.length >= settings.minCardFields || c.gateways.length > 0;
      if (!hasFlow) continue;
      const what = `${c.gateways.length ? `gateway ${c.gateways.join(', ')}` : ''}${c.gateways.length && c.cardFields.length ? '; ' : ''}${c.cardFields.length ? `card fields ${c.cardFields.join(', ')}` : ''}`;
      const step = c.reachedBy
        ? `step 2 of a lookup (step 1: ${c.reachedBy.form} on ${c.reachedBy.from}, filled with ${c.reachedBy.values.join(', ')}); `
        : '';
      const detail = `${step}${what}; page over ${c.protocol.replace(/:$/, '')}, certificate ${c.tlsValid === true ? 'valid' : c.tlsValid === false ? 'invalid' : 'none'}${c.formAction ? `; form submits to ${c.formAction}` : ''}; ${c.detail}`;
      // Carta Iberoamericana, principle 7 (Proporcionalidad): a card form must travel over valid HTTPS both ways.
      if (!isHttps(c.protocol)) {
        findings.push({
          url: c.url,
          detail,
          es: 'formulario de pago en una página sin HTTPS',
          en: 'payment form on a page without HTTPS',
        });
      } else if (c.tlsValid !== true) {
        findings.push({
          url: c.url,
          detail,
          es: 'página de pago con certificado no válido',
          en: 'payment page with an invalid certificate',
        });
      } else if (c.formAction && !isHttps(c.formAction)) {
        findings.push({
          url: c.url,
          detail,
          es: `el formulario de tarjeta envía los datos a ${c.formAction} sin HTTPS`,
          en: `the card form submits to ${c.formAction} without HTTPS`,
        });
      } else {
        secure.push({ url: c.url, detail });
        // Both steps in one click each: the lookup a citizen fills first, then the payment it leads to.
        if (c.reachedBy)
          secure.push({
            url: c.reachedBy.from,
            detail: `step 1 of the payment: ${c.reachedBy.form}, filled with ${c.reachedBy.values.join(', ')} and sent (a lookup, nothing paid) → ${c.url}`,
          });
      }
    }
    secure.sort(byUrlThenDetail);
    findings.sort(byUrlThenDetail);

    if (secure.length > 0) {
      return pass(
        {
          es: 'Hay un pago en línea (tarjeta o pasarela) en una página con HTTPS válido que también envía por HTTPS.',
          en: 'There is an online payment (card or gateway) on a page with valid HTTPS that also submits over HTTPS.',
        },
        secure.slice(0, 10),
      );
    }
    if (findings.length > 0) {
      const first = findings[0]!;
      return fail(
        {
          es: `Hay ${findings.length} flujos de pago, pero ninguno es seguro: ${first.es} (${first.url}). Es un hallazgo, no un servicio.`,
          en: `There are ${findings.length} payment flows, but none is secure: ${first.en} (${first.url}). This is a finding, not a service.`,
        },
        findings.map(({ url, detail }) => ({ url, detail })).slice(0, 10),
      );
    }
    return fail(
      {
        es: 'No se encontró un pago en línea (campos de tarjeta o pasarela de pago).',
        en: 'No online payment (card fields or a payment gateway) was found.',
      },
      payments.candidates
        .map((c) => ({
          url: c.url,
          detail: `${c.linkText ? `payment link "${c.linkText.trim()}"` : 'page about paying'} without card fields or gateway${c.notSent?.length ? `; forms judged and not sent: ${c.notSent.join('; ')}` : ''}; ${c.detail}`,
        }))
        .sort(byUrlThenDetail)
        .slice(0, 10),
    );
  },
});
