import { PUBLIC_INFORMATION } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const publicInformation = recommendationCheck({
  id: 'public-information',
  weight: 2,
  kind: 'public_information',
  title: { es: 'Información pública de oficio', en: 'Public information published ex officio' },
  implements: PUBLIC_INFORMATION,
  hint: {
    es: 'Publique la sección de información pública de oficio que exige el artículo 10 del Decreto 57-2008 (Ley de Acceso a la Información Pública) y los datos de la Unidad de Información Pública.',
    en: 'Publish the ex-officio public information section required by article 10 of Decreto 57-2008 (Access to Public Information Law) and the contact of the Public Information Unit.',
  },
  missing: 'no "información pública de oficio" section',
});
