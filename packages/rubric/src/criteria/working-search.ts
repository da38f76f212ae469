import type { SearchOutcome } from '../evidence/maturity.js';
import type { Criterion } from './criterion.js';
import { fail, gather, pass } from './support.js';

export interface WorkingSearchSettings {
  /** Results the search page must list for the query (when the collector could count them). */
  minResults: number;
}

const WHY: Record<Exclude<SearchOutcome, 'results'>, { es: string; en: string }> = {
  'no-search-box': { es: 'el sitio no tiene un buscador', en: 'the site has no search box' },
  'no-results': { es: 'el buscador no devolvió resultados', en: 'the search returned no results' },
  error: { es: 'el buscador respondió con un error', en: 'the search answered with an error' },
  'same-page': { es: 'el buscador no hizo nada (la página no cambió)', en: 'the search did nothing (the page did not change)' },
  'not-found': { es: 'la página de resultados no existe (404)', en: 'the results page does not exist (404)' },
  timeout: { es: 'el buscador no respondió a tiempo', en: 'the search did not answer in time' },
};

export const workingSearch: Criterion<WorkingSearchSettings> = {
  meta: {
    id: 'working_search',
    level: 3,
    title: { es: 'Búsqueda que funciona', en: 'Working site search' },
    implements: { es: 'Ofrece y funciona búsqueda en el sitio web.', en: 'A site search that exists and works.' },
    requiredEvidence: ['search'],
  },
  evaluate(evidence, settings) {
    const got = gather(evidence, ['search']);
    if (!got.ok) return got.result;
    const { search } = got.data;

    const query = search.query === undefined ? '' : ` "${search.query}"`;
    const where = search.pageUrl ?? evidence.finalUrl;
    const pointers = [
      {
        url: where,
        detail: `search box ${search.selector ?? '(none)'}; query${query || ' (none)'}; outcome ${search.outcome}${search.resultCount === undefined ? '' : `, ${search.resultCount} results`}; ${search.detail}`,
      },
    ];
    if (search.resultUrl) {
      pointers.push({ url: search.resultUrl, detail: `results page for${query}: ${search.resultCount ?? 'uncounted'} results` });
    }

    if (search.outcome === 'results') {
      if (search.resultCount !== undefined && search.resultCount < settings.minResults) {
        return fail(
          {
            es: `La búsqueda de${query} mostró ${search.resultCount} resultados; se piden ${settings.minResults}.`,
            en: `The search for${query} showed ${search.resultCount} results; ${settings.minResults} required.`,
          },
          pointers,
        );
      }
      return pass(
        {
          es: `La búsqueda de${query} devolvió ${search.resultCount ?? 'varios'} resultados en ${search.resultUrl ?? where}.`,
          en: `The search for${query} returned ${search.resultCount ?? 'some'} results at ${search.resultUrl ?? where}.`,
        },
        pointers,
      );
    }
    const why = WHY[search.outcome];
    return fail(
      {
        es: `No hay búsqueda que funcione: ${why.es}${query ? ` (consulta${query})` : ''}.`,
        en: `No working search: ${why.en}${query ? ` (query${query})` : ''}.`,
      },
      search.outcome === 'no-search-box' ? [{ url: where, detail: search.detail }] : pointers,
    );
  },
};
