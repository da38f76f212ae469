import { barrierCheck } from './barrier-check.js';

// alt="" says "decorative, skip me" while a title says the image means something: assistive technologies skip
// what sighted mouse users are told.
export const altEmptyTitle = barrierCheck({
  id: 'alt-empty-title',
  weight: 0.25,
  criterion: { number: '1.1.1', name: { es: 'Contenido no textual', en: 'Non-text Content' } },
  title: {
    es: 'Imágenes decorativas sin título contradictorio',
    en: 'Decorative images without a contradicting title',
  },
  hint: {
    es: 'Si la imagen informa, ponga su texto en alt; si es decorativa, quite también el title.',
    en: 'If the image informs, put its text in alt; if it is decorative, remove the title too.',
  },
  passDetail: 'no image has an empty alt and a title',
});
