import { barrierCheck } from './barrier-check.js';

// "IMG_2041.jpg" read aloud says nothing: alt text that is a file name is a text alternative in form only
// (W3C failure F30).
export const altFileName = barrierCheck({
  id: 'alt-file-name',
  weight: 0.25,
  criterion: { number: '1.1.1', name: { es: 'Contenido no textual', en: 'Non-text Content' } },
  title: { es: 'Texto alternativo que describe la imagen', en: 'Alternative text that describes the image' },
  hint: {
    es: 'Escriba en alt lo que la imagen comunica, no el nombre de su archivo.',
    en: 'Write in alt what the image conveys, not its file name.',
  },
  passDetail: 'no alt text is a file name',
});
