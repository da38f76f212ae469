import { PROCEDURE_REQUIREMENTS } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const procedureRequirements = recommendationCheck({
  id: 'procedure-requirements',
  weight: 2,
  kind: 'procedure_requirements',
  title: { es: 'Requisitos de los trámites publicados', en: 'Procedure requirements published' },
  implements: PROCEDURE_REQUIREMENTS,
  hint: {
    es: 'Publique para cada trámite sus requisitos, pasos, costo, plazo y base legal en una página propia.',
    en: 'Publish for each procedure its requirements, steps, cost, time frame and legal basis on its own page.',
  },
  missing: 'no published requirements of a procedure (trámite)',
});
