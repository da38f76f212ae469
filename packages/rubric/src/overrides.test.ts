import { describe, expect, it } from 'vitest';
import { evaluateSite } from './evaluate.js';
import type { Override } from './overrides.js';
import { OverridesError, evidenceFingerprint, parseOverrides } from './overrides.js';
import { defaultRubric } from './rubric-config.js';
import {
  SITE,
  evidenceForLevel,
  evidenceMeeting,
  ok,
  searchEvidence,
  withGathered,
} from './test-support/evidence-builders.js';

function refusal(raw: unknown): string {
  try {
    parseOverrides(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(OverridesError);
    return (error as OverridesError).message;
  }
  throw new Error('parseOverrides accepted an invalid file');
}

const criterion = (evidence = evidenceForLevel(2), overrides: Override[] = [], id = 'working_search') =>
  evaluateSite(evidence, defaultRubric, overrides).maturity.criteria.find((c) => c.id === id)!;

describe('parseOverrides', () => {
  it('reads a reviewer file (list or { overrides: [...] }), unquoted YAML dates included', () => {
    // what the yaml package gives for an entry written with an unquoted `date: 2026-03-20`
    const parsed = [
      {
        site: 'https://www.minejemplo.gob.gt/',
        criterion: 'working_search',
        met: true,
        reason: 'El buscador funciona con JavaScript; el recolector no esperó a los resultados.',
        author: 'Ana López',
        date: new Date('2026-03-20T00:00:00Z'),
        basedOn: { met: false, fingerprint: '0a1b2c3d' },
      },
    ];
    const overrides = parseOverrides(parsed);
    expect(overrides).toEqual([
      {
        site: 'https://www.minejemplo.gob.gt/',
        criterion: 'working_search',
        met: true,
        reason: 'El buscador funciona con JavaScript; el recolector no esperó a los resultados.',
        author: 'Ana López',
        date: '2026-03-20',
        basedOn: { met: false, fingerprint: '0a1b2c3d' },
      },
    ]);
    expect(parseOverrides({ overrides: parsed })).toEqual(overrides);
    expect(parseOverrides(null)).toEqual([]);
  });

  it('refuses bad keys and values, naming the entry and key', () => {
    const good = {
      site: SITE,
      criterion: 'e_payments',
      met: false,
      reason: 'pasarela de prueba',
      author: 'Ana',
    };
    expect(refusal([{ ...good, mett: true }])).toContain('overrides[0].mett: unknown key');
    expect(refusal([good, { ...good, criterion: 'epayments' }])).toContain(
      'overrides[1].criterion: must be one of static_info',
    );
    expect(refusal([{ ...good, met: 'yes' }])).toContain('overrides[0].met: wrong type, must be boolean');
    expect(refusal([{ ...good, author: undefined }])).toContain('overrides[0].author: missing');
    expect(refusal([{ ...good, basedOn: { met: true, fingerprint: 'xyz' } }])).toContain(
      'overrides[0].basedOn.fingerprint',
    );
    expect(refusal({ overides: [] })).toContain('overides: unknown key');
    expect(refusal('nope')).toContain('wrong type, must be array');
  });

  it('refuses two overrides of one criterion on one site', () => {
    const one = { site: SITE, criterion: 'e_payments', met: false, reason: 'r', author: 'Ana' };
    expect(refusal([one, { ...one, site: SITE.replace('https://www.', 'http://') }])).toContain(
      'overrides[1]: duplicate of overrides[0]',
    );
  });
});

describe('evidenceFingerprint', () => {
  it('is 8 hex digits, stable under evidence order, and changes when the evidence does', () => {
    const result = criterion();
    const fingerprint = evidenceFingerprint(result);
    expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(evidenceFingerprint({ ...result, evidence: [...result.evidence].reverse() })).toBe(fingerprint);
    const reworded = { ...result, reason: { es: 'otra', en: 'other' } };
    expect(evidenceFingerprint(reworded)).toBe(fingerprint);
    expect(
      evidenceFingerprint({ ...result, evidence: [...result.evidence, { url: SITE, detail: 'x' }] }),
    ).not.toBe(fingerprint);
  });
});

describe('overrides in evaluateSite', () => {
  const evidence = evidenceForLevel(2); // working_search fails automatically
  const automatic = criterion(evidence);

  it('decides met, keeps the automatic outcome and evidence, and records who and why', () => {
    const override: Override = {
      site: SITE,
      criterion: 'working_search',
      met: true,
      reason: 'funciona con JS',
      author: 'Ana',
    };
    const result = criterion(evidence, [override]);
    expect(result).toMatchObject({
      outcome: 'fail',
      met: true,
      override: { met: true, reason: 'funciona con JS', author: 'Ana', stale: false },
    });
    expect(result.evidence).toEqual(automatic.evidence);
    expect(evidenceFingerprint(result)).toBe(evidenceFingerprint(automatic));
  });

  it('matches the site by list URL or final URL, ignoring scheme, www and trailing slash', () => {
    const override: Override = {
      site: 'http://minejemplo.gob.gt',
      criterion: 'working_search',
      met: true,
      reason: 'r',
      author: 'Ana',
    };
    expect(criterion(evidence, [override]).met).toBe(true);
    expect(criterion(evidence, [{ ...override, site: 'https://otro.gob.gt/' }]).met).toBe(false);
  });

  it('is not stale while the automatic verdict and evidence are the ones the reviewer saw', () => {
    const basedOn = { met: automatic.met, fingerprint: evidenceFingerprint(automatic) };
    const override: Override = {
      site: SITE,
      criterion: 'working_search',
      met: true,
      reason: 'r',
      author: 'Ana',
      basedOn,
    };
    expect(criterion(evidence, [override]).override?.stale).toBe(false);
  });

  it('is stale when the evidence behind the automatic verdict changed', () => {
    const basedOn = { met: automatic.met, fingerprint: evidenceFingerprint(automatic) };
    const override: Override = {
      site: SITE,
      criterion: 'working_search',
      met: true,
      reason: 'r',
      author: 'Ana',
      basedOn,
    };
    const changed = withGathered(evidence, {
      search: ok({ ...searchEvidence(SITE, false), outcome: 'timeout', detail: 'no answer in 15 s' }),
    });
    expect(criterion(changed, [override]).override?.stale).toBe(true);
  });

  it('is stale when the automatic verdict flipped', () => {
    const basedOn = { met: automatic.met, fingerprint: evidenceFingerprint(automatic) };
    const override: Override = {
      site: SITE,
      criterion: 'working_search',
      met: true,
      reason: 'r',
      author: 'Ana',
      basedOn,
    };
    const nowWorks = evidenceMeeting(['static_info', 'many_pages', 'fresh_content', 'working_search']);
    const result = criterion(nowWorks, [override]);
    expect(result.outcome).toBe('pass');
    expect(result.override?.stale).toBe(true);
  });

  it('levels are computed after overrides, in both directions', () => {
    const l3 = evidenceForLevel(3);
    expect(evaluateSite(l3).maturity.level).toBe(3);
    const down: Override = {
      site: SITE,
      criterion: 'downloadable_forms',
      met: false,
      reason: 'el PDF es un instructivo',
      author: 'Ana',
    };
    expect(evaluateSite(l3, defaultRubric, [down]).maturity.level).toBe(2);
    const cascade: Override = {
      site: SITE,
      criterion: 'fresh_content',
      met: false,
      reason: 'las fechas son de eventos',
      author: 'Ana',
    };
    expect(evaluateSite(l3, defaultRubric, [cascade]).maturity.level).toBe(1);
    const up: Override[] = [
      {
        site: SITE,
        criterion: 'interactive_channels',
        met: true,
        reason: 'chat por teléfono',
        author: 'Ana',
      },
      {
        site: SITE,
        criterion: 'e_payments',
        met: true,
        reason: 'pago en portal externo del Banco',
        author: 'Ana',
      },
    ];
    expect(evaluateSite(evidenceForLevel(2), defaultRubric, up).maturity.level).toBe(2);
    expect(evaluateSite(l3, defaultRubric, up).maturity).toMatchObject({ level: 4, points: 80 });
  });
});
