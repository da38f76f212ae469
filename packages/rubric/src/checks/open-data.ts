import { OPEN_DATA } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const openData = recommendationCheck({
  id: 'open-data',
  weight: 1,
  kind: 'open_data',
  title: { es: 'Datos abiertos', en: 'Open data' },
  implements: OPEN_DATA,
  hint: {
    es: 'Publique sus conjuntos de datos en formatos legibles por máquina (CSV, JSON, XLSX/ODS) con licencia abierta, o enlace al portal de datos abiertos.',
    en: 'Publish your datasets in machine-readable formats (CSV, JSON, XLSX/ODS) under an open licence, or link to the open-data portal.',
  },
  missing: 'no open datasets',
});
