import { describe, expect, it } from 'vitest';
import type { DownloadCandidate } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import {
  FORM_BLANKS,
  SITE,
  documentReading,
  downloadCandidate,
  evidenceMeeting,
  ok,
  withGathered,
} from '../test-support/evidence-builders.js';
import { downloadableForms } from './downloadable-forms.js';

const settings = defaultRubric.criteria.downloadable_forms;

function withCandidates(candidates: DownloadCandidate[], notChecked?: number) {
  return withGathered(evidenceMeeting([]), {
    downloads: ok({ candidates, ...(notChecked === undefined ? {} : { notChecked }) }),
  });
}
const file = (name: string, patch: Partial<DownloadCandidate> = {}) =>
  downloadCandidate(`${SITE}documentos`, `${SITE}docs/${name}`, patch);

const methodology = file('Guia-Metodologica-Formularios.pdf', {
  linkText: 'Guía metodológica de formularios',
  context: 'Formularios',
  document: documentReading({
    title: 'Metodología para el diseño de formularios institucionales',
    excerpt: 'Metodología para el diseño de formularios institucionales · 1. Objetivo: establecer criterios…',
  }),
});

describe('downloadable_forms', () => {
  it('a document whose content has labelled blanks is a form, whatever its link says; the evidence shows what was read', () => {
    const form = file('doc-123.pdf', {
      linkText: 'Descargar',
      document: documentReading({ pages: 2, title: 'Solicitud de constancia', blanks: FORM_BLANKS }),
    });
    const result = downloadableForms.evaluate(withCandidates([form]), settings);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toBe(
      `link "Descargar" → ${SITE}docs/doc-123.pdf: PDF confirmed (HTTP 200, application/pdf, 184320 bytes, 2 pages), "Solicitud de constancia"; no fillable fields; 4 labelled blanks ("Nombre completo:", "DPI:", "Dirección de residencia:", "Firma:")`,
    );
  });

  it('fillable fields (AcroForm, content controls) make a form; a signature slot and a print button do not count', () => {
    const acroform = (fields: { name: string; type: string; label: string }[]) =>
      file('solicitud.pdf', { document: documentReading({ fields }) });
    const fillable = [
      { name: 'nombre', type: 'text', label: 'Nombre completo' },
      { name: 'acepto', type: 'checkbox', label: 'Acepto las condiciones' },
    ];
    const pass = downloadableForms.evaluate(withCandidates([acroform(fillable)]), settings);
    expect(pass.outcome).toBe('pass');
    expect(pass.evidence[0]!.detail).toContain(
      '2 fillable fields (text Nombre completo, checkbox Acepto las condiciones)',
    );
    const signatureOnly = [
      { name: 'firma', type: 'signature', label: 'Firma digital' },
      { name: 'imprimir', type: 'button', label: 'Imprimir' },
    ];
    expect(downloadableForms.evaluate(withCandidates([acroform(signatureOnly)]), settings).outcome).toBe(
      'fail',
    );
  });

  it('trap: a one-page methodology named "…Formularios.pdf" was read and is not a form', () => {
    const result = downloadableForms.evaluate(withCandidates([methodology]), settings);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toContain(
      'no fillable fields, no labelled blanks: not a form to fill in',
    );
    expect(result.evidence[0]!.detail).toContain(
      '"Metodología para el diseño de formularios institucionales"',
    );
  });

  it('a report with a signature block (two blanks) is not a form; the thresholds are data', () => {
    const acta = file('acta.pdf', {
      linkText: 'Formulario',
      document: documentReading({ blanks: [FORM_BLANKS[0]!, FORM_BLANKS[3]!] }),
    });
    expect(downloadableForms.evaluate(withCandidates([acta]), settings).outcome).toBe('fail');
    expect(
      downloadableForms.evaluate(withCandidates([acta]), { ...settings, minLabelledBlanks: 2 }).outcome,
    ).toBe('pass');
  });

  it('a form link that does not really download fails, with the problem in the reason', () => {
    const broken = file('formulario.pdf', {
      linkText: 'Formulario',
      check: {
        status: 200,
        contentType: 'text/html',
        bytes: 5120,
        ok: false,
        problem: 'HTML error page instead of a PDF',
      },
    });
    delete broken.document;
    const result = downloadableForms.evaluate(withCandidates([broken]), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('HTML error page instead of a PDF');
  });

  it('a document that could not be read is unverified: inconclusive when nothing else is a form', () => {
    const scanned = file('formulario-escaneado.pdf', {
      linkText: 'Formulario de inscripción',
      document: documentReading({
        read: false,
        problem: 'no text layer (a scanned image?): its content cannot be read',
        title: '',
      }),
    });
    const old = file('solicitud.doc', {
      fileType: 'doc',
      document: documentReading({
        read: false,
        format: 'doc/xls',
        problem: 'Word 97–2003 / Excel 97–2003 (OLE) files are not read',
      }),
    });
    const result = downloadableForms.evaluate(withCandidates([methodology, scanned, old]), settings);
    expect(result.outcome).toBe('inconclusive');
    expect(result.evidence.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('pdf not read: no text layer'),
        expect.stringContaining('not a form to fill in'),
      ]),
    );
    // …but a form found elsewhere decides.
    const form = file('solicitud.docx', {
      fileType: 'docx',
      document: documentReading({ format: 'docx', blanks: FORM_BLANKS }),
    });
    expect(downloadableForms.evaluate(withCandidates([scanned, form]), settings).outcome).toBe('pass');
  });

  it('a download cut short is unverified; a dead host or an answer of 404 is not a form', () => {
    const reset = file('formulario.pdf', {
      check: {
        status: 0,
        contentType: '',
        bytes: null,
        ok: false,
        problem: 'request failed: ECONNRESET',
        unfinished: true,
      },
    });
    delete reset.document;
    expect(downloadableForms.evaluate(withCandidates([reset]), settings).outcome).toBe('inconclusive');
    const dead = file('formulario.pdf', {
      check: { status: 0, contentType: '', bytes: null, ok: false, problem: 'request failed: ENOTFOUND' },
    });
    delete dead.document;
    expect(downloadableForms.evaluate(withCandidates([dead]), settings).outcome).toBe('fail');
    const missing = file('formulario.pdf', {
      check: { status: 404, contentType: 'text/html', bytes: 900, ok: false, problem: 'HTTP 404' },
    });
    delete missing.document;
    expect(downloadableForms.evaluate(withCandidates([missing]), settings).outcome).toBe('fail');
  });

  it('documents left unchecked by the safety time limit make a "no form" verdict inconclusive', () => {
    const result = downloadableForms.evaluate(withCandidates([methodology], 4), settings);
    expect(result.outcome).toBe('inconclusive');
    expect(result.reason.en).toContain('4 left unchecked');
  });

  it('minForms is met exactly and missed by one; one document counts once', () => {
    const form = (name: string) => file(name, { document: documentReading({ blanks: FORM_BLANKS }) });
    const two = [form('a.pdf'), form('b.pdf'), form('b.pdf')];
    expect(downloadableForms.evaluate(withCandidates(two), { ...settings, minForms: 2 }).outcome).toBe(
      'pass',
    );
    expect(downloadableForms.evaluate(withCandidates(two), { ...settings, minForms: 3 }).outcome).toBe(
      'fail',
    );
  });

  it('ignores file types that are not documents, and says when no document was linked at all', () => {
    const zip = file('formulario.zip', {
      fileType: 'zip',
      document: documentReading({ blanks: FORM_BLANKS }),
    });
    expect(downloadableForms.evaluate(withCandidates([zip]), settings).outcome).toBe('fail');
    const none = downloadableForms.evaluate(withCandidates([]), settings);
    expect(none.outcome).toBe('fail');
    expect(none.reason.en).toContain('No links to documents');
  });
});
