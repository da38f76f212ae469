import { barrierCheck } from './barrier-check.js';

// Screen reader users browse a list of a page's links: two "Descargar" that lead to different documents cannot be
// told apart there (SC 2.4.4; axe's identical-links-same-purpose is AAA and only "needs review").
export const linkSameText = barrierCheck({
  id: 'link-same-text',
  weight: 0.25,
  criterion: {
    number: '2.4.4',
    name: { es: 'Propósito de los enlaces (en contexto)', en: 'Link Purpose (In Context)' },
  },
  title: { es: 'Enlaces distintos con textos distintos', en: 'Different links with different text' },
  hint: {
    es: 'Si dos enlaces de la misma página llevan a sitios distintos, deles textos distintos que digan a dónde llevan.',
    en: 'When two links on a page go to different places, give them different text saying where each goes.',
  },
  passDetail: 'no link text is shared by links to different pages',
});
