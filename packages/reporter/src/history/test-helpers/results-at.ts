// Runs for the history tests: the reporter's sample results at other dates, a site's level changed.
import type { ScanResults } from '@egov-monitor/rubric';
import { sampleResults } from '../../test-support/sample-results.js';

export function resultsAt(startedAt: string, change?: (results: ScanResults) => void): ScanResults {
  const results = sampleResults();
  results.startedAt = startedAt;
  results.finishedAt = new Date(Date.parse(startedAt) + 40 * 60_000).toISOString();
  for (const site of results.sites) site.scannedAt = startedAt;
  delete results.comparison;
  change?.(results);
  return results;
}
