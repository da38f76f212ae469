import { describe, expect, it } from 'vitest';
import type { RecommendationKind } from '../evidence/standards.js';
import { runCheck } from './check.js';
import { feedbackChannel } from './feedback-channel.js';
import { nationalPortalLink } from './national-portal-link.js';
import { openData } from './open-data.js';
import { openFormats } from './open-formats.js';
import { privacyPolicy } from './privacy-policy.js';
import { procedureRequirements } from './procedure-requirements.js';
import { procedureTracking } from './procedure-tracking.js';
import { publicInformation } from './public-information.js';
import { HOME, SETTINGS, recommendationsEvidence, siteEvidence } from './test-helpers/evidence.js';

const byKind: [RecommendationKind, typeof privacyPolicy][] = [
  ['privacy_policy', privacyPolicy],
  ['national_portal_link', nationalPortalLink],
  ['procedure_requirements', procedureRequirements],
  ['procedure_tracking', procedureTracking],
  ['open_data', openData],
  ['public_information', publicInformation],
  ['feedback_channel', feedbackChannel],
];

describe('recommendation checks', () => {
  it.each(byKind)('%s: passes with its finding as evidence, fails without it', (kind, check) => {
    const all = recommendationsEvidence();
    const passed = runCheck(check, siteEvidence({ recommendations: all }), SETTINGS);
    expect(passed).toMatchObject({ outcome: 'pass', value: 1, area: 'recommendations' });
    expect(passed.evidence).toEqual(
      all.findings.filter((f) => f.kind === kind).map(({ url, detail }) => ({ url, detail })),
    );
    const without = recommendationsEvidence({ findings: all.findings.filter((f) => f.kind !== kind) });
    const failed = runCheck(check, siteEvidence({ recommendations: without }), SETTINGS);
    expect(failed).toMatchObject({ outcome: 'fail', value: 0 });
    expect(failed.hint).toEqual(check.meta.hint);
    expect(runCheck(check, siteEvidence({ recommendations: 'error' }), SETTINGS).outcome).toBe('error');
  });

  it('every recommendation check names what it implements', () => {
    expect(privacyPolicy.meta.implements.es).toMatch(/política de privacidad/);
    expect(publicInformation.meta.implements.es).toMatch(/Decreto 57-2008/);
    expect(openFormats.meta.implements.es).toMatch(/Principio 6/);
  });
});

describe('open-formats', () => {
  const run = (documentFormats: Record<string, number>) =>
    runCheck(
      openFormats,
      siteEvidence({ recommendations: recommendationsEvidence({ documentFormats }) }),
      SETTINGS,
    );

  it('passes when documents come in an open format too', () => {
    const result = run({ pdf: 3, docx: 5 });
    expect(result).toMatchObject({ outcome: 'pass', value: 3 });
    expect(result.evidence[0]).toEqual({ url: HOME, detail: 'documents linked by format: docx: 5, pdf: 3' });
    expect(run({ '.ODT': 1 }).outcome).toBe('pass');
  });

  it('fails when every document is proprietary', () => {
    expect(run({ doc: 4, xls: 2 })).toMatchObject({ outcome: 'fail', value: 0 });
  });

  it('is not applicable when the site links no document', () => {
    expect(run({}).outcome).toBe('not-applicable');
    expect(run({ pdf: 0 }).outcome).toBe('not-applicable');
  });
});
