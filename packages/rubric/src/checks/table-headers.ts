import { barrierCheck } from './barrier-check.js';

// A data table without <th> reads as a stream of numbers: nothing ties a cell to its column (W3C techniques H51,
// H63). Layout tables are told apart from data tables in the scanner (find-barriers.ts).
export const tableHeaders = barrierCheck({
  id: 'table-headers',
  weight: 0.25,
  criterion: { number: '1.3.1', name: { es: 'Información y relaciones', en: 'Info and Relationships' } },
  title: { es: 'Tablas de datos con encabezados', en: 'Data tables with headers' },
  hint: {
    es: 'Marque las celdas de encabezado de cada tabla de datos con <th> (y scope), para que cada dato se lea con su columna y fila.',
    en: 'Mark the header cells of every data table with <th> (and scope), so each value is read with its column and row.',
  },
  passDetail: 'every data table has header cells',
});
