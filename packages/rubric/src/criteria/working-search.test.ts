import { describe, expect, it } from 'vitest';
import type { SearchEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import {
  SITE,
  evidenceMeeting,
  ok,
  searchEvidence,
  withGathered,
} from '../test-support/evidence-builders.js';
import { workingSearch } from './working-search.js';

const settings = defaultRubric.criteria.working_search;
const withSearch = (patch: Partial<SearchEvidence>) =>
  withGathered(evidenceMeeting([]), { search: ok({ ...searchEvidence(SITE, true), ...patch }) });

describe('working_search', () => {
  it('passes on results, naming the query, the result URL and the count', () => {
    const result = workingSearch.evaluate(withSearch({}), settings);
    expect(result.outcome).toBe('pass');
    expect(result.reason.en).toBe(`The search for "licencia" returned 12 results at ${SITE}?s=licencia.`);
    expect(result.evidence).toContainEqual({
      url: `${SITE}?s=licencia`,
      detail: 'results for "licencia": 12 results',
    });
  });

  it('the evidence shows how the query was sent, where the results appeared and the first ones', () => {
    const result = workingSearch.evaluate(
      withSearch({
        resultUrl: SITE,
        resultsIn: 'in-page',
        widget: 'Google Programmable Search (CSE)',
        submittedWith: 'enter',
        resultCount: 2,
        firstResults: [
          { title: 'Renovar la licencia', url: `${SITE}tramites/renovar-licencia` },
          { title: 'Licencia por primera vez', url: `${SITE}tramites/primera-licencia` },
        ],
      }),
      settings,
    );
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]?.detail).toMatch(
      /^search box form\[role="search"\] input\[name="s"\] \(Google Programmable Search \(CSE\)\); query "licencia" typed and sent with Enter; outcome results, 2 results in the page itself \(injected by script\);/,
    );
    expect(result.evidence[1]).toEqual({
      url: SITE,
      detail: `results for "licencia" in the page itself (injected by script): 2 results; first: "Renovar la licencia" ${SITE}tramites/renovar-licencia; "Licencia por primera vez" ${SITE}tramites/primera-licencia`,
    });
  });

  it('minResults is met exactly and missed by one', () => {
    expect(workingSearch.evaluate(withSearch({ resultCount: 1 }), settings).outcome).toBe('pass');
    expect(workingSearch.evaluate(withSearch({ resultCount: 0 }), settings).outcome).toBe('fail');
  });

  it('no search box → fail with that reason', () => {
    const result = workingSearch.evaluate(
      withSearch({
        found: false,
        outcome: 'no-search-box',
        selector: undefined,
        query: undefined,
        resultUrl: undefined,
        detail: 'no input[type=search] or search form on 12 pages',
      }),
      settings,
    );
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toBe('No working search: the site has no search box.');
  });

  it.each([
    ['error', 'answered with an error'],
    ['not-found', 'does not exist (404)'],
    ['same-page', 'did nothing'],
    ['no-results', 'returned no results'],
  ] as const)('outcome %s → fail saying so', (outcome, words) => {
    const result = workingSearch.evaluate(withSearch({ outcome, resultCount: undefined }), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain(words);
    expect(result.reason.en).toContain('"licencia"');
  });

  it.each([
    [
      'not-operable',
      'could not be used',
      'input name="q" is hidden and stays hidden after clicking "Buscar"',
    ],
    [
      'timeout',
      'did not finish within the safety limit',
      'the page was still answering the query after 30 s',
    ],
  ] as const)(
    'trap: a box the crawl found but the scan could not operate (%s) is inconclusive, never "no search"',
    (outcome, words, detail) => {
      const result = workingSearch.evaluate(
        withSearch({ outcome, resultCount: undefined, resultUrl: undefined, detail }),
        settings,
      );
      expect(result.outcome).toBe('inconclusive');
      expect(result.met).toBe(false);
      expect(result.reason.en).toContain(words);
      expect(result.reason.en).not.toContain('no search box');
      expect(result.evidence[0]?.detail).toContain(detail);
    },
  );
});
