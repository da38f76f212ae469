import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { AxeViolation } from '@egov-monitor/rubric';

/** WCAG 2.x A/AA (through 2.2) plus axe's best practices, as the methodology's accessibility check asks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe rules outside the tags above that we switch on because they are precise (issue #12): experimental rules
 * whose WCAG failure is unambiguous, and `duplicate-id-active` (focusable elements sharing an id: a keyboard or
 * assistive-technology user reaches the wrong one; WCAG 2.2 retired SC 4.1.1, but the barrier stays).
 */
export const AXE_EXTRA_RULES = [
  'css-orientation-lock',
  'label-content-name-mismatch',
  'table-fake-caption',
  'duplicate-id-active',
];

/** What axe found on one page: violations, and the "needs review" results (incomplete) it could not decide. */
export interface AxeFindings {
  violations: AxeViolation[];
  needsReview: AxeViolation[];
}

const MAX_SELECTORS = 5;

let axeSource: { source: string; version: string } | null = null;

/**
 * axe-core's browser bundle, read once per process. The minified file costs ~130 ms less per page to inject than
 * the unminified source; where node_modules is absent (the Action's single-file bundle) axe's Node entry, which
 * esbuild bundled, carries its own source.
 */
export function loadAxe(): { source: string; version: string } {
  if (!axeSource) {
    try {
      const require = createRequire(import.meta.url);
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      axeSource = { source, version: axe.version };
    } catch {
      axeSource = { source: axe.source, version: axe.version };
    }
  }
  return axeSource;
}

interface RawResult {
  id: string;
  impact?: string | null;
  tags: string[];
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

const IMPACTS = new Set(['minor', 'moderate', 'serious', 'critical']);

/** One class of results (violations, or needs-review), sorted by rule id; selectors of the first few nodes (iframe paths joined with " >>> "). */
export function toViolations(results: RawResult[]): AxeViolation[] {
  return results
    .map((result) => ({
      ruleId: result.id,
      impact: (result.impact && IMPACTS.has(result.impact) ? result.impact : null) as AxeViolation['impact'],
      tags: [...result.tags].sort(),
      help: result.help,
      helpUrl: result.helpUrl,
      nodes: result.nodes.length,
      selectors: result.nodes
        .slice(0, MAX_SELECTORS)
        .map((node) =>
          node.target.map((part) => (Array.isArray(part) ? part.join(' ') : String(part))).join(' >>> '),
        ),
    }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

/**
 * Puts our axe-core into the page, over any axe the site ships itself (some do, for their own tests), so every
 * page is judged by the same version. The crawl calls this while the page settles, so the parse overlaps the wait.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(loadAxe().source);
}

/** What the page answers when our axe is not there (never injected, or the site's own axe of another version). */
const AXE_MISSING = 'axe-missing';

/** Runs our axe in the page if it is there: violations and incomplete results as one JSON string, or AXE_MISSING. */
function runInPage(page: Page, version: string): Promise<string> {
  // Only what toViolations reads leaves the page, as one JSON string (see evaluateSource: Playwright's value-by-value
  // serialisation of every node's HTML and check details cost more than the transfer).
  return page.evaluate(
    ({ tags, extra, version, missing }) => {
      const axe = (
        window as unknown as {
          axe?: {
            version?: string;
            run: (
              context: unknown,
              options: unknown,
            ) => Promise<{ violations: RawResult[]; incomplete: RawResult[] }>;
          };
        }
      ).axe;
      if (axe?.version !== version) return missing;
      // resultTypes trims the passes and inapplicable lists to one node each; violations and incomplete stay whole.
      // No named function in here: tsx's esbuild would wrap it in a __name() the page does not have.
      return axe
        .run(document, {
          runOnly: { type: 'tag', values: tags },
          rules: Object.fromEntries(extra.map((id) => [id, { enabled: true }])),
          resultTypes: ['violations', 'incomplete'],
          iframes: false,
          elementRef: false,
        })
        .then((result) => {
          const [violations, incomplete] = [result.violations, result.incomplete].map((results) =>
            results.map((one) => ({
              id: one.id,
              impact: one.impact,
              tags: one.tags,
              help: one.help,
              helpUrl: one.helpUrl,
              nodes: one.nodes.map((node) => ({ target: node.target })),
            })),
          );
          return JSON.stringify({ violations, incomplete });
        });
    },
    { tags: AXE_TAGS, extra: AXE_EXTRA_RULES, version, missing: AXE_MISSING },
  );
}

/**
 * Runs the WCAG A/AA rules with our axe-core, injecting it first when the page does not have it (one protocol
 * call when the crawl injected it while the page settled). Iframes are not entered: for speed, and because
 * embedded third-party widgets are not the agency's markup. Throws when axe cannot run; the crawl records the
 * error and goes on.
 */
export async function runAxe(page: Page, timeoutMs = 30_000): Promise<AxeFindings> {
  const { version } = loadAxe();
  const run = (async () => {
    let json = await runInPage(page, version);
    if (json === AXE_MISSING) {
      await injectAxe(page);
      json = await runInPage(page, version);
      if (json === AXE_MISSING) throw new Error(`axe-core ${version} could not be put into the page`);
    }
    return JSON.parse(json) as { violations: RawResult[]; incomplete: RawResult[] };
  })();
  run.catch(() => undefined); // the race below reports it; this only silences the loser
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const found = await Promise.race([run, timeout]);
    return { violations: toViolations(found.violations), needsReview: toViolations(found.incomplete) };
  } finally {
    clearTimeout(timer);
  }
}
