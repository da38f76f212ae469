import { describe, expect, it } from 'vitest';
import type { UsabilityEvidence } from '../evidence/standards.js';
import type { Check } from './check.js';
import { runCheck } from './check.js';
import { htmlLang } from './html-lang.js';
import { notFoundStatus } from './not-found-status.js';
import { pageWeight } from './page-weight.js';
import { readableText } from './readable-text.js';
import { tapTargets } from './tap-targets.js';
import {
  HOME,
  SETTINGS,
  settingsWith,
  siteEvidence,
  usabilityEvidence,
  usabilityPage,
} from './test-helpers/evidence.js';
import { titleDescription } from './title-description.js';
import { hasMobileViewport, viewport } from './viewport.js';

const run = (check: Check, patch: Partial<UsabilityEvidence> = {}, settings = SETTINGS) =>
  runCheck(check, siteEvidence({ usability: usabilityEvidence(patch) }), settings);
const pages = (...patches: Parameters<typeof usabilityPage>[0][]) =>
  patches.map((patch, i) => usabilityPage({ url: `${HOME}p${i}`, ...patch }));

const pageChecks = [viewport, htmlLang, titleDescription, readableText, tapTargets, pageWeight];

describe('usability checks', () => {
  it('all pass on a good site', () => {
    for (const check of [...pageChecks, notFoundStatus])
      expect(run(check).outcome, check.meta.id).toBe('pass');
  });

  it('error when no page was measured or the evidence failed', () => {
    for (const check of pageChecks) {
      expect(run(check, { pages: [] }).outcome, check.meta.id).toBe('error');
      expect(runCheck(check, siteEvidence({ usability: 'error' }), SETTINGS).outcome).toBe('error');
    }
    expect(runCheck(notFoundStatus, siteEvidence({ usability: 'absent' }), SETTINGS).outcome).toBe('error');
  });

  it('viewport: needs a width or initial scale on every page', () => {
    expect(hasMobileViewport('width=device-width')).toBe(true);
    expect(hasMobileViewport('initial-scale=1')).toBe(true);
    expect(hasMobileViewport('user-scalable=no')).toBe(false);
    expect(hasMobileViewport(null)).toBe(false);
    const result = run(viewport, { pages: pages({}, { viewport: null }, { viewport: 'user-scalable=yes' }) });
    expect(result).toMatchObject({ outcome: 'fail', value: 2 });
    expect(result.evidence.map((pointer) => pointer.detail)).toEqual([
      'no meta viewport',
      'meta viewport "user-scalable=yes" sets no width',
    ]);
  });

  it('html-lang: present and matching the language of the text', () => {
    expect(
      run(htmlLang, { pages: pages({ lang: 'es', contentLang: 'es' }, { lang: 'ES-gt', contentLang: 'es' }) })
        .outcome,
    ).toBe('pass');
    expect(run(htmlLang, { pages: pages({ lang: 'en', contentLang: null }) }).outcome).toBe('pass');
    const wrong = run(htmlLang, { pages: pages({ lang: 'en', contentLang: 'es' }, { lang: '  ' }) });
    expect(wrong).toMatchObject({ outcome: 'fail', value: 2 });
    expect(wrong.evidence.map((pointer) => pointer.detail)).toEqual([
      'lang="en" but the text reads as "es"',
      'no lang attribute on <html>',
    ]);
  });

  it('title-description: both on every page', () => {
    const result = run(titleDescription, {
      pages: pages({ title: '' }, { description: null }, { title: ' ', description: '' }),
    });
    expect(result.evidence.map((pointer) => pointer.detail)).toEqual([
      'missing title',
      'missing meta description',
      'missing title and meta description',
    ]);
    expect(result).toMatchObject({ outcome: 'fail', value: 3 });
  });

  it('readable-text: the worst page decides, the threshold is inclusive', () => {
    expect(
      run(readableText, { pages: pages({ smallTextRatio: 0.4 }, { smallTextRatio: 0.1 }) }),
    ).toMatchObject({ outcome: 'pass', value: 0.4 });
    expect(run(readableText, { pages: pages({ smallTextRatio: 0.401 }) })).toMatchObject({
      outcome: 'fail',
      value: 0.401,
    });
    expect(
      run(readableText, { pages: pages({ smallTextRatio: 0.5 }) }, settingsWith({ maxSmallTextRatio: 0.5 }))
        .outcome,
    ).toBe('pass');
  });

  it('tap-targets: WCAG 2.2 SC 2.5.8, none too small by default', () => {
    expect(run(tapTargets, { pages: pages({ smallTapTargets: 0 }, { smallTapTargets: 1 }) })).toMatchObject({
      outcome: 'fail',
      value: 1,
    });
    expect(
      run(tapTargets, { pages: pages({ smallTapTargets: 3 }) }, settingsWith({ maxSmallTapTargets: 3 }))
        .outcome,
    ).toBe('pass');
  });

  it('page-weight: the heaviest page against the byte budget', () => {
    expect(run(pageWeight, { pages: pages({ pageBytes: 2_000_000 }) })).toMatchObject({
      outcome: 'pass',
      value: 2_000_000,
    });
    expect(run(pageWeight, { pages: pages({ pageBytes: 10 }, { pageBytes: 2_000_001 }) })).toMatchObject({
      outcome: 'fail',
      value: 2_000_001,
    });
  });

  it('not-found-status: 404 or 410 pass, a soft 404 fails', () => {
    const probe = (status: number, soft404: boolean) => ({
      notFoundProbe: { url: `${HOME}zz`, status, soft404 },
    });
    expect(run(notFoundStatus, probe(404, false))).toMatchObject({ outcome: 'pass', value: 404 });
    expect(run(notFoundStatus, probe(410, false)).outcome).toBe('pass');
    expect(run(notFoundStatus, probe(404, true)).outcome).toBe('pass');
    const soft = run(notFoundStatus, probe(200, true));
    expect(soft).toMatchObject({ outcome: 'fail', value: 200 });
    expect(soft.evidence[0]!.detail).toMatch(/soft 404/);
    expect(run(notFoundStatus, probe(500, false)).outcome).toBe('fail');
  });
});
