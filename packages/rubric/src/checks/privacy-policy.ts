import { PRIVACY_POLICY } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const privacyPolicy = recommendationCheck({
  id: 'privacy-policy',
  weight: 2,
  kind: 'privacy_policy',
  title: { es: 'Política de privacidad publicada', en: 'Privacy policy published' },
  implements: PRIVACY_POLICY,
  hint: {
    es: 'Publique una política de privacidad o aviso de tratamiento de datos personales y enlácela desde el pie de cada página y desde cada formulario.',
    en: 'Publish a privacy policy or personal-data notice and link it from every page footer and every form.',
  },
  missing: 'no privacy policy or personal-data notice',
});
