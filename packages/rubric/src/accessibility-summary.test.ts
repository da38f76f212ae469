import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeAccessibility } from './accessibility-summary.js';
import type { AxeViolation } from './evidence/maturity.js';
import { accessibilityEvidence, siteEvidence } from './checks/test-helpers/evidence.js';

const HOME = 'https://sosep.gob.gt/';

function v(ruleId: string, patch: Partial<AxeViolation> = {}): AxeViolation {
  return {
    ruleId,
    impact: 'moderate',
    tags: ['wcag2a'],
    help: `${ruleId} help`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${ruleId}`,
    nodes: 1,
    selectors: [],
    ...patch,
  };
}

describe('summarizeAccessibility', () => {
  it('merges each rule across pages: nodes summed, pages sorted, worst impact, WCAG tags, 5 selectors at most', () => {
    const evidence = siteEvidence({
      accessibility: accessibilityEvidence({
        pages: [
          {
            url: `${HOME}tramites`,
            violations: [
              v('color-contrast', {
                impact: 'serious',
                tags: ['cat.color', 'wcag2aa', 'wcag143'],
                nodes: 4,
                selectors: ['.a', '.b', '.c'],
              }),
              v('region', {
                impact: 'moderate',
                tags: ['cat.keyboard', 'best-practice'],
                nodes: 7,
                selectors: ['header'],
              }),
            ],
          },
          {
            url: HOME,
            violations: [
              v('color-contrast', {
                impact: 'moderate',
                tags: ['wcag2aa', 'wcag143', 'TTv5'],
                nodes: 3,
                selectors: ['.x', '.a', '.y', '.z'],
              }),
              v('image-alt', {
                impact: 'critical',
                tags: ['wcag2a', 'wcag111', 'section508'],
                nodes: 2,
                selectors: ['img.logo'],
              }),
            ],
          },
          { url: `${HOME}roto`, violations: [v('image-alt', { nodes: 50 })], error: 'Navigation timeout' },
        ],
      }),
    });
    const summary = summarizeAccessibility(evidence);
    expect(summary.pagesScanned).toBe(2);
    expect(summary.violations).toEqual([
      {
        ruleId: 'image-alt',
        impact: 'critical',
        wcag: ['wcag111', 'wcag2a'],
        bestPractice: false,
        help: 'image-alt help',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
        nodes: 2,
        pages: [HOME],
        selectors: ['img.logo'],
        occurrences: [{ page: HOME, nodes: 2, targets: ['img.logo'] }],
      },
      {
        ruleId: 'color-contrast',
        impact: 'serious',
        wcag: ['wcag143', 'wcag2aa'],
        bestPractice: false,
        help: 'color-contrast help',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
        // 3 on the home page + 4 on /tramites
        nodes: 7,
        pages: [HOME, `${HOME}tramites`],
        // home page first (sorted), duplicates dropped, cut at 5
        selectors: ['.x', '.a', '.y', '.z', '.b'],
        // Per page, every selector the page recorded: what a comparison tells a new element from an old one by.
        occurrences: [
          { page: HOME, nodes: 3, targets: ['.x', '.a', '.y', '.z'] },
          { page: `${HOME}tramites`, nodes: 4, targets: ['.a', '.b', '.c'] },
        ],
      },
      {
        ruleId: 'region',
        impact: 'moderate',
        wcag: [],
        bestPractice: true,
        help: 'region help',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/region',
        nodes: 7,
        pages: [`${HOME}tramites`],
        selectors: ['header'],
        occurrences: [{ page: `${HOME}tramites`, nodes: 7, targets: ['header'] }],
      },
    ]);
  });

  it('orders by impact (worst first, unknown last) then rule id', () => {
    const evidence = siteEvidence({
      accessibility: accessibilityEvidence({
        pages: [
          {
            url: HOME,
            violations: [
              v('b', { impact: null }),
              v('z', { impact: 'minor' }),
              v('a', { impact: null }),
              v('m', { impact: 'critical' }),
            ],
          },
        ],
      }),
    });
    expect(summarizeAccessibility(evidence).violations.map((rule) => rule.ruleId)).toEqual([
      'm',
      'z',
      'a',
      'b',
    ]);
  });

  it('keeps axe\'s "needs review" results apart: merged by rule, never among the violations', () => {
    const evidence = siteEvidence({
      accessibility: accessibilityEvidence({
        pages: [
          {
            url: HOME,
            violations: [v('image-alt')],
            needsReview: [v('color-contrast', { nodes: 2, selectors: ['#a'] })],
          },
          {
            url: `${HOME}b`,
            violations: [],
            needsReview: [v('color-contrast', { nodes: 1, selectors: ['#b'] })],
          },
        ],
      }),
    });
    const summary = summarizeAccessibility(evidence);
    expect(summary.violations.map((rule) => rule.ruleId)).toEqual(['image-alt']);
    expect(summary.needsReview).toEqual([
      expect.objectContaining({
        ruleId: 'color-contrast',
        nodes: 3,
        pages: [HOME, `${HOME}b`],
        selectors: ['#a', '#b'],
      }),
    ]);
    // Evidence from a scanner that did not keep them: absent, not an empty "nothing to review".
    expect(
      summarizeAccessibility(
        siteEvidence({ accessibility: accessibilityEvidence({ pages: [{ url: HOME, violations: [] }] }) }),
      ).needsReview,
    ).toBeUndefined();
  });

  it('is empty when the accessibility evidence is missing or failed', () => {
    expect(summarizeAccessibility(siteEvidence({ accessibility: 'absent' }))).toEqual({
      pagesScanned: 0,
      pages: [],
      violations: [],
    });
    expect(summarizeAccessibility(siteEvidence({ accessibility: 'error' }))).toEqual({
      pagesScanned: 0,
      pages: [],
      violations: [],
    });
  });

  it('invents none and loses none: every (rule, page) and every node survives the merge', () => {
    const violation = fc.record({
      ruleId: fc.constantFrom('image-alt', 'label', 'color-contrast', 'region', 'link-name'),
      impact: fc.constantFrom('minor', 'moderate', 'serious', 'critical', null),
      tags: fc.subarray(['wcag2a', 'wcag2aa', 'wcag111', 'best-practice', 'cat.forms']),
      nodes: fc.integer({ min: 1, max: 30 }),
      selectors: fc.array(fc.constantFrom('#a', '#b', '.c', 'main > p', 'img'), { maxLength: 4 }),
    });
    const page = fc.record({
      url: fc.constantFrom(`${HOME}`, `${HOME}a`, `${HOME}b`, `${HOME}c`),
      violations: fc.uniqueArray(violation, { selector: (item) => item.ruleId, maxLength: 5 }),
      failed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(page, { selector: (item) => item.url, maxLength: 4 }), (pages) => {
        const evidence = siteEvidence({
          accessibility: accessibilityEvidence({
            pages: pages.map((p) => ({
              url: p.url,
              violations: p.violations.map((x) => ({ ...x, help: x.ruleId, helpUrl: '' })),
              ...(p.failed ? { error: 'crashed' } : {}),
            })),
          }),
        });
        const ran = pages.filter((p) => !p.failed);
        const summary = summarizeAccessibility(evidence);
        expect(summary.pagesScanned).toBe(ran.length);
        const inputPairs = ran.flatMap((p) => p.violations.map((x) => `${x.ruleId}@${p.url}`)).sort();
        const outputPairs = summary.violations
          .flatMap((rule) => rule.pages.map((url) => `${rule.ruleId}@${url}`))
          .sort();
        expect(outputPairs).toEqual(inputPairs);
        const inputNodes = ran.flatMap((p) => p.violations).reduce((sum, x) => sum + x.nodes, 0);
        expect(summary.violations.reduce((sum, rule) => sum + rule.nodes, 0)).toBe(inputNodes);
        for (const rule of summary.violations) {
          expect(rule.selectors.length).toBeLessThanOrEqual(5);
          const seen = ran.flatMap((p) => p.violations.filter((x) => x.ruleId === rule.ruleId));
          for (const selector of rule.selectors)
            expect(seen.some((x) => (x.selectors as string[]).includes(selector))).toBe(true);
          expect(rule.bestPractice).toBe(seen.some((x) => x.tags.includes('best-practice')));
        }
      }),
    );
  });
});
