/**
 * results.json produced site by site: a list of 20,000 sites is more text than one JavaScript string may hold
 * ("Invalid string length"), so the document is never built whole. The bytes are exactly those of
 * `JSON.stringify(results, null, 2)` plus a newline, keys in the order the run built them.
 */
import { validateResults, validateSiteResult } from '@egov-monitor/rubric';
import type { ResultsValidation, SiteResult } from '@egov-monitor/rubric';
import type { ReportInput } from '../render/view-model.js';

/** `value` as JSON.stringify indents it, every line after the first shifted right by `indent`. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/**
 * The chunks of results.json: the members of `results` in their order, its `sites` (the summaries, which only
 * mark the place) replaced by the full results of `sites`, one chunk per site. Each site is checked against the
 * results schema as it passes, and the rest of the document with an empty `sites`: together the same verdict as
 * validating the whole file. `validation` is complete once the last chunk is taken.
 */
export function resultsJsonChunks(
  results: ReportInput,
  sites: Iterable<SiteResult> | AsyncIterable<SiteResult>,
): { chunks: AsyncIterable<string>; validation: ResultsValidation } {
  const validation: ResultsValidation = { valid: true, errors: [] };
  const note = (check: ResultsValidation) => {
    if (check.valid) return;
    validation.valid = false;
    validation.errors.push(...check.errors);
  };
  async function* chunks(): AsyncGenerator<string> {
    note(validateResults({ ...results, sites: [] }));
    const members = Object.entries(results).filter(([, value]) => value !== undefined);
    yield '{';
    for (const [position, [key, value]] of members.entries()) {
      yield `${position === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
      if (key !== 'sites') {
        yield indented(value, '  ');
        continue;
      }
      let count = 0;
      for await (const site of sites) {
        note(validateSiteResult(site, count));
        yield `${count === 0 ? '[' : ','}\n    ${indented(site, '    ')}`;
        count += 1;
      }
      if (count !== results.sites.length) {
        throw new Error(`results.json: ${count} site results for ${results.sites.length} sites in the list`);
      }
      yield count === 0 ? '[]' : '\n  ]';
    }
    yield members.length === 0 ? '}\n' : '\n}\n';
  }
  return { chunks: chunks(), validation };
}
