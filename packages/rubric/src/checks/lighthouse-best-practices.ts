import { USABILITY } from './implements.js';
import { lighthouseScoreCheck } from './lighthouse-score.js';

export const lighthouseBestPractices = lighthouseScoreCheck({
  id: 'lighthouse-best-practices',
  weight: 1,
  area: 'usability',
  category: 'bestPractices',
  title: { es: 'Buenas prácticas de desarrollo (Lighthouse)', en: 'Development best practices (Lighthouse)' },
  implements: USABILITY,
  hint: {
    es: 'Corrija las auditorías de buenas prácticas de Lighthouse (errores de consola, bibliotecas vulnerables, APIs obsoletas, imágenes mal dimensionadas).',
    en: 'Fix the Lighthouse best-practice audits (console errors, vulnerable libraries, deprecated APIs, badly sized images).',
  },
});
