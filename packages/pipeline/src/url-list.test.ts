import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  parseGroup,
  parseUrlList,
  siteKey,
  siteSlug,
  UrlListError,
  urlListFromArguments,
} from './url-list.js';

const dataFile = (name: string) => new URL(`../../../data/${name}`, import.meta.url);

describe('parseUrlList (YAML)', () => {
  it('reads entries with metadata, bare URLs and a sites: mapping, ignoring extra keys', () => {
    const { targets, problems } = parseUrlList(
      [
        'sites:',
        '  - url: https://www.maga.gob.gt/',
        '    name: Ministerio de Agricultura',
        '    acronym: MAGA',
        '    group: Ministry',
        '    dependencies2019: 27',
        '  - https://www.sgp.gob.gt',
        '  - url: www.segeplan.gob.gt',
        '    group: Secretaría',
      ].join('\n'),
      'yaml',
    );
    expect(problems).toEqual([]);
    expect(targets).toEqual([
      {
        url: 'https://www.maga.gob.gt/',
        name: 'Ministerio de Agricultura',
        acronym: 'MAGA',
        group: 'ministerio',
      },
      { url: 'https://www.sgp.gob.gt/' },
      { url: 'https://www.segeplan.gob.gt/', group: 'secretaria' },
    ]);
  });

  it('turns bad entries into per-site problems with their line, and keeps the good ones', () => {
    const { targets, problems } = parseUrlList(
      [
        '- https://a.gob.gt/',
        '- ftp://files.gob.gt/',
        '- "not a url"',
        '- http://A.gob.gt/index.html#top',
        '- url: https://b.gob.gt/',
        '  group: ayuntamiento',
        '- name: Sin URL',
        '- https://c.gob.gt/',
      ].join('\n'),
      'yaml',
    );
    expect(targets.map((t) => t.url)).toEqual(['https://a.gob.gt/', 'https://c.gob.gt/']);
    expect(problems.map((p) => [p.line, p.position, p.code])).toEqual([
      [2, 1, 'unsupported-scheme'],
      [3, 2, 'invalid-url'],
      [4, 3, 'duplicate-url'],
      [5, 4, 'invalid-group'],
      [7, 5, 'missing-url'],
    ]);
    expect(problems[2]?.message).toContain('line 1');
    expect(problems[3]?.target).toMatchObject({ url: 'https://b.gob.gt/' });
    expect(problems[4]?.target).toMatchObject({ name: 'Sin URL' });
  });

  it('throws UrlListError with a line for a file that is not YAML or not a list', () => {
    expect(() => parseUrlList('- a\n  b: [', 'yaml')).toThrow(UrlListError);
    expect(() => parseUrlList('- a\n  b: [', 'yaml')).toThrow(/line \d+/);
    expect(() => parseUrlList('just: a mapping', 'yaml')).toThrow(/sequence/);
  });

  it('resolves anchors and aliases like any YAML reader: a whole entry, a field, merged defaults', () => {
    const { targets, problems } = parseUrlList(
      [
        'defaults: &ministerio',
        '  group: Ministerio',
        '  institution: Organismo Ejecutivo',
        'finanzas: &minfin',
        '  url: https://www.minfin.gob.gt/',
        '  name: Ministerio de Finanzas',
        'sites:',
        '  - *minfin',
        '  - url: &sat https://portal.sat.gob.gt/',
        '    <<: *ministerio',
        '  - *sat',
        '  - url: https://www.maga.gob.gt/',
        '    <<: *ministerio',
      ].join('\n'),
      'yaml',
    );
    expect(targets).toEqual([
      { url: 'https://www.minfin.gob.gt/', name: 'Ministerio de Finanzas' },
      { url: 'https://portal.sat.gob.gt/', institution: 'Organismo Ejecutivo', group: 'ministerio' },
      { url: 'https://www.maga.gob.gt/', institution: 'Organismo Ejecutivo', group: 'ministerio' },
    ]);
    // The bare alias of the SAT URL is a real second entry for the same site, so it is a duplicate, on its line.
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate-url', line: 11, position: 2 })]);
  });

  it('refuses a "billion laughs" list instead of expanding it', () => {
    const lines = ['a: &a ["https://x.gob.gt/", "https://x.gob.gt/"]'];
    for (let level = 1; level <= 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    lines.push('sites: *j');
    expect(() => parseUrlList(lines.join('\n'), 'yaml')).toThrow(/alias/i);
  });

  it('reads an empty file as an empty list', () => {
    expect(parseUrlList('', 'yaml')).toEqual({ targets: [], problems: [] });
  });

  it("reads the institution's other domains (a list or a string) and refuses one that is not a domain name", () => {
    const { targets, problems } = parseUrlList(
      [
        '- url: https://www.senabec.gob.gt/',
        '  domains: [becas.gt, Portal.Senabec.gob.gt]',
        '- url: https://www.sat.gob.gt/',
        '  domains: "agenciavirtual.sat.gob.gt, sat.gt"',
        '- url: https://www.mspas.gob.gt/',
        '  domains: "http://mspas.gob.gt/"',
      ].join('\n'),
      'yaml',
    );
    expect(targets).toEqual([
      { url: 'https://www.senabec.gob.gt/', domains: ['becas.gt', 'portal.senabec.gob.gt'] },
      { url: 'https://www.sat.gob.gt/', domains: ['agenciavirtual.sat.gob.gt', 'sat.gt'] },
    ]);
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [5, 'invalid-domain', 'domains: "http://mspas.gob.gt/" is not a domain name (e.g. sat.gob.gt)'],
    ]);
  });
});

describe('parseUrlList (CSV)', () => {
  it('reads a header row in any case, ignores extra columns and comment lines', () => {
    const { targets, problems } = parseUrlList(
      [
        '# lista de prueba',
        'URL,Name,Acrónimo,group,notes,domains',
        'https://www.mineco.gob.gt/,Ministerio de Economía,MINECO,ministerio,x,ventanillaagil.gt; mineco.gt',
        'https://www.mineco.gob.gt/#contacto,Duplicado,,,',
        'gopher://x.gob.gt/,Malo,,other,',
      ].join('\n'),
      'csv',
    );
    expect(targets).toEqual([
      {
        url: 'https://www.mineco.gob.gt/',
        name: 'Ministerio de Economía',
        group: 'ministerio',
        domains: ['mineco.gt', 'ventanillaagil.gt'],
      },
    ]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'duplicate-url'],
      [5, 'unsupported-scheme'],
    ]);
  });

  it('throws UrlListError when there is no url column or the CSV is malformed', () => {
    expect(() => parseUrlList('name,group\nMAGA,ministerio\n', 'csv')).toThrow(/no "url" column/);
    expect(() => parseUrlList('url,name\n"https://a.gob.gt/,unterminated\n', 'csv')).toThrow(UrlListError);
  });
});

describe('helpers', () => {
  it('accepts Spanish and English spellings of the groups', () => {
    expect(parseGroup('SECRETARÍA')).toBe('secretaria');
    expect(parseGroup('ministries')).toBe('ministerio');
    expect(parseGroup('otro')).toBe('other');
    expect(parseGroup('municipalidad')).toBeUndefined();
  });

  it('folds scheme, www, trailing slash and index.html into one site key', () => {
    expect(siteKey('http://www.a.gob.gt/index.html')).toBe(siteKey('https://a.gob.gt'));
    expect(siteKey('https://a.gob.gt/tramites/')).not.toBe(siteKey('https://a.gob.gt/'));
  });

  it('gives stable, distinct, file-safe slugs', () => {
    const a = siteSlug('https://www.minfin.gob.gt/');
    expect(a).toMatch(/^www-minfin-gob-gt-[0-9a-f]{8}$/);
    expect(siteSlug('https://www.minfin.gob.gt/')).toBe(a);
    expect(siteSlug('https://www.minfin.gob.gt/', 'dup')).not.toBe(a);
    expect(siteSlug('::bad::')).toMatch(/^bad-[0-9a-f]{8}$/);
  });

  it('treats command-line URLs like list entries', () => {
    const { targets, problems } = urlListFromArguments(['https://a.gob.gt', 'mailto:x@a.gob.gt']);
    expect(targets).toEqual([{ url: 'https://a.gob.gt/' }]);
    expect(problems.map((p) => p.code)).toEqual(['unsupported-scheme']);
  });
});

describe('the Guatemala list (data/)', () => {
  for (const [file, format] of [
    ['guatemala-organismo-ejecutivo.yaml', 'yaml'],
    ['guatemala-organismo-ejecutivo.csv', 'csv'],
  ] as const) {
    it(`${file}: 30 institutions, 14 ministerios + 16 secretarías, unique acronyms, no problems`, async () => {
      const { targets, problems } = parseUrlList(await readFile(dataFile(file), 'utf8'), format);
      expect(problems).toEqual([]);
      expect(targets).toHaveLength(30);
      expect(targets.filter((t) => t.group === 'ministerio')).toHaveLength(14);
      expect(targets.filter((t) => t.group === 'secretaria')).toHaveLength(16);
      const acronyms = targets.map((t) => t.acronym);
      expect(acronyms.every((a) => typeof a === 'string' && a.length > 1)).toBe(true);
      expect(new Set(acronyms).size).toBe(30);
      expect(targets.every((t) => t.name && t.institution)).toBe(true);
    });
  }

  it('YAML and CSV carry the same entries', async () => {
    const yaml = parseUrlList(await readFile(dataFile('guatemala-organismo-ejecutivo.yaml'), 'utf8'), 'yaml');
    const csv = parseUrlList(await readFile(dataFile('guatemala-organismo-ejecutivo.csv'), 'utf8'), 'csv');
    expect(csv.targets).toEqual(yaml.targets);
  });
});
