import type { InstitutionalTopic } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema, subsetOf } from './settings-schema.js';
import { INSTITUTIONAL_TOPICS } from '../evidence/maturity.js';
import { fail, pass, plural } from './support.js';

export interface StaticInfoSettings {
  /** Topics that describe the institution's structure or its services (history or contact alone do not). */
  topics: InstitutionalTopic[];
  /** Pages with at least one of those topics. */
  minPages: number;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<StaticInfoSettings> = {
  schema: settingsSchema({ topics: subsetOf(INSTITUTIONAL_TOPICS), minPages: atLeastOne }),
  defaults: {
    topics: ['mission', 'vision', 'authorities', 'org_chart', 'functions', 'legal_basis', 'services'],
    minPages: 1,
  },
};

export const staticInfo = defineCriterion({
  meta: {
    id: 'static_info',
    level: 1,
    title: {
      es: 'Publica información sobre su estructura y servicios',
      en: 'Publishes information about its structure and services',
    },
    implements: {
      es: 'Información estática acerca de la estructura y servicios del gobierno.',
      en: "Static information about the government's structure and services.",
    },
    requiredEvidence: ['crawl', 'institutional'],
  },
  settings: SETTINGS,
  judge({ crawl, institutional }, settings, evidence) {
    const home = {
      url: crawl.homeUrl || evidence.finalUrl,
      detail: `home page answered HTTP ${crawl.homeStatus}`,
    };
    if (crawl.homeStatus !== 200) {
      return fail(
        {
          es: `La página de inicio no respondió 200 (respondió ${crawl.homeStatus}).`,
          en: `The home page did not answer 200 (it answered ${crawl.homeStatus}).`,
        },
        [home],
      );
    }

    const wanted = new Set(settings.topics);
    const pages = institutional.pages
      .map((page) => ({ ...page, hits: page.topics.filter((topic) => wanted.has(topic)) }))
      .filter((page) => page.hits.length > 0)
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const pointers = pages.map((page) => ({
      url: page.url,
      detail: `topics: ${page.hits.join(', ')}; matched: ${page.matched.map((m) => `"${m}"`).join(', ') || '—'}`,
    }));

    if (pages.length >= settings.minPages) {
      return pass(
        {
          es: `El sitio responde y publica información institucional en ${plural(pages.length, 'página', 'páginas')} (${[...new Set(pages.flatMap((p) => p.hits))].sort().join(', ')}).`,
          en: `The site answers and publishes institutional information on ${plural(pages.length, 'page', 'pages')} (${[...new Set(pages.flatMap((p) => p.hits))].sort().join(', ')}).`,
        },
        [home, ...pointers],
      );
    }
    return fail(
      {
        es: `El sitio responde, pero se encontraron ${pages.length} de ${settings.minPages} páginas con información sobre su estructura o servicios (${settings.topics.join(', ')}).`,
        en: `The site answers, but ${pages.length} of ${settings.minPages} pages about its structure or services (${settings.topics.join(', ')}) were found.`,
      },
      [home, ...pointers],
    );
  },
});
