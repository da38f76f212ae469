/**
 * A run of any number of sites built from the sample sites, produced one at a time (never held whole): for the
 * tests that write tens of thousands of sites or kill a write half-way.
 */
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';
import { sampleResults } from './sample-results.js';

export function largeRun(
  count: number,
  tag = '',
): { head: Omit<ScanResults, 'sites'>; sites: () => Generator<SiteResult> } {
  const { sites: samples, ...head } = sampleResults();
  function* sites(): Generator<SiteResult> {
    for (let i = 0; i < count; i += 1) {
      const sample = samples[i % samples.length]!;
      const url = `https://sitio-${i}.gob.gt/`;
      yield { ...sample, url, finalUrl: url, name: `${sample.name} ${i}${tag ? ` (${tag})` : ''}` };
    }
  }
  return { head, sites };
}
