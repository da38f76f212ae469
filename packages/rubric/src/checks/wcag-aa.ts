import { WCAG_AA_TAGS, wcagLevelCheck } from './wcag-level.js';

/**
 * No axe violation of a WCAG 2.x level AA success criterion (level A ones are wcag-a's); value = rules violated.
 */
export const wcagAa = wcagLevelCheck({
  id: 'wcag-aa',
  weight: 2,
  levelTags: WCAG_AA_TAGS,
  levelName: 'AA',
  title: { es: 'Accesibilidad WCAG 2.x nivel AA', en: 'WCAG 2.x level AA accessibility' },
  hint: {
    es: 'Corrija las infracciones de nivel AA que señala axe (contraste de color, tamaño de los objetivos, textos que se adaptan) en cada página indicada.',
    en: 'Fix the level AA violations axe reports (colour contrast, target size, reflowing text) on each page listed.',
  },
});
