import { barrierCheck } from './barrier-check.js';

// Radio buttons sharing a name answer one question; unless a fieldset/legend or a named group carries that
// question, a screen reader user hears "Sí, botón de opción" without knowing what is asked (W3C technique H71).
export const groupedChoices = barrierCheck({
  id: 'grouped-choices',
  weight: 0.25,
  criterion: { number: '1.3.1', name: { es: 'Información y relaciones', en: 'Info and Relationships' } },
  title: { es: 'Opciones agrupadas con su pregunta', en: 'Choices grouped with their question' },
  hint: {
    es: 'Agrupe los botones de opción y casillas que responden una misma pregunta en un <fieldset> con <legend> (o role="group"/"radiogroup" con nombre).',
    en: 'Put radio buttons and checkboxes answering one question in a <fieldset> with a <legend> (or role="group"/"radiogroup" with a name).',
  },
  passDetail: 'every group of radio buttons or checkboxes is grouped',
});
