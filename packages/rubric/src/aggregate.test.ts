import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';
import { siteResult } from './compare/test-helpers/site-result.js';

const references = [
  { id: 'egdi-2020', label: { es: 'Índice EGDI de la ONU (2020)', en: 'UN EGDI (2020)' }, value: 51 },
  { id: 'report-2019', label: { es: 'Organismo Ejecutivo 2019', en: 'Executive branch 2019' }, value: 52.16 },
];

// Two ministries (MINEX with 3 sites, MAGA with 1), one secretariat (SOSEP with 2), one site without institution.
const sites = [
  siteResult({
    url: 'https://minex.gob.gt/',
    name: 'MINEX portal',
    institution: 'MINEX',
    group: 'ministerio',
    level: 3,
    compliance: 70,
  }),
  siteResult({
    url: 'https://visas.minex.gob.gt/',
    name: 'MINEX visas',
    institution: 'MINEX',
    group: 'ministerio',
    level: 4,
    compliance: 80.5,
  }),
  siteResult({
    url: 'https://consulados.minex.gob.gt/',
    name: 'MINEX consulados',
    institution: 'MINEX',
    group: 'ministerio',
    error: 'timeout',
  }),
  siteResult({
    url: 'https://maga.gob.gt/',
    name: 'MAGA',
    institution: 'MAGA',
    group: 'ministerio',
    level: 2,
    compliance: null,
  }),
  siteResult({
    url: 'https://sosep.gob.gt/',
    name: 'SOSEP',
    institution: 'SOSEP',
    group: 'secretaria',
    level: 1,
    compliance: 40,
  }),
  siteResult({
    url: 'https://sosep.gob.gt/becas',
    name: 'SOSEP becas',
    institution: 'SOSEP',
    group: 'secretaria',
    level: 0,
  }),
  siteResult({ url: 'https://conred.gob.gt/', name: 'CONRED', group: 'other', level: 2, compliance: 65 }),
];

describe('aggregate', () => {
  const result = aggregate(sites, { references });

  it('averages per group over evaluated sites only, counting the rest apart', () => {
    expect(result.byGroup).toEqual([
      // ministerio: (60 + 80 + 40) / 3 = 60; compliance (70 + 80.5) / 2 = 75.25 (MAGA has none); 1 not evaluated
      {
        key: 'ministerio',
        label: 'Ministerios',
        evaluated: 3,
        notEvaluated: 1,
        averagePoints: 60,
        averageCompliance: 75.25,
      },
      // secretaria: 20 / 1 = 20; the level-0 site is left out
      {
        key: 'secretaria',
        label: 'Secretarías',
        evaluated: 1,
        notEvaluated: 1,
        averagePoints: 20,
        averageCompliance: 40,
      },
      {
        key: 'other',
        label: 'Otras dependencias',
        evaluated: 1,
        notEvaluated: 0,
        averagePoints: 40,
        averageCompliance: 65,
      },
    ]);
  });

  it('averages overall: (60 + 80 + 40 + 20 + 40) / 5 = 48; compliance (70 + 80.5 + 40 + 65) / 4 = 63.875 → 63.88', () => {
    expect(result.overall).toEqual({
      key: 'overall',
      label: 'Todos los sitios',
      evaluated: 5,
      notEvaluated: 2,
      averagePoints: 48,
      averageCompliance: 63.88,
    });
  });

  it('averages per institution (institution, else the site name), sorted by label', () => {
    expect(
      result.byInstitution.map((row) => [row.key, row.evaluated, row.notEvaluated, row.averagePoints]),
    ).toEqual([
      ['CONRED', 1, 0, 40],
      ['MAGA', 1, 0, 40],
      // (60 + 80) / 2 = 70
      ['MINEX', 2, 1, 70],
      ['SOSEP', 1, 1, 20],
    ]);
    expect(result.charts.institutionEvaluatedVsScore).toEqual([
      { institution: 'CONRED', evaluated: 1, averagePoints: 40 },
      { institution: 'MAGA', evaluated: 1, averagePoints: 40 },
      { institution: 'MINEX', evaluated: 2, averagePoints: 70 },
      { institution: 'SOSEP', evaluated: 1, averagePoints: 20 },
    ]);
  });

  it('counts sites per level, the unevaluated at 0', () => {
    expect(result.sitesPerLevel).toEqual({ '0': 2, '1': 1, '2': 2, '3': 1, '4': 1, '5': 0 });
    expect(result.charts.sitesPerLevel).toEqual([
      { level: 0, count: 2 },
      { level: 1, count: 1 },
      { level: 2, count: 2 },
      { level: 3, count: 1 },
      { level: 4, count: 1 },
      { level: 5, count: 0 },
    ]);
  });

  it('lists the sites not evaluated with code and message', () => {
    expect(result.notEvaluated).toEqual([
      {
        url: 'https://consulados.minex.gob.gt/',
        name: 'MINEX consulados',
        code: 'timeout',
        message: 'timeout while loading the home page',
      },
      {
        url: 'https://sosep.gob.gt/becas',
        name: 'SOSEP becas',
        code: 'below-level-1',
        message: 'the site answered but did not reach level 1 (Emergente)',
      },
    ]);
  });

  it('charts the score per evaluated site, points descending then name', () => {
    expect(result.charts.scorePerSite.map((row) => `${row.points} ${row.name}`)).toEqual([
      '80 MINEX visas',
      '60 MINEX portal',
      '40 CONRED',
      '40 MAGA',
      '20 SOSEP',
    ]);
  });

  it('copies the references of the rubric', () => {
    expect(result.references).toEqual(references);
    expect(result.references[0]).not.toBe(references[0]);
  });

  it('rounds averages to 2 decimals and is null where nothing was evaluated', () => {
    const thirds = aggregate(
      [
        siteResult({ url: 'https://a.gob.gt/', level: 1 }),
        siteResult({ url: 'https://b.gob.gt/', level: 1 }),
        siteResult({ url: 'https://c.gob.gt/', level: 2 }),
        siteResult({ url: 'https://d.gob.gt/', group: 'secretaria', error: 'dns-not-found' }),
      ],
      { references: [] },
    );
    // (20 + 20 + 40) / 3 = 26.666… → 26.67
    expect(thirds.overall.averagePoints).toBe(26.67);
    expect(thirds.byGroup.find((row) => row.key === 'secretaria')).toMatchObject({
      evaluated: 0,
      averagePoints: null,
      averageCompliance: null,
    });
    expect(thirds.byGroup.map((row) => row.key)).toEqual(['secretaria', 'other']);
    expect(aggregate([], { references: [] }).overall.averagePoints).toBeNull();
  });
});
