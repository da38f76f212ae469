import { NATIONAL_PORTAL } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const nationalPortalLink = recommendationCheck({
  id: 'national-portal-link',
  weight: 1,
  kind: 'national_portal_link',
  title: { es: 'Enlace al portal nacional de servicios', en: 'Link to the national services portal' },
  implements: NATIONAL_PORTAL,
  hint: {
    es: 'Enlace al portal nacional o catálogo de servicios del Estado (p. ej. guatemala.gob.gt) y publique allí sus trámites.',
    en: 'Link to the national portal or state catalogue of services (e.g. guatemala.gob.gt) and list your procedures there.',
  },
  missing: 'no link to the national portal or catalogue of services',
});
