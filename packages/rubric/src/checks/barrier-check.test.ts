import { describe, expect, it } from 'vitest';
import type { AccessibilityPage } from '../evidence/maturity.js';
import { altEmptyTitle } from './alt-empty-title.js';
import { altFileName } from './alt-file-name.js';
import { runCheck } from './check.js';
import { duplicateIds } from './duplicate-ids.js';
import { fieldsetLegend } from './fieldset-legend.js';
import { groupedChoices } from './grouped-choices.js';
import { CHECKS } from './index.js';
import { linkHash } from './link-hash.js';
import { linkSameText } from './link-same-text.js';
import { linkTextCheck } from './link-text.js';
import { placeholderLabel } from './placeholder-label.js';
import { reflow } from './reflow.js';
import { singleLabel } from './single-label.js';
import { tableHeaders } from './table-headers.js';
import { tableOnlyHeaders } from './table-only-headers.js';
import { HOME, SETTINGS, accessibilityEvidence, siteEvidence } from './test-helpers/evidence.js';

const FINDING_CHECKS = [
  placeholderLabel,
  fieldsetLegend,
  groupedChoices,
  singleLabel,
  linkHash,
  linkSameText,
  altFileName,
  altEmptyTitle,
  tableHeaders,
  tableOnlyHeaders,
  reflow,
];

const run = (check: (typeof CHECKS)[number], pages: AccessibilityPage[]) =>
  runCheck(check, siteEvidence({ accessibility: accessibilityEvidence({ pages }) }), SETTINGS);

describe.each(FINDING_CHECKS.map((check) => [check.meta.id, check] as const))('%s', (id, check) => {
  it('is registered, names its WCAG success criterion and fails on findings it found', () => {
    expect(CHECKS).toContain(check);
    expect(check.meta.implements.en).toMatch(/^WCAG 2\.2 SC \d\.\d+\.\d+ .+; Principle 1 Equality/);
    expect(check.meta.failsOnFindings).toBe(true);
  });

  it("passes when the pages read have no finding of its own (other checks' findings do not count)", () => {
    const other = { check: 'some-other-check', selector: 'p', html: '<p>' };
    const result = run(check, [
      { url: HOME, violations: [], findings: [other], shortLinks: [] },
      { url: `${HOME}tramites`, violations: [], findings: [] },
    ]);
    expect(result.outcome).toBe('pass');
    expect(result.value).toBe(0);
  });

  it('fails naming the page, the selector and the HTML of each element', () => {
    const finding = { check: id, selector: '#main > form > input', html: '<input id="dpi">', detail: 'what' };
    const result = run(check, [
      { url: `${HOME}tramites`, violations: [], findings: [finding, finding] },
      { url: HOME, violations: [], findings: [] },
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.value).toBe(2);
    expect(result.evidence[0]).toEqual({
      url: `${HOME}tramites`,
      detail: 'what: #main > form > input — <input id="dpi">',
    });
    expect(result.hint).toEqual(check.meta.hint);
  });

  it('is not applicable on evidence of a scanner that did not run the own checks, and an error when axe ran on no page', () => {
    expect(run(check, [{ url: HOME, violations: [] }]).outcome).toBe('not-applicable');
    expect(run(check, [{ url: HOME, violations: [], error: 'crashed' }]).outcome).toBe('error');
  });
});

describe('link-text', () => {
  const link = (name: string) => ({ name, selector: `a[title="${name}"]`, html: `<a href="/x">${name}</a>` });

  it('fails on a link named only by a generic phrase, in Spanish or English, whatever its case, accents and punctuation', () => {
    const result = run(linkTextCheck, [
      {
        url: HOME,
        violations: [],
        findings: [],
        shortLinks: [link('Clic AQUI'), link('Ver más »'), link('Read more'), link('Trámites')],
      },
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.evidence.map((pointer) => pointer.detail.split(':')[0])).toEqual([
      '"Clic AQUI"',
      '"Ver más »"',
      '"Read more"',
    ]);
  });

  it('passes a name that says where the link goes, even when it starts with a generic phrase', () => {
    const result = run(linkTextCheck, [
      {
        url: HOME,
        violations: [],
        findings: [],
        shortLinks: [link('Ver más noticias'), link('Aquí encontrará requisitos')],
      },
    ]);
    expect(result.outcome).toBe('pass');
  });
});

describe('duplicate-ids', () => {
  it("fails on axe's duplicate-id-active and on nothing else", () => {
    const violation = (ruleId: string) => ({
      ruleId,
      impact: 'serious' as const,
      tags: ['wcag2a-obsolete'],
      help: ruleId,
      helpUrl: '',
      nodes: 2,
      selectors: ['#buscar'],
    });
    expect(
      run(duplicateIds, [{ url: HOME, violations: [violation('image-alt')], findings: [] }]).outcome,
    ).toBe('pass');
    const result = run(duplicateIds, [
      { url: HOME, violations: [violation('duplicate-id-active')], findings: [] },
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.evidence).toEqual([{ url: HOME, detail: 'duplicate-id-active, 2 element(s): #buscar' }]);
  });
});
