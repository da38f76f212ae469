import { barrierCheck } from './barrier-check.js';

// A table whose every cell is a <th> announces each value as a header: the relationship between header and data
// that SC 1.3.1 asks for is lost.
export const tableOnlyHeaders = barrierCheck({
  id: 'table-only-headers',
  weight: 0.25,
  criterion: { number: '1.3.1', name: { es: 'Información y relaciones', en: 'Info and Relationships' } },
  title: { es: 'Tablas con celdas de datos', en: 'Tables with data cells' },
  hint: {
    es: 'Use <th> solo para los encabezados; las celdas con datos van en <td>.',
    en: 'Use <th> only for headers; cells holding data go in <td>.',
  },
  passDetail: 'no table is made only of header cells',
});
