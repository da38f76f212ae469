import { describe, expect, it } from 'vitest';
import { evaluateSite } from '../evaluate.js';
import { parseRubric, rubricForProfile } from '../rubric-config.js';
import { evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import type { CountryProfile } from './profile.js';
import { BUILTIN_PROFILES, ProfileError, builtinProfile, defaultProfile, parseProfile } from './profile.js';

const guatemala = BUILTIN_PROFILES.guatemala as CountryProfile;
const elSalvador = BUILTIN_PROFILES['el-salvador'] as CountryProfile;

function refusal(raw: unknown): string[] {
  try {
    parseProfile(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).issues;
  }
  throw new Error('parseProfile accepted an invalid profile');
}

describe('built-in profiles', () => {
  it('ship Guatemala (the default) and El Salvador, each valid and named by its file', () => {
    expect(Object.keys(BUILTIN_PROFILES).sort()).toEqual(['el-salvador', 'guatemala']);
    expect(defaultProfile).toBe(guatemala);
    expect([guatemala.locale, guatemala.timezone, guatemala.country]).toEqual([
      'es-GT',
      'America/Guatemala',
      'GT',
    ]);
    expect([elSalvador.locale, elSalvador.timezone, elSalvador.country]).toEqual([
      'es-SV',
      'America/El_Salvador',
      'SV',
    ]);
    expect(builtinProfile('honduras')).toBeUndefined();
    expect(builtinProfile('toString')).toBeUndefined();
  });

  it("keep each country's facts to itself: portals, public bodies, law phrases", () => {
    expect(guatemala.nationalPortals.flatMap((p) => p.hosts)).toContain('www.gob.gt');
    expect(elSalvador.nationalPortals.flatMap((p) => p.hosts)).toContain('www.gob.sv');
    expect(guatemala.government.agencyDomains.map((a) => a.domain)).toContain('tse.org.gt');
    expect(elSalvador.government.agencyDomains.map((a) => a.domain)).not.toContain('tse.org.gt');
    expect(guatemala.publicInformation.textPhrases).toContain('decreto 57-2008');
    expect(elSalvador.publicInformation.textPhrases).not.toContain('decreto 57-2008');
  });
});

describe('parseProfile', () => {
  it('drops $schema and $comment and keeps the rest', () => {
    const profile = parseProfile({ $schema: 'x', $comment: 'y', ...guatemala });
    expect(profile).toEqual(guatemala);
    expect('$comment' in profile).toBe(false);
  });

  it('names each missing or misspelt key', () => {
    const { timezone: _timezone, ...withoutTimezone } = guatemala;
    expect(refusal(withoutTimezone)).toContain('timezone: missing');
    expect(refusal({ ...guatemala, portal: [] })).toContain('portal: unknown key');
  });

  it('refuses a locale or time zone that does not exist, and a host listed twice', () => {
    expect(refusal({ ...guatemala, timezone: 'America/Gotham' })).toEqual([
      'timezone: "America/Gotham" is not an IANA time zone (e.g. America/Guatemala)',
    ]);
    expect(refusal({ ...guatemala, locale: 'es_GT!' })[0]).toMatch(
      /^locale: "es_GT!" is not a BCP 47 locale/,
    );
    const twice = { ...guatemala, nationalPortals: [{ name: 'a', hosts: ['gob.gt', 'gob.gt'] }] };
    expect(refusal(twice)).toEqual(['nationalPortals.hosts[1]: "gob.gt" is listed twice']);
  });

  it('refuses a country code, suffix or domain in the wrong form', () => {
    const issues = refusal({
      ...guatemala,
      country: 'gt',
      government: { suffixes: ['gob.gt'], agencyDomains: [{ domain: 'https://tse.org.gt/', name: 'TSE' }] },
    });
    expect(issues.some((line) => line.startsWith('country:'))).toBe(true);
    expect(issues.some((line) => line.startsWith('government.suffixes[0]:'))).toBe(true);
    expect(issues.some((line) => line.startsWith('government.agencyDomains[0].domain:'))).toBe(true);
  });
});

describe('the rubric of a profile', () => {
  const linking = (hosts: string[]) =>
    withGathered(evidenceMeeting(['static_info']), {
      outboundLinks: ok({
        hosts: hosts.map((host) => ({
          host,
          href: `https://${host}/`,
          text: host,
          fromUrl: 'https://x.gob.sv/',
        })),
      }),
    });
  const agencies = (rubric: ReturnType<typeof rubricForProfile>, hosts: string[]) =>
    evaluateSite(linking(hosts), rubric).maturity.criteria.find((c) => c.id === 'links_to_agencies')!.outcome;

  it("counts the profile's own public bodies outside a government suffix, and only that profile's", () => {
    const hosts = ['www.mh.gob.sv', 'www.salud.gob.sv', 'www.ues.edu.sv'];
    expect(agencies(rubricForProfile(elSalvador), hosts)).toBe('pass');
    // Under Guatemala's profile the university is an unknown .edu.sv site: two state bodies, three required.
    expect(agencies(rubricForProfile(guatemala), hosts)).toBe('fail');
  });

  it("carries the profile's references, and a user's rubric file merges over the profile's rubric", () => {
    expect(rubricForProfile(elSalvador).references).toEqual([]);
    expect(rubricForProfile(guatemala).references.map((r) => r.id)).toContain('un-egdi-2020');
    const custom = parseRubric({ criteria: { many_pages: { minPages: 5 } } }, elSalvador);
    expect(custom.criteria.many_pages.minPages).toBe(5);
    expect(custom.criteria.links_to_agencies.agencyDomains[0]).toEqual({
      domain: 'ues.edu.sv',
      name: 'Universidad de El Salvador (universidad pública)',
      country: 'SV',
    });
  });
});
