import type { Localized } from '../evidence/common.js';

// The methodology's table "Standards the recommendations call for": every finding names what it implements.

export const ACCESSIBILITY: Localized = {
  es: 'Principio 1 Igualdad y principio 4 Transparencia y accesibilidad (Carta Iberoamericana de Gobierno Electrónico); recomendación: estándares de diseño y usabilidad',
  en: 'Principle 1 Equality and principle 4 Transparency and accessibility (Ibero-American Charter on e-Government); recommendation: standards for design and usability',
};

export const SECURITY: Localized = {
  es: 'Principio 7 Proporcionalidad (seguridad acorde al servicio) y principio 2 Legalidad (privacidad de las comunicaciones)',
  en: 'Principle 7 Proportionality (security fitting the service) and principle 2 Legality (privacy of communications)',
};

export const USABILITY: Localized = {
  es: 'Recomendación: estándares de diseño, usabilidad y desarrollo; acceso desde áreas rurales',
  en: 'Recommendation: standards for design, usability and development; access from rural areas',
};

export const PRIVACY_POLICY: Localized = {
  es: 'Recomendación: adoptar, cumplir y divulgar una política de privacidad; principio 2 Legalidad',
  en: 'Recommendation: adopt, comply with and publicise a privacy policy; principle 2 Legality',
};

export const NATIONAL_PORTAL: Localized = {
  es: 'Recomendación: un portal nacional de servicios digitales',
  en: 'Recommendation: a national portal of digital services',
};

export const PROCEDURE_REQUIREMENTS: Localized = {
  es: 'Recomendación: publicar en línea las normas y requisitos de los trámites',
  en: 'Recommendation: put the norms and requirements of procedures online',
};

export const PROCEDURE_TRACKING: Localized = {
  es: 'Recomendación: permitir al ciudadano dar seguimiento a sus trámites',
  en: 'Recommendation: let citizens follow the status of a procedure',
};

export const OPEN_DATA: Localized = {
  es: 'Encuesta de Gobierno Electrónico de la ONU: conjuntos de datos abiertos en formatos legibles por máquina',
  en: 'UN E-Government Survey: open datasets in machine-readable formats',
};

export const PUBLIC_INFORMATION: Localized = {
  es: 'Recomendación sobre las unidades de acceso a la información; Decreto 57-2008, información pública de oficio',
  en: 'Recommendation on access-to-information offices; Decreto 57-2008, information published ex officio',
};

export const FEEDBACK: Localized = {
  es: 'Recomendación: integrar la consulta y la retroalimentación ciudadana',
  en: 'Recommendation: integrate citizen consultation and feedback',
};

export const OPEN_FORMATS: Localized = {
  es: 'Principio 6 Pertenencia tecnológica (formatos abiertos, no solo propietarios)',
  en: 'Principle 6 Technological ownership (open formats, not only proprietary ones)',
};
