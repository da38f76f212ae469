import type { ParticipationEvidence, ParticipationKind } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { settingsSchema, subsetOf } from './settings-schema.js';
import { PARTICIPATION_KINDS } from '../evidence/maturity.js';
import { byUrlThenDetail, fail, inconclusive, pass } from './support.js';

export interface EParticipationSettings {
  /** Mechanisms that let citizens take part in decisions; a page-feedback widget ("¿Le fue útil?") is not one. */
  kinds: ParticipationKind[];
}

type Candidate = ParticipationEvidence['candidates'][number];

const WHERE: Record<NonNullable<Candidate['purpose']>['where'], string> = {
  form: "the form's own fields and buttons",
  'form-heading': 'the heading and text around the form',
  'page-heading': "the page's title",
  'external-form': "the external form's own title",
  platform: 'a participation platform',
};

function describe(c: Candidate): string {
  const purpose = c.purpose
    ? `purpose "${c.purpose.words.join('", "')}" read from ${WHERE[c.purpose.where]}`
    : 'no participation purpose read';
  const fields = c.fields?.length ? `; fields: ${c.fields.join(', ')}` : '';
  const state = [
    c.hasForm ? 'a form a citizen can answer' : 'nothing to answer',
    c.comingSoon && '"coming soon"',
    c.closed && 'closed',
    c.unread && `not verified: ${c.unread}`,
  ].filter(Boolean);
  return `${c.kind}${c.vendor ? ` (${c.vendor})` : ''}: ${purpose}; ${state.join(', ')}${fields}; ${c.detail}`;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<EParticipationSettings> = {
  schema: settingsSchema({
    kinds: subsetOf(
      PARTICIPATION_KINDS.filter((kind) => kind !== 'contact-form'),
      { minItems: 1 },
    ),
  }),
  defaults: {
    kinds: [
      'survey',
      'poll',
      'consultation',
      'public-comment',
      'petition',
      'forum',
      'participatory-budget',
      'e-voting',
      'embedded-form',
    ],
  },
};

export const eParticipation = defineCriterion({
  meta: {
    id: 'e_participation',
    level: 5,
    title: {
      es: 'Permite participar en decisiones de gobierno',
      en: 'Lets citizens take part in government decisions',
    },
    implements: {
      es: 'La página o portal permite la participación de la ciudadanía en decisiones gubernamentales, voto electrónico, encuestas en línea.',
      en: 'The site lets citizens take part in government decisions: e-voting, online surveys.',
    },
    requiredEvidence: ['participation'],
  },
  settings: SETTINGS,
  /**
   * Verify before crediting (issue #17): met by a mechanism whose purpose — consultation on a draft, survey, poll,
   * petition, forum, participatory budget, public comment, vote — was read from the form, the text around it, the
   * page's title or the external form itself, and that takes answers now. A section named "Participación
   * ciudadana" or "Gobierno Abierto", the institution's name, a generic contact form, "Próximamente" and closed
   * consultations never count. Leads that could not be read make a "not met" inconclusive.
   */
  judge({ participation }, settings) {
    const kinds = new Set(settings.kinds);
    const open = participation.candidates
      .filter((c) => kinds.has(c.kind) && !!c.purpose && c.hasForm && !c.comingSoon && !c.closed)
      .map((c) => ({ url: c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);
    if (open.length > 0) {
      return pass(
        {
          es: 'La ciudadanía puede participar en línea: un mecanismo con un propósito de participación (consulta, encuesta, petición, presupuesto participativo, votación) y un formulario abierto.',
          en: 'Citizens can take part online: a mechanism with a participation purpose (consultation, survey, petition, participatory budget, vote) and an open form.',
        },
        open.slice(0, 10),
      );
    }
    const seen = participation.candidates
      .map((c) => ({ url: c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);
    const unread = participation.candidates.filter((c) => c.unread).length + (participation.notRead ?? 0);
    if (unread > 0) {
      return inconclusive(
        {
          es: `No se encontró un mecanismo de participación abierto, pero ${unread} pistas no se pudieron leer: podrían serlo.`,
          en: `No open participation mechanism was found, but ${unread} leads could not be read: they might be one.`,
        },
        seen.slice(0, 10),
      );
    }
    return fail(
      {
        es: seen.length
          ? `Se revisaron ${seen.length} pistas de participación, pero ninguna es un mecanismo abierto con un propósito de participación (un formulario de contacto, el nombre de la institución, un «Próximamente» o una consulta cerrada no cuentan).`
          : 'No se encontró una encuesta, consulta pública, petición ni votación en línea.',
        en: seen.length
          ? `${seen.length} participation leads were checked, but none is an open mechanism with a participation purpose (a contact form, the institution's name, a "coming soon" page or a closed consultation does not count).`
          : 'No online survey, public consultation, petition or vote was found.',
      },
      seen.slice(0, 10),
    );
  },
});
