import { ACCESSIBILITY } from './implements.js';
import { lighthouseScoreCheck } from './lighthouse-score.js';

export const lighthouseAccessibility = lighthouseScoreCheck({
  id: 'lighthouse-accessibility',
  weight: 1,
  area: 'accessibility',
  category: 'accessibility',
  title: { es: 'Puntaje de accesibilidad de Lighthouse', en: 'Lighthouse accessibility score' },
  implements: ACCESSIBILITY,
  hint: {
    es: 'Revise las auditorías de accesibilidad de Lighthouse en las páginas clave y corrija las que fallan hasta alcanzar el puntaje mínimo.',
    en: 'Review the Lighthouse accessibility audits on the key pages and fix the failing ones until the minimum score is reached.',
  },
});
