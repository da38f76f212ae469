import { USABILITY } from './implements.js';
import { lighthouseScoreCheck } from './lighthouse-score.js';

export const lighthouseSeo = lighthouseScoreCheck({
  id: 'lighthouse-seo',
  weight: 1,
  area: 'usability',
  category: 'seo',
  title: {
    es: 'Encontrable en buscadores (Lighthouse SEO)',
    en: 'Findable by search engines (Lighthouse SEO)',
  },
  implements: USABILITY,
  hint: {
    es: 'Corrija las auditorías SEO de Lighthouse (título, descripción, enlaces con texto, robots.txt válido) para que la ciudadanía encuentre los servicios desde un buscador.',
    en: 'Fix the Lighthouse SEO audits (title, description, descriptive links, valid robots.txt) so people find the services from a search engine.',
  },
});
