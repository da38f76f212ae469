import { describe, expect, it } from 'vitest';
import { accessibilityDiff } from './accessibility-diff.js';
import { siteResult } from './test-helpers/site-result.js';

describe('accessibilityDiff', () => {
  it('splits violations by (rule, page) into new, fixed and persisting', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      violations: {
        'image-alt': ['https://a.gob.gt/', 'https://a.gob.gt/tramites'],
        label: ['https://a.gob.gt/contacto'],
      },
    });
    const after = siteResult({
      url: 'https://a.gob.gt/',
      violations: {
        'image-alt': ['https://a.gob.gt/'],
        'color-contrast': ['https://a.gob.gt/tramites', 'https://a.gob.gt/'],
      },
    });
    expect(accessibilityDiff(before, after)).toEqual({
      new: [
        { ruleId: 'color-contrast', page: 'https://a.gob.gt/' },
        { ruleId: 'color-contrast', page: 'https://a.gob.gt/tramites' },
      ],
      fixed: [
        { ruleId: 'image-alt', page: 'https://a.gob.gt/tramites' },
        { ruleId: 'label', page: 'https://a.gob.gt/contacto' },
      ],
      persisting: [{ ruleId: 'image-alt', page: 'https://a.gob.gt/' }],
    });
  });

  it('does not call a violation fixed and new again when the site only moved to https', () => {
    const before = siteResult({
      url: 'http://a.gob.gt/',
      violations: { label: ['http://a.gob.gt/contacto'] },
    });
    const after = siteResult({
      url: 'https://a.gob.gt/',
      violations: { label: ['https://a.gob.gt/contacto/'] },
    });
    expect(accessibilityDiff(before, after)).toEqual({
      new: [],
      fixed: [],
      persisting: [{ ruleId: 'label', page: 'https://a.gob.gt/contacto/' }],
    });
  });

  it('compares nothing when axe ran on no page in one of the runs', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      violations: { label: ['https://a.gob.gt/contacto'] },
    });
    const after = siteResult({ url: 'https://a.gob.gt/' });
    expect(accessibilityDiff(before, after).fixed).toHaveLength(1);
    after.accessibility.pagesScanned = 0;
    expect(accessibilityDiff(before, after)).toEqual({ new: [], fixed: [], persisting: [] });
    expect(accessibilityDiff(after, before)).toEqual({ new: [], fixed: [], persisting: [] });
  });

  it('calls a violation fixed only on a page axe ran on again', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      violations: { label: ['https://a.gob.gt/contacto'], 'image-alt': ['https://a.gob.gt/tramites'] },
    });
    const after = siteResult({ url: 'https://a.gob.gt/' });
    // This run reached the contact page but not the procedures page (a smaller crawl, a timeout).
    after.accessibility.pages = ['https://a.gob.gt/', 'https://a.gob.gt/contacto'];
    expect(accessibilityDiff(before, after).fixed).toEqual([
      { ruleId: 'label', page: 'https://a.gob.gt/contacto' },
    ]);
    // Results from before `pages` existed: every page counts as scanned again, as before.
    delete after.accessibility.pages;
    expect(accessibilityDiff(before, after).fixed).toHaveLength(2);
  });
});

describe('accessibilityDiff by element', () => {
  const home = 'https://a.gob.gt/';
  const withElements = (targets: Record<string, { nodes: number; targets: string[] }>) => {
    const site = siteResult({
      url: home,
      violations: Object.fromEntries(Object.keys(targets).map((rule) => [rule, [home]])),
    });
    for (const violation of site.accessibility.violations) {
      violation.occurrences = [{ page: home, ...targets[violation.ruleId]! }];
    }
    return site;
  };

  it('names the one new element failing a rule that already failed on the page', () => {
    const before = withElements({ label: { nodes: 1, targets: ['#q'] } });
    const after = withElements({ label: { nodes: 2, targets: ['#q', '#email'] } });
    expect(accessibilityDiff(before, after)).toEqual({
      new: [{ ruleId: 'label', page: home, target: '#email' }],
      fixed: [],
      persisting: [{ ruleId: 'label', page: home, target: '#q' }],
    });
    expect(accessibilityDiff(after, before).fixed).toEqual([
      { ruleId: 'label', page: home, target: '#email' },
    ]);
  });

  it('counts more failing elements when the earlier list of elements was cut, without guessing which are new', () => {
    const before = withElements({ label: { nodes: 7, targets: ['#a', '#b', '#c', '#d', '#e'] } });
    const after = withElements({ label: { nodes: 8, targets: ['#a', '#b', '#c', '#d', '#z'] } });
    expect(accessibilityDiff(before, after).new).toEqual([{ ruleId: 'label', page: home, moreNodes: 1 }]);
    // Nor is an element missing from a cut list fixed.
    expect(accessibilityDiff(after, before).fixed).toEqual([]);
  });

  it('does not call findings on a page the earlier run did not scan new', () => {
    const before = siteResult({ url: home });
    before.accessibility.pages = [home];
    const after = siteResult({ url: home, violations: { label: [`${home}nueva`] } });
    after.accessibility.pages = [home, `${home}nueva`];
    expect(accessibilityDiff(before, after).new).toEqual([]);
  });
});
