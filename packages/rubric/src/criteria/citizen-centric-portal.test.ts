import { describe, expect, it } from 'vitest';
import type { ServiceCatalogEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { citizenCentricPortal } from './citizen-centric-portal.js';

const settings = defaultRubric.criteria.citizen_centric_portal;
type Candidate = ServiceCatalogEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}tramites`, title: 'Trámites', serviceLinks: settings.minServiceLinks, topicGroups: settings.minTopicGroups,
  lifeEvents: [], matched: ['Trámites y servicios'], detail: 'catalogue', ...patch,
});
const judge = (candidates: Candidate[]) =>
  citizenCentricPortal.evaluate(withGathered(evidenceMeeting([]), { serviceCatalog: ok({ candidates }) }), settings);

describe('citizen_centric_portal', () => {
  it('passes exactly at the service-link and topic-group thresholds', () => {
    expect(judge([candidate({})]).outcome).toBe('pass');
  });

  it('fails one service link short', () => {
    expect(judge([candidate({ serviceLinks: settings.minServiceLinks - 1 })]).outcome).toBe('fail');
  });

  it('life events can stand in for topic groups, exactly at their threshold', () => {
    const events = ['Nacimiento', 'Abrir un negocio', 'Jubilación'].slice(0, settings.minLifeEvents);
    expect(judge([candidate({ topicGroups: 0, lifeEvents: events })]).outcome).toBe('pass');
    expect(judge([candidate({ topicGroups: settings.minTopicGroups - 1, lifeEvents: events.slice(1) })]).outcome).toBe('fail');
  });
});
