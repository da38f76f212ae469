import type { ParticipationEvidence } from '../evidence/maturity.js';
import type { Criterion } from './criterion.js';
import { byUrlThenDetail, fail, gather, pass } from './support.js';

type ParticipationKind = ParticipationEvidence['candidates'][number]['kind'];

export interface EParticipationSettings {
  /** Kinds that let citizens take part in decisions; a page-feedback widget ("¿Le fue útil?") is not one. */
  kinds: ParticipationKind[];
}

export const eParticipation: Criterion<EParticipationSettings> = {
  meta: {
    id: 'e_participation',
    level: 5,
    title: { es: 'Participación ciudadana en línea', en: 'E-participation' },
    implements: {
      es: 'La página o portal permite la participación de la ciudadanía en decisiones gubernamentales, voto electrónico, encuestas en línea.',
      en: 'The site lets citizens take part in government decisions: e-voting, online surveys.',
    },
    requiredEvidence: ['participation'],
  },
  evaluate(evidence, settings) {
    const got = gather(evidence, ['participation']);
    if (!got.ok) return got.result;
    const { participation } = got.data;

    const kinds = new Set(settings.kinds);
    const describe = (c: (typeof participation.candidates)[number]) =>
      `${c.kind}${c.vendor ? ` (${c.vendor})` : ''}; ${c.hasForm ? 'form a citizen can answer' : 'no form'}${c.comingSoon ? '; "coming soon"' : ''}; ${c.detail}`;
    // An embedded form service (Google Forms, Microsoft Forms…) is a form even though its inputs live in an iframe.
    const answerable = (c: (typeof participation.candidates)[number]) =>
      c.hasForm || (c.kind === 'embedded-form' && !!c.vendor);
    const open = participation.candidates
      .filter((c) => kinds.has(c.kind) && !c.comingSoon && answerable(c))
      .map((c) => ({ url: c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);
    if (open.length > 0) {
      return pass(
        {
          es: 'La ciudadanía puede participar en línea (encuesta, consulta pública o votación con un formulario que se puede responder).',
          en: 'Citizens can take part online (a survey, public consultation or vote with a form that can be answered).',
        },
        open.slice(0, 10),
      );
    }
    const seen = participation.candidates.map((c) => ({ url: c.url, detail: describe(c) })).sort(byUrlThenDetail);
    return fail(
      {
        es: seen.length
          ? `Se vieron ${seen.length} espacios de participación, pero ninguno tiene un formulario abierto (o son «Próximamente»).`
          : 'No se encontró una encuesta, consulta pública o votación en línea.',
        en: seen.length
          ? `${seen.length} participation spaces were seen, but none has an open form (or they are "coming soon").`
          : 'No online survey, public consultation or vote was found.',
      },
      seen.slice(0, 10),
    );
  },
};
