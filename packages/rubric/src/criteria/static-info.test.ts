import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric-config.js';
import { SITE, crawlEvidence, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { staticInfo } from './static-info.js';

const settings = defaultRubric.criteria.static_info;

describe('static_info', () => {
  it('passes with a reachable home and one page about the structure, naming the page and what matched', () => {
    const evidence = withGathered(evidenceMeeting([]), {
      institutional: ok({
        pages: [{ url: `${SITE}organigrama`, topics: ['org_chart'], matched: ['Organigrama'] }],
      }),
    });
    const result = staticInfo.evaluate(evidence, settings);
    expect(result.outcome).toBe('pass');
    expect(result.evidence).toContainEqual({
      url: `${SITE}organigrama`,
      detail: 'topics: org_chart; matched: "Organigrama"',
    });
  });

  it('fails when only history or contact pages exist (not structure or services)', () => {
    const evidence = withGathered(evidenceMeeting([]), {
      institutional: ok({
        pages: [{ url: `${SITE}historia`, topics: ['history', 'contact_info'], matched: ['Historia'] }],
      }),
    });
    expect(staticInfo.evaluate(evidence, settings).outcome).toBe('fail');
  });

  it('fails when the home page does not answer 200, whatever the pages say', () => {
    const evidence = withGathered(evidenceMeeting(['static_info']), {
      crawl: ok(crawlEvidence(SITE, 3, { homeStatus: 503 })),
    });
    const result = staticInfo.evaluate(evidence, settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('503');
  });

  it('minPages is met exactly at the threshold and missed just below', () => {
    const evidence = evidenceMeeting(['static_info']); // two institutional pages
    expect(staticInfo.evaluate(evidence, { ...settings, minPages: 2 }).outcome).toBe('pass');
    expect(staticInfo.evaluate(evidence, { ...settings, minPages: 3 }).outcome).toBe('fail');
  });
});
