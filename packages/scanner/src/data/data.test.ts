import { describe, expect, it } from 'vitest';
import institutionalJson from './institutional-topics.json' with { type: 'json' };
import stopwordsJson from './stopwords.json' with { type: 'json' };
import vendorsJson from './vendors.json' with { type: 'json' };
import vocabularyJson from './vocabulary.json' with { type: 'json' };
import liveStepsJson from './live-steps.json' with { type: 'json' };
import lookupFieldsJson from './lookup-fields.json' with { type: 'json' };
import {
  institutionalTopics,
  lookupFieldKinds,
  patterns,
  phrases,
  stopwords,
  unsafeSubmit,
  validateData,
  validateLiveData,
  vendors,
} from './index.js';

const shipped = {
  vocabulary: vocabularyJson,
  vendors: vendorsJson,
  institutional: institutionalJson,
  stopwords: stopwordsJson,
};

describe('scanner data files', () => {
  it('are valid: ids unique, no empty lists, every pattern compiles, phrases normalised', () => {
    expect(validateData(shipped)).toEqual([]);
  });

  it('the validator names the bad key (it can fail)', () => {
    const broken = structuredClone(shipped) as unknown as {
      vocabulary: { phrases: Record<string, { es: string[] }> };
      vendors: { chat: { id: string; src: string[] }[] };
      institutional: { topics: unknown[] };
      stopwords: { es: string[] };
    };
    broken.vocabulary.phrases.comingSoon!.es = [];
    broken.vendors.chat[1]!.id = broken.vendors.chat[0]!.id;
    broken.vendors.chat[2]!.src = ['(unclosed'];
    broken.institutional.topics.pop();
    broken.stopwords.es = [];
    const problems = validateData(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'phrases.comingSoon.es: must be a non-empty list of phrases',
        expect.stringMatching(/^vendors\.chat\[1\]\.id: duplicate id/),
        expect.stringMatching(/^vendors\.chat\[2\]\.src: pattern "\(unclosed" does not compile/),
        expect.stringMatching(/^institutional\.topics: topic "contact_info" is missing/),
        'stopwords.es: must be a non-empty list',
      ]),
    );
  });

  it('vendor ids are unique within each group and every vendor has a marker', () => {
    for (const [group, list] of Object.entries(vendors)) {
      const ids = list.map((v) => v.id);
      expect(new Set(ids).size, group).toBe(ids.length);
      for (const vendor of list) {
        expect(
          vendor.src.length + vendor.inline.length + vendor.selectors.length + vendor.links.length,
          vendor.id,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('covers the vendors and words Guatemalan sites use', () => {
    expect(vendors.payment.map((v) => v.id)).toEqual(
      expect.arrayContaining(['cybersource', 'visanet', 'bac-credomatic', 'pagalo', 'neonet']),
    );
    expect(vendors.chat.map((v) => v.id)).toEqual(
      expect.arrayContaining(['tawk', 'chatwoot', 'dialogflow', 'botframework', 'fb-customerchat']),
    );
    expect(phrases('paymentLink').test('Pago en línea de multas')).toBe(true);
    expect(phrases('accountLogin').test('Agencia Virtual')).toBe(true);
    expect(
      phrases('lifeEvents').find('Trámites por evento de vida: Nacimiento, Matrimonio, Abrir un negocio'),
    ).toEqual(['nacimiento', 'matrimonio', 'abrir un negocio']);
    expect(
      institutionalTopics.find((t) => t.id === 'org_chart')?.phrases.test('Organigrama institucional'),
    ).toBe(true);
    expect(stopwords.has('para')).toBe(true);
    expect(patterns('cardField').some((p) => p.test('numero_tarjeta'))).toBe(true);
  });

  it('matches whole words only, ignoring accents and case', () => {
    expect(phrases('notFound').test('PÁGINA NO ENCONTRADA')).toBe(true);
    expect(phrases('participation').test('Consultar estado de expediente')).toBe(false);
    expect(phrases('participation').test('Consulta pública del reglamento')).toBe(true);
  });

  it('the live work bounds and lookup fields are valid, and the validator names the bad key', () => {
    expect(validateLiveData()).toEqual([]);
    const steps = structuredClone(liveStepsJson) as unknown as {
      search: { pages: number; reaction: { idleMs: number } };
    };
    steps.search.pages = 0;
    steps.search.reaction.idleMs = 999_999;
    const lookup = structuredClone(lookupFieldsJson) as unknown as { kinds: { id: string; es: string[] }[] };
    lookup.kinds[1]!.id = lookup.kinds[0]!.id;
    lookup.kinds[2]!.es = ['Número'];
    expect(validateLiveData({ liveSteps: steps, lookupFields: lookup })).toEqual(
      expect.arrayContaining([
        'liveSteps.search.pages: must be a positive integer',
        'liveSteps.search.reaction: idleMs must be below boundMs',
        expect.stringMatching(/^lookupFields\.kinds\[1\]\.id: duplicate id/),
        'lookupFields.kinds[2].es: "Número" is not normalised (lower case, no accents)',
      ]),
    );
  });

  it('knows the search services, the identifiers a lookup asks for, and the buttons that act', () => {
    expect(vendors.search.map((v) => v.id)).toEqual(
      expect.arrayContaining(['google-cse', 'algolia', 'swiftype', 'addsearch', 'funnelback', 'cludo']),
    );
    const kindOf = (label: string) => lookupFieldKinds.find((k) => k.phrases.test(label))?.id;
    expect(kindOf('Número de placa')).toBe('plate');
    expect(kindOf('No. de expediente')).toBe('case');
    expect(kindOf('CUI / DPI')).toBe('dpi');
    expect(unsafeSubmit.test('Pagar Q320.00')).toBe(true);
    expect(unsafeSubmit.test('Enviar solicitud')).toBe(true);
    expect(unsafeSubmit.test('Consultar')).toBe(false);
  });
});
