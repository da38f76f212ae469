import { WCAG_A_TAGS, wcagLevelCheck } from './wcag-level.js';

/** No axe violation of a WCAG 2.x level A success criterion on any page scanned; value = rules violated. */
export const wcagA = wcagLevelCheck({
  id: 'wcag-a',
  weight: 3,
  levelTags: WCAG_A_TAGS,
  levelName: 'A',
  title: { es: 'Accesibilidad WCAG 2.x nivel A', en: 'WCAG 2.x level A accessibility' },
  hint: {
    es: 'Corrija las infracciones de nivel A que señala axe (texto alternativo, etiquetas de formularios, nombres de enlaces y botones) en cada página indicada.',
    en: 'Fix the level A violations axe reports (alternative text, form labels, link and button names) on each page listed.',
  },
});
