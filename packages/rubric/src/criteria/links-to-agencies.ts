import governmentDomainsData from '../data/government-domains.json' with { type: 'json' };
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, domains, flag, namedDomains, settingsSchema, suffixes } from './settings-schema.js';
import { isWithin, registrableDomain, suffixMatcher } from './registrable-domain.js';
import { fail, hostOf, pass } from './support.js';

export interface NamedDomain {
  domain: string;
  name: string;
  /** ISO 3166-1 alpha-2 code of the body's country. */
  country?: string;
}

export interface LinksToAgenciesSettings {
  /** Distinct registrable domains of other state institutions. */
  minAgencies: number;
  /** Government name suffixes; `*` is one two-letter country label (see data/government-domains.json). */
  governmentSuffixes: string[];
  /** Public bodies whose sites live outside a government suffix (e.g. `tse.org.gt`, `madrid.es`, `inegi.org.mx`). */
  agencyDomains: NamedDomain[];
  /** International organisations: not a "dependencia estatal", so they count only when `countInternational`. */
  internationalSuffixes: string[];
  internationalDomains: NamedDomain[];
  countInternational: boolean;
  /** Never counted, whatever their name: social networks, link shorteners, file hosts. */
  excludedDomains: string[];
}

// The data file documents itself in `$comment`; the settings hold only its lists.
const { $comment: _comment, ...governmentDomains } = governmentDomainsData;

type Kind = 'government' | 'agency' | 'international' | 'excluded' | 'other';

/** The labels of `host` that a suffix pattern matched: `.gob.*` on `www.sat.gob.gt` → `gob.gt`. */
function matchedLabels(host: string, pattern: string): string {
  const labels = pattern.replace(/^\./, '').split('.').length;
  return host.split('.').slice(-labels).join('.');
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<LinksToAgenciesSettings> = {
  schema: settingsSchema({
    minAgencies: atLeastOne,
    countInternational: flag,
    governmentSuffixes: suffixes,
    agencyDomains: namedDomains,
    internationalSuffixes: suffixes,
    internationalDomains: namedDomains,
    excludedDomains: domains,
  }),
  // the domain lists are long, sourced data of their own (data/government-domains.json documents them)
  defaults: { minAgencies: 3, countInternational: false, ...governmentDomains },
};

export const linksToAgencies = defineCriterion({
  meta: {
    id: 'links_to_agencies',
    level: 2,
    title: {
      es: 'Enlaza a sitios de otras instituciones del Estado',
      en: "Links to other state agencies' sites",
    },
    implements: {
      es: 'Portal que contiene links a otras dependencias estatales.',
      en: 'A portal with links to other state agencies.',
    },
    requiredEvidence: ['outboundLinks'],
  },
  settings: SETTINGS,
  /**
   * Public bodies recognised from data (issue #17): a registrable domain (Public Suffix List) under a government
   * suffix, or on the list of public-sector domains that do not follow one — and never the site's own
   * institution: its registrable domain or a domain the URL list declares as the institution's.
   */
  judge({ outboundLinks }, settings, evidence) {
    const own = new Set(
      [evidence.finalUrl, evidence.target.url].map(hostOf).filter(Boolean).map(registrableDomain),
    );
    const declared = (evidence.target.domains ?? [])
      .map((d) => d.toLowerCase().replace(/^\.|\.$/g, ''))
      .filter(Boolean);
    const government = suffixMatcher(settings.governmentSuffixes);
    const internationalSuffix = suffixMatcher(settings.internationalSuffixes);

    const classify = (host: string): { kind: Kind; why: string } => {
      const excluded = settings.excludedDomains.find((d) => isWithin(host, d));
      if (excluded) return { kind: 'excluded', why: `excluded domain ${excluded}` };
      const agency = settings.agencyDomains.find((d) => isWithin(host, d.domain));
      if (agency)
        return {
          kind: 'agency',
          why: `public-sector domain list: ${agency.domain} — ${agency.name}${agency.country ? ` (${agency.country})` : ''}`,
        };
      const suffix = government(host);
      if (suffix)
        return { kind: 'government', why: `government suffix ${suffix} (${matchedLabels(host, suffix)})` };
      const body = settings.internationalDomains.find((d) => isWithin(host, d.domain));
      if (body) return { kind: 'international', why: `international organisation: ${body.name}` };
      const intSuffix = internationalSuffix(host);
      if (intSuffix) return { kind: 'international', why: `international suffix ${intSuffix}` };
      return { kind: 'other', why: 'not a state institution' };
    };

    const counts = (kind: Kind) =>
      kind === 'government' || kind === 'agency' || (kind === 'international' && settings.countInternational);

    const hosts = [...outboundLinks.hosts].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    const agencies = new Map<string, { url: string; detail: string }>();
    const ownLinks = new Set<string>();
    let international = 0;
    let others = 0;
    for (const link of hosts) {
      const host = link.host.toLowerCase();
      const domain = registrableDomain(host);
      // The institution's own portal on another host is not "another agency".
      if (own.has(domain) || declared.some((d) => isWithin(host, d))) {
        ownLinks.add(host);
        continue;
      }
      const { kind, why } = classify(host);
      if (!counts(kind)) {
        if (kind === 'international') international += 1;
        else others += 1;
        continue;
      }
      if (agencies.has(domain)) continue;
      agencies.set(domain, {
        url: link.fromUrl,
        detail: `link "${link.text.trim()}" → ${link.href} (${domain}: ${why})`,
      });
    }

    const pointers = [...agencies.values()];
    const names = [...agencies.keys()].join(', ');
    const ownList = [...ownLinks].sort().join(', ');
    const ownEs = ownLinks.size ? ` Los enlaces a la propia institución (${ownList}) no cuentan.` : '';
    const ownEn = ownLinks.size ? ` Links to the institution's own domains (${ownList}) do not count.` : '';
    const notCountedEs = `${others} otros dominios externos${international ? ` y ${international} organismos internacionales` : ''} sin contar`;
    const notCountedEn = `${others} other external hosts${international ? ` and ${international} international organisations` : ''} not counted`;
    if (agencies.size >= settings.minAgencies) {
      return pass(
        {
          es: `Enlaza a ${agencies.size} instituciones del Estado distintas (${names}); se piden ${settings.minAgencies}.${ownEs}`,
          en: `Links to ${agencies.size} distinct state institutions (${names}); ${settings.minAgencies} required.${ownEn}`,
        },
        pointers,
      );
    }
    return fail(
      {
        es: `Enlaza a ${agencies.size} instituciones del Estado distintas${names ? ` (${names})` : ''}; se piden ${settings.minAgencies}. Redes sociales y sitios privados no cuentan (${notCountedEs}).${ownEs}`,
        en: `Links to ${agencies.size} distinct state institutions${names ? ` (${names})` : ''}; ${settings.minAgencies} required. Social networks and private sites do not count (${notCountedEn}).${ownEn}`,
      },
      pointers,
    );
  },
});
