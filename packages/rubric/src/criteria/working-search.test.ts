import { describe, expect, it } from 'vitest';
import type { SearchEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, searchEvidence, withGathered } from '../test-support/evidence-builders.js';
import { workingSearch } from './working-search.js';

const settings = defaultRubric.criteria.working_search;
const withSearch = (patch: Partial<SearchEvidence>) =>
  withGathered(evidenceMeeting([]), { search: ok({ ...searchEvidence(SITE, true), ...patch }) });

describe('working_search', () => {
  it('passes on results, naming the query, the result URL and the count', () => {
    const result = workingSearch.evaluate(withSearch({}), settings);
    expect(result.outcome).toBe('pass');
    expect(result.reason.en).toBe(`The search for "licencia" returned 12 results at ${SITE}?s=licencia.`);
    expect(result.evidence).toContainEqual({ url: `${SITE}?s=licencia`, detail: 'results page for "licencia": 12 results' });
  });

  it('minResults is met exactly and missed by one', () => {
    expect(workingSearch.evaluate(withSearch({ resultCount: 1 }), settings).outcome).toBe('pass');
    expect(workingSearch.evaluate(withSearch({ resultCount: 0 }), settings).outcome).toBe('fail');
  });

  it('no search box → fail with that reason', () => {
    const result = workingSearch.evaluate(
      withSearch({ found: false, outcome: 'no-search-box', selector: undefined, query: undefined, resultUrl: undefined, detail: 'no input[type=search] or search form on 12 pages' }),
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
    ['timeout', 'did not answer in time'],
  ] as const)('outcome %s → fail saying so', (outcome, words) => {
    const result = workingSearch.evaluate(withSearch({ outcome, resultCount: undefined }), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain(words);
    expect(result.reason.en).toContain('"licencia"');
  });
});
