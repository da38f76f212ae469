import type { DownloadCandidate } from '../evidence/maturity.js';
import type { EvidencePointer } from '../evidence/common.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema, strings } from './settings-schema.js';
import { fail, inconclusive, pass } from './support.js';

export interface DownloadableFormsSettings {
  minForms: number;
  /** File types a citizen can fill in or print and fill in. */
  fileTypes: string[];
  /** Fillable fields (AcroForm, content controls, form controls; not signatures or buttons) that make a form. */
  minFormFields: number;
  /** Distinct labelled blanks ("Nombre: ____", "DPI:", "[ ] Sí") that make a printed form. */
  minLabelledBlanks: number;
}

/** Field types that ask the citizen for something; a signature slot or a print button alone does not. */
const FILLABLE = new Set(['text', 'checkbox', 'radio', 'choice', 'date', 'xfa', 'unknown']);
const SAMPLE = 5;

function quote(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

type Verdict =
  | { kind: 'form'; detail: string }
  | { kind: 'not-a-form'; detail: string }
  | { kind: 'broken'; detail: string }
  | { kind: 'unread'; detail: string };

/** What the download and the reading of one candidate show. */
function judge(candidate: DownloadCandidate, settings: DownloadableFormsSettings): Verdict {
  const size = candidate.check.bytes === null ? 'size unknown' : `${candidate.check.bytes} bytes`;
  const link = `link "${candidate.linkText.trim()}" → ${candidate.href}`;
  const download = `HTTP ${candidate.check.status}, ${candidate.check.contentType || 'no content type'}, ${size}`;
  if (!candidate.check.ok) {
    const problem = candidate.check.problem ?? 'not the document';
    // A request the scan could not finish proves nothing about the document; a dead host or an answer that is not
    // the document does.
    if (candidate.check.unfinished) return { kind: 'unread', detail: `${link}: not downloaded (${problem})` };
    return { kind: 'broken', detail: `${link}: ${download}; ${problem}` };
  }
  const document = candidate.document;
  if (!document) return { kind: 'unread', detail: `${link}: ${download}; the document was not read` };
  if (!document.read)
    return {
      kind: 'unread',
      detail: `${link}: ${download}; ${document.format} not read: ${document.problem ?? 'unknown reason'}`,
    };
  const pages =
    document.pages === null ? '' : `, ${document.pages} ${document.pages === 1 ? 'page' : 'pages'}`;
  const fields = document.fields.filter((f) => FILLABLE.has(f.type));
  const read = `${link}: ${document.format.toUpperCase()} confirmed (${download}${pages}), "${document.title}"`;
  const fieldText = fields.length
    ? `${fields.length} fillable fields (${fields
        .slice(0, SAMPLE)
        .map((f) => `${f.type} ${f.label || f.name}`)
        .join(', ')})`
    : 'no fillable fields';
  const blankText = document.blanks.length
    ? `${document.blanks.length} labelled blanks (${quote(document.blanks.slice(0, SAMPLE).map((b) => (b.kind === 'checkbox' ? `☐ ${b.label}` : `${b.label}:`)))})`
    : 'no labelled blanks';
  const partial = document.partial ? `; read in part: ${document.partial}` : '';
  if (fields.length >= settings.minFormFields || document.blanks.length >= settings.minLabelledBlanks)
    return { kind: 'form', detail: `${read}; ${fieldText}; ${blankText}${partial}` };
  return {
    kind: 'not-a-form',
    detail: `${read}; ${fieldText}, ${blankText}: not a form to fill in; begins "${document.excerpt}"${partial}`,
  };
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<DownloadableFormsSettings> = {
  schema: settingsSchema({
    minForms: atLeastOne,
    fileTypes: { ...strings, minItems: 1 },
    minFormFields: atLeastOne,
    minLabelledBlanks: atLeastOne,
  }),
  defaults: {
    minForms: 1,
    fileTypes: ['pdf', 'doc', 'docx', 'odt', 'rtf', 'xls', 'xlsx', 'ods'],
    minFormFields: 2,
    minLabelledBlanks: 3,
  },
};

export const downloadableForms = defineCriterion({
  meta: {
    id: 'downloadable_forms',
    level: 3,
    title: { es: 'Ofrece formularios descargables', en: 'Offers downloadable forms' },
    implements: { es: 'Hay formularios que pueden ser descargados.', en: 'Forms that can be downloaded.' },
    requiredEvidence: ['downloads'],
  },
  settings: SETTINGS,
  /**
   * Verify before crediting (issue #17): a document counts only when it was downloaded and read and its content
   * is a form to fill in — fillable fields, or labelled blanks — whatever its link or file name says. A document
   * that could not be read proves nothing either way: when nothing else is a form and such documents remain, the
   * verdict is inconclusive, not "not met".
   */
  judge({ downloads }, settings) {
    const types = new Set(settings.fileTypes.map((t) => t.toLowerCase().replace(/^\./, '')));
    const sorted = [...downloads.candidates]
      .filter((c) => types.has(c.fileType.toLowerCase().replace(/^\./, '')))
      .sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0));
    const seen = new Set<string>();
    const by: Record<Verdict['kind'], EvidencePointer[]> = {
      form: [],
      'not-a-form': [],
      broken: [],
      unread: [],
    };
    for (const candidate of sorted) {
      if (seen.has(candidate.href)) continue;
      seen.add(candidate.href);
      const verdict = judge(candidate, settings);
      by[verdict.kind].push({ url: candidate.pageUrl, detail: verdict.detail });
    }
    const notChecked = downloads.notChecked ?? 0;
    if (sorted.length === 0 && notChecked === 0) {
      return fail({
        es: 'No se encontraron enlaces a documentos junto a formularios, trámites o descargas.',
        en: 'No links to documents next to forms, procedures or downloads were found.',
      });
    }

    if (by.form.length >= settings.minForms) {
      return pass(
        {
          es: `Se encontraron ${by.form.length} formularios para llenar que se descargan y se leyeron (campos o espacios rotulados para el ciudadano).`,
          en: `${by.form.length} forms to fill in were downloaded and read (fields or labelled blanks for the citizen).`,
        },
        by.form.slice(0, 10),
      );
    }
    const looked = [...by.form, ...by['not-a-form'], ...by.broken];
    if (by.unread.length > 0 || notChecked > 0) {
      const count = by.unread.length + notChecked;
      return inconclusive(
        {
          es: `Ningún documento leído es un formulario para llenar, pero ${count} documentos no se pudieron leer o revisar${notChecked ? ` (${notChecked} quedaron sin revisar al agotarse el tiempo de seguridad)` : ''}: podrían serlo.`,
          en: `No document read is a form to fill in, but ${count} documents could not be read or checked${notChecked ? ` (${notChecked} left unchecked when the safety time limit fired)` : ''}: they might be.`,
        },
        [...by.unread, ...looked].slice(0, 10),
      );
    }
    if (by.broken.length > 0 && by['not-a-form'].length === 0) {
      return fail(
        {
          es: `Hay ${by.broken.length} enlaces a documentos, pero no descargan el documento (p. ej. ${by.broken[0]!.detail}).`,
          en: `There are ${by.broken.length} links to documents, but they do not download the document (e.g. ${by.broken[0]!.detail}).`,
        },
        looked.slice(0, 10),
      );
    }
    return fail(
      {
        es: `Se descargaron y leyeron ${by['not-a-form'].length} documentos; ninguno es un formulario para llenar (sin campos ni espacios rotulados): informes, metodologías, boletines y memorias no cuentan.${by.broken.length ? ` Otros ${by.broken.length} enlaces no descargan el documento.` : ''}`,
        en: `${by['not-a-form'].length} documents were downloaded and read; none is a form to fill in (no fields or labelled blanks): reports, methodologies, bulletins and annual reports do not count.${by.broken.length ? ` ${by.broken.length} more links do not download the document.` : ''}`,
      },
      looked.slice(0, 10),
    );
  },
});
