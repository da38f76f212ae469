import { describe, expect, it } from 'vitest';
import { describeForm, firstRealOption, judgeLookupForm, lookupKindOf } from './lookup-form.js';
import { field, form } from '../test-support/builders.js';

const button = (label: string) => field('', { tag: 'button', type: 'submit', label });

describe('harmless lookup forms', () => {
  it.each([
    [{ label: 'Número de placa' }, 'plate'],
    [{ name: 'txtNoPlaca' }, 'plate'],
    [{ placeholder: 'Ej. 1234567-8', name: 'nit' }, 'nit'],
    [{ label: 'Número de identificación tributaria (NIT)' }, 'nit'],
    [{ label: 'CUI (DPI)' }, 'dpi'],
    [{ label: 'No. de expediente' }, 'case'],
    [{ label: 'Código de seguimiento' }, 'tracking'],
    [{ label: 'Número de remisión' }, 'ticket'],
    [{ label: 'Case number' }, 'case'],
    [{ label: 'Nombre completo' }, null],
  ] as const)('%o asks for %s', (patch, kind) => {
    expect(lookupKindOf({ label: '', placeholder: '', name: '', id: '', ...patch })).toBe(kind);
  });

  it('a GET that asks for a plate and a vehicle type, sent with "Consultar", is a lookup', () => {
    const lookup = form({
      method: 'get',
      action: 'https://transito.gob.gt/consulta',
      fields: [
        field('placa', { label: 'Placa', required: true }),
        field('tipo', { tag: 'select', type: 'select', label: 'Tipo' }),
        button('Consultar'),
      ],
      submitTexts: ['Consultar'],
    });
    expect(judgeLookupForm(lookup)).toEqual({ harmless: true, asks: [{ field: 'Placa', kind: 'plate' }] });
    expect(describeForm(lookup)).toBe('form GET https://transito.gob.gt/consulta (Placa, Tipo)');
  });

  it.each([
    ['a POST', { method: 'post' }, 'it sends with POST: it would act'],
    ['a "Pagar" button', { submitTexts: ['Pagar Q15.00'] }, 'its button says "Pagar Q15.00": it would act'],
    [
      'an "Enviar" button',
      { submitTexts: ['Enviar solicitud'] },
      'its button says "Enviar solicitud": it would act',
    ],
    ['a "Confirmar" button', { submitTexts: ['Confirmar'] }, 'its button says "Confirmar": it would act'],
    [
      'a password',
      { extra: field('clave', { type: 'password', label: 'Contraseña' }) },
      'it asks for a password ("Contraseña")',
    ],
    [
      'a card number',
      { extra: field('numero_tarjeta', { autocomplete: 'cc-number', label: 'Tarjeta' }) },
      'it asks for card data ("Tarjeta")',
    ],
    [
      'a file',
      { extra: field('adjunto', { type: 'file', label: 'Adjunto' }) },
      'it uploads a file ("Adjunto")',
    ],
    [
      'a message',
      { extra: field('mensaje', { tag: 'textarea', type: 'textarea', label: 'Mensaje' }) },
      'it takes a message ("Mensaje")',
    ],
    [
      'an e-mail',
      { extra: field('correo', { type: 'email', label: 'Correo' }) },
      'it asks for an e-mail address ("Correo"): a subscription or a registration',
    ],
    [
      'a required field it cannot fill',
      { extra: field('nombre', { label: 'Nombre completo', required: true }) },
      'it requires "Nombre completo", which the scanner cannot fill with a plausible value',
    ],
  ] as const)('trap: never sent — %s', (_what, patch, why) => {
    const base = {
      method: 'get',
      fields: [field('placa', { label: 'Placa' }), ...('extra' in patch ? [patch.extra] : [])],
      submitTexts: 'submitTexts' in patch ? [...patch.submitTexts] : ['Consultar'],
      ...('method' in patch ? { method: patch.method } : {}),
    };
    expect(judgeLookupForm(form(base))).toEqual({ harmless: false, why });
  });

  it('trap: a site search or a year filter is not a lookup (it asks for no identifier)', () => {
    expect(
      judgeLookupForm(
        form({ fields: [field('q', { type: 'search', label: 'Buscar' })], submitTexts: ['Buscar'] }),
      ),
    ).toMatchObject({ harmless: false });
    expect(
      judgeLookupForm(form({ fields: [field('anio', { label: 'Año' })], submitTexts: ['Filtrar'] })),
    ).toEqual({
      harmless: false,
      why: 'it asks for no identifier (a plate, a case number, a DPI…): not a lookup',
    });
  });

  it('selects pick their first real option, never the prompt', () => {
    expect(
      firstRealOption([
        { value: '', text: 'Seleccione…', disabled: false },
        { value: 'x', text: '-- Elija --', disabled: false },
        { value: 'moto', text: 'Motocicleta', disabled: true },
        { value: 'auto', text: 'Automóvil', disabled: false },
      ]),
    ).toEqual({ value: 'auto', text: 'Automóvil', disabled: false });
  });
});
