import type { Criterion } from './criterion.js';
import { fail, gather, pass } from './support.js';

export interface CitizenCentricPortalSettings {
  /** Links to individual services or procedures on one catalogue page. */
  minServiceLinks: number;
  /** Groups of services by topic ("Salud", "Empresas"), or … */
  minTopicGroups: number;
  /** … life events named ("Nacimiento", "Abrir un negocio"). */
  minLifeEvents: number;
}

export const citizenCentricPortal: Criterion<CitizenCentricPortalSettings> = {
  meta: {
    id: 'citizen_centric_portal',
    level: 4,
    title: { es: 'Portal centrado en las personas', en: 'Citizen-centric portal' },
    implements: {
      es: 'Portal organizado acorde a las necesidades de las personas en lugar de las estructuras gubernamentales.',
      en: "A portal organised around people's needs rather than government structures.",
    },
    requiredEvidence: ['serviceCatalog'],
  },
  evaluate(evidence, settings) {
    const got = gather(evidence, ['serviceCatalog']);
    if (!got.ok) return got.result;
    const { serviceCatalog } = got.data;

    const describe = (c: (typeof serviceCatalog.candidates)[number]) =>
      `"${c.title}": ${c.serviceLinks} service links, ${c.topicGroups} topic groups, ${c.lifeEvents.length} life events${c.lifeEvents.length ? ` (${c.lifeEvents.join(', ')})` : ''}${c.matched.length ? `; matched ${c.matched.map((m) => `"${m}"`).join(', ')}` : ''}; ${c.detail}`;
    const ranked = [...serviceCatalog.candidates].sort(
      (a, b) => b.serviceLinks - a.serviceLinks || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    );
    const good = ranked.filter(
      (c) =>
        c.serviceLinks >= settings.minServiceLinks &&
        (c.topicGroups >= settings.minTopicGroups || c.lifeEvents.length >= settings.minLifeEvents),
    );
    if (good.length > 0) {
      const best = good[0]!;
      return pass(
        {
          es: `El catálogo «${best.title}» ofrece ${best.serviceLinks} servicios organizados por temas o situaciones de vida.`,
          en: `The catalogue "${best.title}" offers ${best.serviceLinks} services organised by topic or life event.`,
        },
        good.slice(0, 5).map((c) => ({ url: c.url, detail: describe(c) })),
      );
    }
    return fail(
      {
        es: ranked.length
          ? `Ninguna página de servicios llega a ${settings.minServiceLinks} servicios organizados en ${settings.minTopicGroups} temas o ${settings.minLifeEvents} situaciones de vida (la mayor tiene ${ranked[0]!.serviceLinks} servicios).`
          : 'No se encontró un catálogo de trámites y servicios organizado para las personas.',
        en: ranked.length
          ? `No services page reaches ${settings.minServiceLinks} services organised in ${settings.minTopicGroups} topics or ${settings.minLifeEvents} life events (the largest has ${ranked[0]!.serviceLinks} services).`
          : 'No catalogue of procedures and services organised for people was found.',
      },
      ranked.slice(0, 5).map((c) => ({ url: c.url, detail: describe(c) })),
    );
  },
};
