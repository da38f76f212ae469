import { barrierCheck } from './barrier-check.js';

// A placeholder vanishes as soon as the citizen types and many screen readers do not announce it: a field whose
// only label is its placeholder fails SC 3.3.2.
export const placeholderLabel = barrierCheck({
  id: 'placeholder-label',
  weight: 0.25,
  criterion: { number: '3.3.2', name: { es: 'Etiquetas o instrucciones', en: 'Labels or Instructions' } },
  title: { es: 'Campos de formulario con etiqueta visible', en: 'Form fields with a visible label' },
  hint: {
    es: 'Dé a cada campo una etiqueta <label> visible; el texto de ejemplo (placeholder) desaparece al escribir y no es una etiqueta.',
    en: 'Give every field a visible <label>; placeholder text disappears on typing and is not a label.',
  },
  passDetail: 'no field labelled only by its placeholder',
});
