import { USABILITY } from './implements.js';
import { lighthouseScoreCheck } from './lighthouse-score.js';

export const lighthousePerformance = lighthouseScoreCheck({
  id: 'lighthouse-performance',
  weight: 1,
  area: 'usability',
  category: 'performance',
  title: { es: 'Rendimiento (Lighthouse, conexión lenta)', en: 'Performance (Lighthouse, slow connection)' },
  implements: USABILITY,
  hint: {
    es: 'Reduzca imágenes y scripts, habilite compresión y caché, y difiera lo que no se necesita al cargar: la página debe abrir pronto en una conexión móvil lenta.',
    en: 'Shrink images and scripts, enable compression and caching, and defer what is not needed at load: the page must open quickly on a slow mobile connection.',
  },
});
