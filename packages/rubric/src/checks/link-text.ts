import linkText from '../data/link-text.json' with { type: 'json' };
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { barrierCheck, findingPointer } from './barrier-check.js';
import type { Check } from './check.js';

// Screen reader users jump from link to link and hear only each link's name: "aquí", "ver más" or "click here" say
// nothing of where they lead (SC 2.4.4). Only a name that is wholly one of the
// phrases counts: "ver más noticias" names its target.
const GENERIC = new PhraseMatcher(linkText.phrases);

export const linkTextCheck: Check = barrierCheck({
  id: 'link-text',
  weight: 0.25,
  title: { es: 'Textos de enlace que dicen a dónde llevan', en: 'Link text that says where it leads' },
  criterion: {
    number: '2.4.4',
    name: { es: 'Propósito de los enlaces (en contexto)', en: 'Link Purpose (In Context)' },
  },
  hint: {
    es: 'Cambie "clic aquí", "ver más" y similares por el destino del enlace ("Requisitos del pasaporte").',
    en: 'Replace "click here", "read more" and the like with the link\'s destination ("Passport requirements").',
  },
  passDetail: 'no link is named only "aquí", "ver más" or the like',
  pointers: (page) =>
    (page.shortLinks ?? [])
      .filter((link) => GENERIC.isExactly(link.name))
      .map((link) => findingPointer(page.url, { ...link, detail: `"${link.name}"` })),
});
