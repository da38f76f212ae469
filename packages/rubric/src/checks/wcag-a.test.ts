import { describe, expect, it } from 'vitest';
import type { AxeViolation } from '../evidence/maturity.js';
import { runCheck } from './check.js';
import type { GatheredPatch } from './test-helpers/evidence.js';
import { HOME, SETTINGS, accessibilityEvidence, siteEvidence } from './test-helpers/evidence.js';
import { wcagA } from './wcag-a.js';

function violation(ruleId: string, tags: string[], patch: Partial<AxeViolation> = {}): AxeViolation {
  return {
    ruleId,
    impact: 'serious',
    tags,
    help: ruleId,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${ruleId}`,
    nodes: 2,
    selectors: ['#main img'],
    ...patch,
  };
}

const run = (accessibility: GatheredPatch['accessibility']) =>
  runCheck(wcagA, siteEvidence({ accessibility }), SETTINGS);

describe('wcag-a', () => {
  it('passes when no page has a level A violation', () => {
    const result = run(accessibilityEvidence());
    expect(result.outcome).toBe('pass');
    expect(result.value).toBe(0);
    expect(result.hint).toBeUndefined();
  });

  it('fails on a wcag2a or wcag21a violation and points at each page and rule', () => {
    const result = run(
      accessibilityEvidence({
        pages: [
          { url: HOME, violations: [violation('image-alt', ['cat.text-alternatives', 'wcag2a', 'wcag111'])] },
          {
            url: `${HOME}tramites`,
            violations: [
              violation('label', ['wcag2a', 'wcag412']),
              violation('image-alt', ['wcag2a', 'wcag111']),
            ],
          },
          { url: `${HOME}mapa`, violations: [violation('autocomplete-valid', ['wcag21aa', 'wcag135'])] },
        ],
      }),
    );
    expect(result.outcome).toBe('fail');
    expect(result.value).toBe(2);
    expect(result.evidence.map((pointer) => `${pointer.url} ${pointer.detail.split(' ')[0]}`)).toEqual([
      `${HOME} image-alt`,
      `${HOME}tramites image-alt`,
      `${HOME}tramites label`,
    ]);
    expect(result.hint?.es).toMatch(/nivel A/);
  });

  it('never fails on best-practice rules, even when they carry a WCAG tag', () => {
    const result = run(
      accessibilityEvidence({
        pages: [
          {
            url: HOME,
            violations: [
              violation('region', ['cat.keyboard', 'best-practice']),
              violation('x', ['wcag2a', 'best-practice']),
            ],
          },
        ],
      }),
    );
    expect(result.outcome).toBe('pass');
  });

  it('judges only the pages where axe ran, and errors when it ran on none', () => {
    const partly = run(
      accessibilityEvidence({
        pages: [
          { url: HOME, violations: [], error: 'Execution context was destroyed' },
          { url: `${HOME}tramites`, violations: [] },
        ],
      }),
    );
    expect(partly.outcome).toBe('pass');
    expect(partly.evidence[0]!.detail).toMatch(/1 page/);
    const none = run(accessibilityEvidence({ pages: [{ url: HOME, violations: [], error: 'timeout' }] }));
    expect(none.outcome).toBe('error');
    expect(none.evidence[0]!.detail).toMatch(/timeout/);
    expect(run(accessibilityEvidence({ pages: [] })).outcome).toBe('error');
  });

  it('is not applicable when axe did not run level A rules', () => {
    expect(run(accessibilityEvidence({ tags: ['best-practice'] })).outcome).toBe('not-applicable');
  });

  it('errors when the accessibility evidence is missing or failed', () => {
    expect(run('absent').outcome).toBe('error');
    const failed = run('error');
    expect(failed.outcome).toBe('error');
    expect(failed.evidence[0]!.detail).toMatch(/collector-crashed/);
  });

  it('caps the evidence list and says how many more there were', () => {
    const pages = Array.from({ length: 25 }, (_, i) => ({
      url: `${HOME}p${String(i).padStart(2, '0')}`,
      violations: [violation('image-alt', ['wcag2a'])],
    }));
    const result = run(accessibilityEvidence({ pages }));
    expect(result.evidence).toHaveLength(21);
    expect(result.evidence[20]!.detail).toBe('… 5 more');
    expect(result.value).toBe(1);
  });
});
