import { barrierCheck } from './barrier-check.js';

// SC 1.4.10: at 320 CSS px (400% zoom of a 1280 px window) content must not need horizontal scrolling, except
// what needs two dimensions (tables, maps, diagrams), which the scanner does not count.
export const reflow = barrierCheck({
  id: 'reflow',
  weight: 0.5,
  criterion: { number: '1.4.10', name: { es: 'Reajuste del contenido', en: 'Reflow' } },
  title: {
    es: 'Sin desplazamiento horizontal en pantallas estrechas',
    en: 'No horizontal scrolling on narrow screens',
  },
  hint: {
    es: 'Haga que el contenido se reajuste a 320 px de ancho (equivale a un zoom de 400 %) sin barra de desplazamiento horizontal.',
    en: 'Let the content reflow at 320 px wide (a 400% zoom) without a horizontal scroll bar.',
  },
  passDetail: 'no horizontal scrolling at 320 CSS px',
});
