import { describe, expect, it } from 'vitest';
import type { OutboundLinksEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { linksToAgencies } from './links-to-agencies.js';
import { registrableDomain, suffixMatcher } from './registrable-domain.js';

const settings = defaultRubric.criteria.links_to_agencies;

function withHosts(hosts: string[], finalUrl = SITE, domains?: string[]) {
  const outbound: OutboundLinksEvidence = {
    hosts: hosts.map((host) => ({
      host,
      href: `https://${host}/`,
      text: host,
      fromUrl: `${finalUrl}enlaces`,
    })),
  };
  const evidence = { ...withGathered(evidenceMeeting([]), { outboundLinks: ok(outbound) }), finalUrl };
  return domains ? { ...evidence, target: { ...evidence.target, domains } } : evidence;
}

describe('links_to_agencies', () => {
  it('passes with exactly 3 distinct state institutions and fails with 2', () => {
    expect(
      linksToAgencies.evaluate(withHosts(['www.sat.gob.gt', 'www.mspas.gob.gt', 'www.tse.org.gt']), settings)
        .outcome,
    ).toBe('pass');
    const result = linksToAgencies.evaluate(withHosts(['www.sat.gob.gt', 'www.tse.org.gt']), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('2 distinct state institutions');
  });

  it('counts two hosts of one agency once (registrable domain)', () => {
    const result = linksToAgencies.evaluate(
      withHosts(['portal.sat.gob.gt', 'farm3.sat.gob.gt', 'www.renap.gob.gt']),
      settings,
    );
    expect(result.outcome).toBe('fail');
    expect(result.evidence).toHaveLength(2);
  });

  it("does not count the site's own domain, social networks or private sites", () => {
    const result = linksToAgencies.evaluate(
      withHosts([
        'sub.minejemplo.gob.gt',
        'www.facebook.com',
        'twitter.com',
        'www.prensalibre.com',
        'www.sat.gob.gt',
        'www.renap.gob.gt',
      ]),
      settings,
    );
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('(renap.gob.gt, sat.gob.gt)');
  });

  it('counts foreign governments and known agencies outside .gob.gt; international bodies only when asked', () => {
    const hosts = ['www.gob.mx', 'www.usa.gov', 'www.igssgt.org'];
    expect(linksToAgencies.evaluate(withHosts(hosts), settings).outcome).toBe('pass');
    const intl = ['www.who.int', 'www.oas.org', 'www.sat.gob.gt', 'www.renap.gob.gt'];
    expect(linksToAgencies.evaluate(withHosts(intl), settings).outcome).toBe('fail');
    expect(linksToAgencies.evaluate(withHosts(intl), { ...settings, countInternational: true }).outcome).toBe(
      'pass',
    );
  });

  it('names the link, its target and why it counts', () => {
    const result = linksToAgencies.evaluate(
      withHosts(['www.sat.gob.gt', 'www.renap.gob.gt', 'www.tse.org.gt']),
      settings,
    );
    expect(result.evidence).toContainEqual({
      url: `${SITE}enlaces`,
      detail:
        'link "www.tse.org.gt" → https://www.tse.org.gt/ (tse.org.gt: public-sector domain list: tse.org.gt — Tribunal Supremo Electoral (GT))',
    });
    expect(result.evidence).toContainEqual({
      url: `${SITE}enlaces`,
      detail:
        'link "www.sat.gob.gt" → https://www.sat.gob.gt/ (sat.gob.gt: government suffix .gob.* (gob.gt))',
    });
  });

  it('recognises public bodies on non-government domains from the data list: city councils, regions, state bodies', () => {
    const result = linksToAgencies.evaluate(
      withHosts([
        'www.madrid.es',
        'www.coruna.gal',
        'www.inegi.org.mx',
        'www.red.es',
        'www.gencat.cat',
        'www.bcn.cat',
      ]),
      settings,
    );
    expect(result.outcome).toBe('pass');
    expect(result.reason.en).toContain(
      '6 distinct state institutions (bcn.cat, coruna.gal, gencat.cat, inegi.org.mx, madrid.es, red.es)',
    );
    expect(result.evidence.map((e) => e.detail)).toContainEqual(
      'link "www.madrid.es" → https://www.madrid.es/ (madrid.es: public-sector domain list: madrid.es — Ayuntamiento de Madrid (ES))',
    );
    // Private sites on the same country domains are not public bodies.
    expect(
      linksToAgencies.evaluate(
        withHosts(['www.elpais.es', 'www.telmex.com.mx', 'www.banrural.com.gt']),
        settings,
      ).outcome,
    ).toBe('fail');
  });

  it("trap: the site's own institution on another host or a declared domain is never another agency", () => {
    // Another host of the site's registrable domain.
    const sameDomain = linksToAgencies.evaluate(
      withHosts(['tramites.minejemplo.gob.gt', 'www.sat.gob.gt', 'www.renap.gob.gt'], SITE),
      settings,
    );
    expect(sameDomain.outcome).toBe('fail');
    expect(sameDomain.reason.en).toContain(
      "Links to the institution's own domains (tramites.minejemplo.gob.gt) do not count.",
    );
    // A domain the URL list declares as the institution's (its service portal on another domain).
    const declared = linksToAgencies.evaluate(
      withHosts(['portal.senabec.gob.gt', 'www.sat.gob.gt', 'www.renap.gob.gt'], 'https://www.becas.gt/', [
        'senabec.gob.gt',
      ]),
      settings,
    );
    expect(declared.outcome).toBe('fail');
    expect(declared.reason.en).toContain('(renap.gob.gt, sat.gob.gt)');
    expect(declared.reason.en).toContain('(portal.senabec.gob.gt) do not count');
  });
});

describe('government suffixes', () => {
  const match = suffixMatcher(settings.governmentSuffixes);
  it.each([
    'mspas.gob.gt',
    'x.mil.gt',
    'www.gob.mx',
    'gov.br',
    'www.gov.uk',
    'www.usa.gov',
    'www.presidencia.gub.uy',
    'canada.gc.ca',
    'www.go.cr',
    'service-public.gouv.fr',
    'www.mapa.gob.es',
    'www.argentina.gob.ar',
    'www.gob.pe',
    'www.mintic.gov.co',
    'www.gob.cl',
    'www.presidencia.gob.sv',
    'www.sar.gob.hn',
    'www.presidencia.gob.pa',
    'www.mitur.gob.do',
    'www.mef.gov.py',
    'www.nhs.uk',
    'www.gov.scot',
  ])('%s is a government host', (host) => expect(match(host)).toBeDefined());
  it.each(['abc.go.com', 'gobierno.com', 'www.gov.com', 'govt.example.org', 'www.prensalibre.com'])(
    '%s is not',
    (host) => expect(match(host)).toBeUndefined(),
  );
  it('registrable domains follow the public suffix list', () => {
    expect(registrableDomain('portal.sat.gob.gt')).toBe('sat.gob.gt');
    expect(registrableDomain('WWW.IGSSGT.ORG')).toBe('igssgt.org');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
  });
});
