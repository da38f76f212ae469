import type { SearchEvidence, SearchOutcome } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema } from './settings-schema.js';
import { fail, inconclusive, pass } from './support.js';

export interface WorkingSearchSettings {
  /** Results the search must list for the query (when the collector could count them). */
  minResults: number;
}

/** Outcomes that say the search was tried and did not work. */
type Failure = Exclude<SearchOutcome, 'results' | 'timeout' | 'not-operable'>;

const WHY: Record<Failure, { es: string; en: string }> = {
  'no-search-box': { es: 'el sitio no tiene un buscador', en: 'the site has no search box' },
  'no-results': { es: 'el buscador no devolvió resultados', en: 'the search returned no results' },
  error: { es: 'el buscador respondió con un error', en: 'the search answered with an error' },
  'same-page': {
    es: 'el buscador no hizo nada (la página no cambió)',
    en: 'the search did nothing (the page did not change)',
  },
  'not-found': { es: 'la página de resultados no existe (404)', en: 'the results page does not exist (404)' },
};

const WHERE: Record<NonNullable<SearchEvidence['resultsIn']>, string> = {
  page: 'on a results page',
  'in-page': 'in the page itself (injected by script)',
  frame: 'in a results frame',
};

/** What a reviewer needs to check the claim in one click: the box, the query, where results appeared, the first ones. */
function pointers(search: SearchEvidence, home: string): { url: string; detail: string }[] {
  const query = search.query === undefined ? ' (none)' : ` "${search.query}"`;
  const list = [
    {
      url: search.pageUrl ?? home,
      detail: `search box ${search.selector ?? '(none)'}${search.widget ? ` (${search.widget})` : ''}; query${query}${search.submittedWith ? ` typed and sent with ${search.submittedWith === 'enter' ? 'Enter' : 'the button'}` : ''}; outcome ${search.outcome}${search.resultCount === undefined ? '' : `, ${search.resultCount} results`}${search.resultsIn ? ` ${WHERE[search.resultsIn]}` : ''}; ${search.detail}`,
    },
  ];
  if (search.resultUrl) {
    const first = (search.firstResults ?? []).map((r) => `"${r.title}" ${r.url}`).join('; ');
    list.push({
      url: search.resultUrl,
      detail: `results for${query}${search.resultsIn ? ` ${WHERE[search.resultsIn]}` : ''}: ${search.resultCount ?? 'uncounted'} results${first ? `; first: ${first}` : ''}`,
    });
  }
  return list;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<WorkingSearchSettings> = {
  schema: settingsSchema({ minResults: atLeastOne }),
  defaults: {
    minResults: 1,
  },
};

export const workingSearch = defineCriterion({
  meta: {
    id: 'working_search',
    level: 3,
    title: { es: 'Tiene un buscador que funciona', en: 'Has a site search that works' },
    implements: {
      es: 'Ofrece y funciona búsqueda en el sitio web.',
      en: 'A site search that exists and works.',
    },
    requiredEvidence: ['search'],
  },
  settings: SETTINGS,
  judge({ search }, settings, evidence) {
    const query = search.query === undefined ? '' : ` "${search.query}"`;
    const where = search.pageUrl ?? evidence.finalUrl;
    const shown = pointers(search, evidence.finalUrl);

    if (search.outcome === 'results') {
      if (search.resultCount !== undefined && search.resultCount < settings.minResults) {
        return fail(
          {
            es: `La búsqueda de${query} mostró ${search.resultCount} resultados; se piden ${settings.minResults}.`,
            en: `The search for${query} showed ${search.resultCount} results; ${settings.minResults} required.`,
          },
          shown,
        );
      }
      return pass(
        {
          es: `La búsqueda de${query} devolvió ${search.resultCount ?? 'varios'} resultados en ${search.resultUrl ?? where}.`,
          en: `The search for${query} returned ${search.resultCount ?? 'some'} results at ${search.resultUrl ?? where}.`,
        },
        shown,
      );
    }
    // The box exists but the work could not be finished: neither "works" nor "does not work".
    if (search.outcome === 'not-operable' || search.outcome === 'timeout') {
      const why =
        search.outcome === 'timeout'
          ? {
              es: 'la respuesta no terminó dentro del límite de seguridad',
              en: 'the answer did not finish within the safety limit',
            }
          : { es: 'no se pudo usar el buscador', en: 'the search box could not be used' };
      return inconclusive(
        {
          es: `No se pudo comprobar el buscador: ${why.es}${query ? ` (consulta${query})` : ''}. No es un incumplimiento.`,
          en: `The search could not be checked: ${why.en}${query ? ` (query${query})` : ''}. This is not a failure.`,
        },
        shown,
      );
    }
    const why = WHY[search.outcome];
    return fail(
      {
        es: `No hay búsqueda que funcione: ${why.es}${query ? ` (consulta${query})` : ''}.`,
        en: `No working search: ${why.en}${query ? ` (query${query})` : ''}.`,
      },
      search.outcome === 'no-search-box' ? [{ url: where, detail: search.detail }] : shown,
    );
  },
});
