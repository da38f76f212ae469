import { describe, expect, it } from 'vitest';
import type { AxeViolation } from '../evidence/maturity.js';
import { runCheck } from './check.js';
import { HOME, SETTINGS, accessibilityEvidence, siteEvidence } from './test-helpers/evidence.js';
import { wcagAa } from './wcag-aa.js';

function violation(ruleId: string, tags: string[]): AxeViolation {
  return { ruleId, impact: 'serious', tags, help: ruleId, helpUrl: '', nodes: 3, selectors: [] };
}

describe('wcag-aa', () => {
  it('fails on wcag2aa, wcag21aa and wcag22aa violations', () => {
    for (const tag of ['wcag2aa', 'wcag21aa', 'wcag22aa']) {
      const evidence = siteEvidence({
        accessibility: accessibilityEvidence({
          pages: [{ url: HOME, violations: [violation('color-contrast', [tag])] }],
        }),
      });
      const result = runCheck(wcagAa, evidence, SETTINGS);
      expect(result.outcome, tag).toBe('fail');
      expect(result.evidence[0]!.detail).toBe('color-contrast (serious), 3 element(s)');
    }
  });

  it('leaves level A violations to wcag-a', () => {
    const evidence = siteEvidence({
      accessibility: accessibilityEvidence({
        pages: [{ url: HOME, violations: [violation('image-alt', ['wcag2a'])] }],
      }),
    });
    expect(runCheck(wcagAa, evidence, SETTINGS).outcome).toBe('pass');
  });

  it('is not applicable when axe ran only level A rules', () => {
    const evidence = siteEvidence({ accessibility: accessibilityEvidence({ tags: ['wcag2a', 'wcag21a'] }) });
    expect(runCheck(wcagAa, evidence, SETTINGS).outcome).toBe('not-applicable');
  });

  it('treats an empty tag list as axe’s default rule set, which includes AA', () => {
    const evidence = siteEvidence({
      accessibility: accessibilityEvidence({
        tags: [],
        pages: [{ url: HOME, violations: [violation('color-contrast', ['wcag2aa'])] }],
      }),
    });
    expect(runCheck(wcagAa, evidence, SETTINGS).outcome).toBe('fail');
  });
});
