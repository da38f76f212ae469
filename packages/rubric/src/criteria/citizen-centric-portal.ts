import type { CatalogEntryKind, ServiceCatalogEvidence } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema, share } from './settings-schema.js';
import { fail, inconclusive, pass } from './support.js';

export interface CitizenCentricPortalSettings {
  /**
   * Entries of one page that name people's needs — life events, audiences, tasks, and groups of services by topic
   * — needed to call its organisation citizen-centric.
   */
  minNeedEntries: number;
  /** Links of that page that lead to services (a page describing a procedure, or a link naming one). */
  minServiceLinks: number;
  /** Share (0–1) of the page's entries that are needs rather than units of the org chart ("Dirección de…"). */
  minNeedShare: number;
  /** Links under a heading for the heading to count as a group. */
  minItemsPerGroup: number;
}

type Candidate = ServiceCatalogEvidence['candidates'][number];

/** Kinds of entry that organise services around people: what happens to them, who they are, what they want. */
const NEEDS: ReadonlySet<CatalogEntryKind> = new Set(['life-event', 'audience', 'task', 'topic']);

export interface Organisation {
  /** Distinct entries (group headings and links) that name needs, with their kind. */
  needs: { text: string; kind: CatalogEntryKind }[];
  /** Distinct entries that name units of the org chart. */
  units: string[];
  /** Distinct links that lead to services. */
  services: string[];
  /** needs / (needs + units); 0 when there are neither. */
  needShare: number;
}

/** How a page is organised, from its groups and items (see ServiceCatalogEvidence). */
export function organisationOf(candidate: Candidate, settings: CitizenCentricPortalSettings): Organisation {
  const needs = new Map<string, CatalogEntryKind>();
  const units = new Set<string>();
  const services = new Set<string>();
  for (const group of candidate.groups) {
    const counted = group.items.length >= settings.minItemsPerGroup;
    if (counted && NEEDS.has(group.kind)) needs.set(group.text.toLowerCase(), group.kind);
    if (counted && group.kind === 'org-unit') units.add(group.text.toLowerCase());
    for (const item of group.items) {
      // Topics are a way to group services, not something a single link is.
      if (NEEDS.has(item.kind) && item.kind !== 'topic') needs.set(item.text.toLowerCase(), item.kind);
      if (item.kind === 'org-unit') units.add(item.text.toLowerCase());
      else if (
        item.leadsToService === true ||
        (item.leadsToService === null && (item.kind === 'service' || item.kind === 'task'))
      )
        services.add(item.href);
    }
  }
  const total = needs.size + units.size;
  return {
    needs: [...needs.entries()].map(([text, kind]) => ({ text, kind })),
    units: [...units],
    services: [...services],
    needShare: total === 0 ? 0 : needs.size / total,
  };
}

function kinds(organisation: Organisation): string {
  const count = new Map<string, number>();
  for (const need of organisation.needs) count.set(need.kind, (count.get(need.kind) ?? 0) + 1);
  return [...count.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none';
}

/** The groups and items a reviewer needs to see, in the page's order. */
function describe(candidate: Candidate, organisation: Organisation): string {
  const groups = candidate.groups
    .slice(0, 8)
    .map(
      (g) =>
        `"${g.text}" [${g.kind}${g.matched ? `: ${g.matched}` : ''}] → ${g.items
          .slice(0, 5)
          .map((i) => `"${i.text}" [${i.kind}${i.leadsToService ? ', service page' : ''}]`)
          .join(', ')}${g.items.length > 5 ? ` … (${g.items.length} links)` : ''}`,
    )
    .join('; ');
  return `needs: ${organisation.needs.length} (${kinds(organisation)}); org-chart units: ${organisation.units.length}; links to services: ${organisation.services.length}; share of needs ${Math.round(organisation.needShare * 100)} %; groups: ${groups || 'none'}`;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<CitizenCentricPortalSettings> = {
  schema: settingsSchema({
    minNeedEntries: atLeastOne,
    minServiceLinks: atLeastOne,
    minNeedShare: share,
    minItemsPerGroup: atLeastOne,
  }),
  defaults: {
    minNeedEntries: 3,
    minServiceLinks: 5,
    minNeedShare: 0.6,
    minItemsPerGroup: 2,
  },
};

export const citizenCentricPortal = defineCriterion({
  meta: {
    id: 'citizen_centric_portal',
    level: 4,
    title: {
      es: 'Se organiza según las necesidades de las personas',
      en: "Is organised around people's needs",
    },
    implements: {
      es: 'Portal organizado acorde a las necesidades de las personas en lugar de las estructuras gubernamentales.',
      en: "A portal organised around people's needs rather than government structures.",
    },
    requiredEvidence: ['serviceCatalog'],
  },
  settings: SETTINGS,
  judge({ serviceCatalog }, settings) {
    const judged = serviceCatalog.candidates.map((candidate) => ({
      candidate,
      organisation: organisationOf(candidate, settings),
    }));
    const good = judged.filter(
      ({ organisation: o }) =>
        o.needs.length >= settings.minNeedEntries &&
        o.services.length >= settings.minServiceLinks &&
        o.needShare >= settings.minNeedShare,
    );
    const pointer = ({ candidate, organisation }: (typeof judged)[number]) => ({
      url: candidate.url,
      detail: `${candidate.title ? `"${candidate.title}": ` : ''}${candidate.unread ? `layout not read (${candidate.unread}); ` : ''}${describe(candidate, organisation)}`,
    });
    if (good.length > 0) {
      const best = good[0]!;
      const o = best.organisation;
      return pass(
        {
          es: `«${best.candidate.title}» organiza sus servicios según lo que la gente necesita: ${o.needs.length} entradas por necesidades (hechos de vida, públicos, tareas o temas) que llevan a ${o.services.length} servicios.`,
          en: `"${best.candidate.title}" organises its services around what people need: ${o.needs.length} entries by need (life events, audiences, tasks or topics) leading to ${o.services.length} services.`,
        },
        good.slice(0, 5).map(pointer),
      );
    }
    const shown = judged.slice(0, 5).map(pointer);
    // A page whose layout could not be read proves nothing: without a page that was read and fails, no verdict.
    if (judged.some(({ candidate }) => candidate.unread))
      return inconclusive(
        {
          es: 'No se pudo leer la organización de todas las páginas de servicios; sin eso no hay veredicto.',
          en: 'The organisation of every services page could not be read; without it there is no verdict.',
        },
        shown,
      );
    const orgChart = judged.find(
      ({ organisation: o }) => o.units.length > 0 && o.needShare < settings.minNeedShare,
    );
    if (orgChart)
      return fail(
        {
          es: `Los servicios se presentan según el organigrama: en «${orgChart.candidate.title}» ${orgChart.organisation.units.length} de ${orgChart.organisation.units.length + orgChart.organisation.needs.length} entradas son unidades de la institución (direcciones, departamentos), no necesidades de las personas.`,
          en: `Services are presented by the org chart: on "${orgChart.candidate.title}" ${orgChart.organisation.units.length} of ${orgChart.organisation.units.length + orgChart.organisation.needs.length} entries are units of the institution (directorates, departments), not people's needs.`,
        },
        shown,
      );
    return fail(
      {
        es: judged.length
          ? `Ninguna página organiza los servicios por necesidades de las personas: se piden ${settings.minNeedEntries} entradas por hechos de vida, públicos, tareas o temas que lleven a ${settings.minServiceLinks} servicios.`
          : 'No se encontró una página que presente los trámites y servicios.',
        en: judged.length
          ? `No page organises services around people's needs: ${settings.minNeedEntries} entries by life event, audience, task or topic leading to ${settings.minServiceLinks} services are required.`
          : 'No page presenting procedures and services was found.',
      },
      shown,
    );
  },
});
