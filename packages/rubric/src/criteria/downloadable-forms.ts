import type { DownloadCandidate } from '../evidence/maturity.js';
import type { Criterion } from './criterion.js';
import type { WordList } from './support.js';
import { allWords, fail, findPhrase, gather, pass } from './support.js';

export interface DownloadableFormsSettings {
  minForms: number;
  /** File types a citizen can fill in or print and fill in. */
  fileTypes: string[];
  /** Words that make a document a form for the citizen. */
  formWords: WordList;
  /** Words that make it a publication instead (a report, a bulletin, a *memoria de labores*). */
  reportWords: WordList;
}

function fileNameOf(href: string): string {
  try {
    const path = new URL(href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return href;
  }
}

/**
 * The link's own words (text, file name) decide first; the surrounding context helps only when it is not
 * ambiguous: a heading "Informes y formularios" says nothing about a bare "Descargar" link.
 */
function readsAsForm(candidate: DownloadCandidate, settings: DownloadableFormsSettings): string | undefined {
  const forms = allWords(settings.formWords);
  const reports = allWords(settings.reportWords);
  const own = `${candidate.linkText} ${fileNameOf(candidate.href)}`;
  if (findPhrase(own, reports)) return undefined;
  const inOwn = findPhrase(own, forms);
  if (inOwn) return `"${inOwn}" in the link`;
  if (findPhrase(candidate.context, reports)) return undefined;
  const inContext = findPhrase(candidate.context, forms);
  return inContext ? `"${inContext}" next to the link` : undefined;
}

export const downloadableForms: Criterion<DownloadableFormsSettings> = {
  meta: {
    id: 'downloadable_forms',
    level: 3,
    title: { es: 'Formularios descargables', en: 'Downloadable forms' },
    implements: { es: 'Hay formularios que pueden ser descargados.', en: 'Forms that can be downloaded.' },
    requiredEvidence: ['downloads'],
  },
  evaluate(evidence, settings) {
    const got = gather(evidence, ['downloads']);
    if (!got.ok) return got.result;
    const { downloads } = got.data;

    const types = new Set(settings.fileTypes.map((t) => t.toLowerCase().replace(/^\./, '')));
    const sorted = [...downloads.candidates].sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0));
    const forms: { url: string; detail: string }[] = [];
    const broken: { url: string; detail: string }[] = [];
    const seen = new Set<string>();
    let documents = 0;
    for (const candidate of sorted) {
      if (!types.has(candidate.fileType.toLowerCase().replace(/^\./, ''))) continue;
      documents += 1;
      const why = readsAsForm(candidate, settings);
      if (!why) continue;
      const size = candidate.check.bytes === null ? 'size unknown' : `${candidate.check.bytes} bytes`;
      const detail = `link "${candidate.linkText.trim()}" → ${candidate.href} (${candidate.fileType}; ${why}); download: HTTP ${candidate.check.status}, ${candidate.check.contentType || 'no content type'}, ${size}`;
      if (!candidate.check.ok) {
        broken.push({ url: candidate.pageUrl, detail: `${detail}; problem: ${candidate.check.problem ?? 'not the document'}` });
      } else if (!seen.has(candidate.href)) {
        seen.add(candidate.href);
        forms.push({ url: candidate.pageUrl, detail });
      }
    }

    if (forms.length >= settings.minForms) {
      return pass(
        {
          es: `Se encontraron ${forms.length} formularios para el ciudadano que se descargan correctamente.`,
          en: `${forms.length} citizen forms that really download were found.`,
        },
        forms.slice(0, 10),
      );
    }
    if (broken.length > 0) {
      return fail(
        {
          es: `Hay ${broken.length} enlaces a formularios, pero no descargan el documento (p. ej. ${broken[0]!.detail}).`,
          en: `There are ${broken.length} links to forms, but they do not download the document (e.g. ${broken[0]!.detail}).`,
        },
        [...forms, ...broken].slice(0, 10),
      );
    }
    return fail(
      {
        es: `De ${documents} documentos enlazados, ${forms.length} son formularios para el ciudadano que descargan; se piden ${settings.minForms}. Informes, boletines y memorias no cuentan.`,
        en: `Of ${documents} linked documents, ${forms.length} are citizen forms that download; ${settings.minForms} required. Reports, bulletins and annual reports do not count.`,
      },
      forms,
    );
  },
};
