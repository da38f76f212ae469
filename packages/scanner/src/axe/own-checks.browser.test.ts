// The accessibility barrier pages of fixtures/sites/_a11y-barriers (issue #12), in real Chromium: each page holds one
// barrier and must raise exactly the findings pinned below, from every layer (axe's violations, the rubric's
// accessibility checks over the scanner's own findings); its clean twin must raise none. axe's "needs review"
// results are reviewers' leads, not findings, and are left out. One browser, one server, every page.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultComplianceConfig, evaluateChecks } from '@egov-monitor/rubric';
import type { AccessibilityPage, SiteEvidence } from '@egov-monitor/rubric';
import { useLiveFixture } from '../collectors/test-support/harness.js';
import { measureMobileLayout } from '../snapshot/take-snapshot.js';
import { scanOwnChecks } from './own-checks.js';
import { AXE_EXTRA_RULES, AXE_TAGS, loadAxe, runAxe } from './run-axe.js';

const DIR = fileURLToPath(new URL('../../../../fixtures/sites/_a11y-barriers/', import.meta.url));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A page of the fixture set inside the layout every government page shares (landmarks, title, language). */
function layout(name: string, body: string): string {
  const title = /<h1>(.*?)<\/h1>/.exec(body)?.[1] ?? name;
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | Ministerio de Servicios Públicos</title></head><body><header><p><a href="/">Ministerio de Servicios Públicos</a></p></header><main>${body}</main><footer><p>Ministerio de Servicios Públicos, Guatemala</p></footer></body></html>`;
}

const pages = readdirSync(DIR).filter((file) => file.endsWith('.html'));
const live = useLiveFixture({
  ...Object.fromEntries(
    pages.map((file) => [
      `/${file.replace(/\.html$/, '')}`,
      { body: layout(file, readFileSync(DIR + file, 'utf8')) },
    ]),
  ),
  '/img/inauguracion.png': { body: PNG, contentType: 'image/png' },
  '/img/mapa.png': { body: PNG, contentType: 'image/png' },
});

/**
 * What each barrier page must raise, exactly: the failing accessibility checks with the number of elements they
 * name, and axe's violations by rule. Where axe already has the precise rule the finding is axe's (duplicate-ids
 * reads duplicate-id-active).
 */
const EXPECTED: Record<string, { checks: Record<string, number>; axe: string[] }> = {
  'placeholder-label': { checks: { 'placeholder-label': 1 }, axe: [] },
  'fieldset-legend': { checks: { 'fieldset-legend': 1 }, axe: [] },
  'grouped-choices': { checks: { 'grouped-choices': 1 }, axe: [] },
  'single-label': { checks: { 'single-label': 1 }, axe: [] },
  'link-text': { checks: { 'link-text': 1 }, axe: [] },
  'link-hash': { checks: { 'link-hash': 1 }, axe: [] },
  'link-same-text': { checks: { 'link-same-text': 1 }, axe: [] },
  'alt-file-name': { checks: { 'alt-file-name': 1 }, axe: [] },
  'alt-empty-title': { checks: { 'alt-empty-title': 1 }, axe: [] },
  'table-headers': { checks: { 'table-headers': 1 }, axe: [] },
  'table-only-headers': { checks: { 'table-only-headers': 1 }, axe: [] },
  reflow: { checks: { reflow: 1 }, axe: [] },
  'duplicate-ids': { checks: { 'duplicate-ids': 1 }, axe: ['duplicate-id-active'] },
};

/** Every layer's findings on one page: axe's violations and the failing accessibility checks. */
async function findingsOf(path: string) {
  const page = await live.context.newPage();
  try {
    const url = `${live.server.origin}${path}`;
    await page.goto(url);
    const axe = await runAxe(page);
    const own = await scanOwnChecks(page);
    const accessibilityPage: AccessibilityPage = { url, ...axe, ...own };
    const evidence: SiteEvidence = {
      target: { url },
      finalUrl: url,
      scannedAt: '2026-12-06T00:00:00Z',
      gathered: {
        accessibility: {
          status: 'ok',
          data: {
            axeVersion: loadAxe().version,
            tags: [...AXE_TAGS],
            extraRules: [...AXE_EXTRA_RULES],
            pages: [accessibilityPage],
          },
        },
      },
    };
    const failing = evaluateChecks(evidence, { compliance: defaultComplianceConfig }).filter(
      (check) => check.area === 'accessibility' && check.outcome === 'fail',
    );
    return {
      checks: Object.fromEntries(failing.map((check) => [check.id, check.value])),
      // wcag-a and wcag-aa restate axe's violations; they are asserted through `axe`.
      ownChecks: Object.fromEntries(
        failing.filter((check) => !check.id.startsWith('wcag-')).map((check) => [check.id, check.value]),
      ),
      evidence: failing.flatMap((check) => check.evidence),
      axe: axe.violations.map((violation) => violation.ruleId),
      layout: await measureMobileLayout(page),
    };
  } finally {
    await page.close();
  }
}

describe('accessibility barrier pages', () => {
  it('has a clean twin for every barrier page and an expectation for each', () => {
    const barriers = pages
      .filter((file) => !file.includes('.clean.') && !file.startsWith('tap-targets'))
      .map((file) => file.replace(/\.html$/, ''));
    expect(barriers.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const barrier of barriers) expect(pages).toContain(`${barrier}.clean.html`);
  });

  it('raises exactly the pinned findings on each barrier page, naming the page, the element and its HTML', async () => {
    for (const [barrier, expected] of Object.entries(EXPECTED)) {
      const found = await findingsOf(`/${barrier}`);
      expect({ barrier, checks: found.ownChecks, axe: found.axe }).toEqual({
        barrier,
        checks: expected.checks,
        axe: expected.axe,
      });
      for (const pointer of found.evidence) {
        expect(pointer.url).toBe(`${live.server.origin}/${barrier}`);
        expect(pointer.detail).toMatch(/ — <|element\(s\): \S/);
      }
    }
  });

  it('raises nothing on any clean twin, from any layer', async () => {
    for (const barrier of Object.keys(EXPECTED)) {
      const found = await findingsOf(`/${barrier}.clean`);
      expect({ barrier, checks: found.checks, axe: found.axe }).toEqual({ barrier, checks: {}, axe: [] });
    }
  });

  it('exempts native radios, checkboxes and fields and links inside a sentence from tap targets (WCAG 2.5.8), not crowded icons', async () => {
    expect((await findingsOf('/tap-targets-exempt')).layout.smallTapTargets).toBe(0);
    expect((await findingsOf('/tap-targets-crowded')).layout.smallTapTargets).toBe(3);
  });
});
