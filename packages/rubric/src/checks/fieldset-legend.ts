import { barrierCheck } from './barrier-check.js';

// A <fieldset> exists to name a group of fields; without a legend (or with an empty one) screen readers announce a
// group with no name (W3C technique H71).
export const fieldsetLegend = barrierCheck({
  id: 'fieldset-legend',
  weight: 0.25,
  criterion: { number: '1.3.1', name: { es: 'Información y relaciones', en: 'Info and Relationships' } },
  title: { es: 'Grupos de campos con leyenda', en: 'Field groups with a legend' },
  hint: {
    es: 'Dé a cada <fieldset> una <legend> con texto que diga qué agrupa.',
    en: 'Give every <fieldset> a <legend> with text saying what it groups.',
  },
  passDetail: 'every fieldset has a legend',
});
