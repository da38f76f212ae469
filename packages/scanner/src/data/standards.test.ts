import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, normalizeText } from '@egov-monitor/rubric';
import { recommendationsData, usabilityData } from './standards.js';

const phraseLists = (value: unknown, path: string): [string, string[]][] => {
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? [[path, value as string[]]] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => phraseLists(inner, `${path}.${key}`));
  return [];
};

describe('standards data files', () => {
  it('has no empty or duplicate phrase in any list (after normalisation)', () => {
    const lists = [
      ...phraseLists(recommendationsData, 'recommendations'),
      ...phraseLists(usabilityData, 'usability'),
    ];
    expect(lists.length).toBeGreaterThan(10);
    // A profile's law phrases join the language's: together they must not repeat either.
    for (const profile of Object.values(BUILTIN_PROFILES)) {
      const law = profile.publicInformation;
      const generic = recommendationsData.publicInformation;
      lists.push([`${profile.id}.linkPhrases`, [...generic.linkPhrases, ...law.linkPhrases]]);
      lists.push([`${profile.id}.textPhrases`, [...generic.textPhrases, ...law.textPhrases]]);
    }
    for (const [path, list] of lists) {
      const normal = list.map(normalizeText);
      expect(
        normal.filter((p) => p.length === 0),
        path,
      ).toEqual([]);
      expect(
        normal.filter((p, i) => normal.indexOf(p) !== i),
        path,
      ).toEqual([]);
    }
  });

  it('compiles every pattern', () => {
    const { excludeHrefPatterns, portalHostPatterns, portalPathPatterns } = recommendationsData.openData;
    for (const pattern of [...excludeHrefPatterns, ...portalHostPatterns, ...portalPathPatterns]) {
      expect(() => new RegExp(pattern, 'i')).not.toThrow();
    }
  });

  it('lists open formats that are document formats, and sane thresholds', () => {
    const { extensions, open } = recommendationsData.documentFormats;
    expect(open.filter((ext) => !extensions.includes(ext))).toEqual([]);
    expect(recommendationsData.maxFindingsPerKind).toBeGreaterThan(0);
    expect(recommendationsData.procedureRequirements.minListItems).toBeGreaterThan(0);
    const { minScoreGap, minCharacters, maxCharacters } = usabilityData.contentLanguage;
    expect(minScoreGap).toBeGreaterThan(0);
    expect(minScoreGap).toBeLessThan(1);
    expect(maxCharacters).toBeGreaterThan(minCharacters);
    expect(usabilityData.notFoundProbe.pathTemplate).toContain('{token}');
  });

  it('maps ISO 639-3 codes to two-letter ISO 639-1 codes, Spanish and English included', () => {
    const map = usabilityData.contentLanguage.iso6393to6391;
    expect(map.spa).toBe('es');
    expect(map.eng).toBe('en');
    for (const [three, two] of Object.entries(map)) {
      expect(three).toMatch(/^[a-z]{3}$/);
      expect(two).toMatch(/^[a-z]{2}$/);
    }
  });

  it("gives each profile's national portals lower-case, exact hosts, and unique key-page groups", () => {
    for (const profile of Object.values(BUILTIN_PROFILES)) {
      const hosts = profile.nationalPortals.flatMap((p) => p.hosts);
      expect(new Set(hosts).size).toBe(hosts.length);
      for (const host of hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
    expect(BUILTIN_PROFILES.guatemala?.nationalPortals.flatMap((p) => p.hosts)).toContain('www.gob.gt');
    const ids = usabilityData.keyPages.groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
