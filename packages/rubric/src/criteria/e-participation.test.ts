import { describe, expect, it } from 'vitest';
import type { ParticipationEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { eParticipation } from './e-participation.js';

const settings = defaultRubric.criteria.e_participation;
type Candidate = ParticipationEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}encuesta`, kind: 'survey', hasForm: true, comingSoon: false, detail: 'survey form', ...patch,
});
const judge = (candidates: Candidate[]) =>
  eParticipation.evaluate(withGathered(evidenceMeeting([]), { participation: ok({ candidates }) }), settings);

describe('e_participation', () => {
  it('passes with an open survey form', () => {
    expect(judge([candidate({})]).outcome).toBe('pass');
  });

  it('an embedded form service counts as a form', () => {
    expect(judge([candidate({ kind: 'embedded-form', hasForm: false, vendor: 'Google Forms' })]).outcome).toBe('pass');
  });

  it('"Próximamente" or no form fails', () => {
    expect(judge([candidate({ comingSoon: true })]).outcome).toBe('fail');
    expect(judge([candidate({ hasForm: false })]).outcome).toBe('fail');
  });

  it('a page-feedback widget is not participation in decisions', () => {
    expect(judge([candidate({ kind: 'feedback' })]).outcome).toBe('fail');
  });
});
