import type { Page } from 'playwright-core';
import type { BarrierFinding, ShortLink } from '@egov-monitor/rubric';
import { findBarriers, findReflowOverflow } from '../snapshot/find-barriers.js';
import { evaluateSource } from '../snapshot/in-page.js';
import { atViewport } from '../snapshot/viewport.js';

/** WCAG 2.2 SC 1.4.10: 320 CSS px wide, the width of a 1280 px window zoomed to 400 %. */
export const REFLOW_VIEWPORT = { width: 320, height: 640 };

const LIMITS = { elements: 5_000, htmlChars: 160, shortLinkWords: 4, shortLinks: 400 };

/**
 * The scanner's own accessibility checks on the page as it is (issue #12): the markup barriers axe does not report,
 * the links with short names for the rubric's link-text check, and horizontal scrolling at 320 px. Throws when the
 * page cannot be read; the crawl records the page without findings.
 */
export async function scanOwnChecks(
  page: Page,
): Promise<{ findings: BarrierFinding[]; shortLinks: ShortLink[] }> {
  const { findings, shortLinks } = await evaluateSource(page, findBarriers, LIMITS);
  const overflow = await atViewport(page, REFLOW_VIEWPORT, () =>
    evaluateSource(page, findReflowOverflow, {
      width: REFLOW_VIEWPORT.width,
      elements: LIMITS.elements,
      htmlChars: LIMITS.htmlChars,
    }),
  );
  if (overflow) findings.push({ check: 'reflow', ...overflow });
  return { findings, shortLinks };
}
