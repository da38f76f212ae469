import { describe, expect, it } from 'vitest';
import type { ParticipationEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { eParticipation } from './e-participation.js';

const settings = defaultRubric.criteria.e_participation;
type Candidate = ParticipationEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}participa/anteproyecto-reglamento`,
  kind: 'consultation',
  hasForm: true,
  comingSoon: false,
  purpose: { words: ['anteproyecto', 'consulta publica'], where: 'form-heading' },
  fields: ['text nombre "Nombre"', 'textarea observaciones "Observaciones al anteproyecto"'],
  detail: 'form #consulta under "Consulta pública del anteproyecto de reglamento"',
  ...patch,
});
const judge = (candidates: Candidate[], notRead?: number) =>
  eParticipation.evaluate(
    withGathered(evidenceMeeting([]), {
      participation: ok({ candidates, ...(notRead === undefined ? {} : { notRead }) }),
    }),
    settings,
  );

describe('e_participation', () => {
  it('passes with an open mechanism whose purpose was read; the evidence names the kind, the words, where, and the fields', () => {
    const result = judge([candidate({})]);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toBe(
      'consultation: purpose "anteproyecto", "consulta publica" read from the heading and text around the form; a form a citizen can answer; fields: text nombre "Nombre", textarea observaciones "Observaciones al anteproyecto"; form #consulta under "Consulta pública del anteproyecto de reglamento"',
    );
  });

  it.each([
    'survey',
    'poll',
    'petition',
    'forum',
    'participatory-budget',
    'public-comment',
    'e-voting',
  ] as const)('a %s with a purpose and an open form counts', (kind) => {
    expect(judge([candidate({ kind })]).outcome).toBe('pass');
  });

  it('an embedded form service counts when its purpose was read, never by the vendor alone', () => {
    const embedded = candidate({
      kind: 'survey',
      vendor: 'Google Forms',
      purpose: { words: ['encuesta'], where: 'form-heading' },
    });
    expect(judge([embedded]).outcome).toBe('pass');
    const bare = { ...embedded, kind: 'embedded-form' as const };
    delete bare.purpose;
    expect(judge([bare]).outcome).toBe('fail');
  });

  it('trap: a generic contact form behind a "Gobierno Abierto" link has no purpose and is not participation', () => {
    const contact = candidate({
      url: `${SITE}`,
      detail:
        '"Gobierno Abierto" on /transparencia → form #contacto (text nombre, email correo, text asunto, textarea mensaje); a generic contact form',
      fields: [
        'text nombre "Nombre"',
        'email correo "Correo"',
        'text asunto "Asunto"',
        'textarea mensaje "Mensaje"',
      ],
    });
    delete contact.purpose;
    const result = judge([contact]);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toContain('no participation purpose read');
  });

  it('"Próximamente", closed consultations and pages with nothing to answer fail', () => {
    expect(judge([candidate({ comingSoon: true })]).outcome).toBe('fail');
    expect(judge([candidate({ closed: true })]).outcome).toBe('fail');
    expect(judge([candidate({ hasForm: false })]).outcome).toBe('fail');
  });

  it('a page-feedback widget is not participation in decisions', () => {
    expect(judge([candidate({ kind: 'feedback' })]).outcome).toBe('fail');
  });

  it('leads that could not be read make "not met" inconclusive, never "met"', () => {
    const unread = candidate({ unread: 'could not be opened: net::ERR_TIMED_OUT', hasForm: false });
    delete unread.purpose;
    expect(judge([unread]).outcome).toBe('inconclusive');
    expect(judge([], 2).outcome).toBe('inconclusive');
    expect(judge([unread, candidate({})]).outcome).toBe('pass');
  });
});
