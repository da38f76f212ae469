import { barrierCheck } from './barrier-check.js';

// Two <label>s for one control: screen readers announce one of them (which depends on the reader), so part of
// the label is lost (axe's form-field-multiple-labels only says "needs review").
export const singleLabel = barrierCheck({
  id: 'single-label',
  weight: 0.25,
  criterion: { number: '1.3.1', name: { es: 'Información y relaciones', en: 'Info and Relationships' } },
  title: { es: 'Una sola etiqueta por campo', en: 'One label per field' },
  hint: {
    es: 'Deje una sola <label> por campo; junte el texto adicional en ella o en aria-describedby.',
    en: 'Keep one <label> per field; merge the extra text into it or into aria-describedby.',
  },
  passDetail: 'no field has two labels',
});
