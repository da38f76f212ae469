import { PROCEDURE_TRACKING } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const procedureTracking = recommendationCheck({
  id: 'procedure-tracking',
  weight: 1,
  kind: 'procedure_tracking',
  title: { es: 'Seguimiento de trámites en línea', en: 'Online tracking of procedures' },
  implements: PROCEDURE_TRACKING,
  hint: {
    es: 'Ofrezca una consulta del estado del trámite con el número de expediente o de gestión.',
    en: 'Offer a status lookup for procedures by case or file number.',
  },
  missing: 'no procedure status tracking',
});
