import { describe, expect, it } from 'vitest';
import type { DownloadCandidate } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, downloadCandidate, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { downloadableForms } from './downloadable-forms.js';

const settings = defaultRubric.criteria.downloadable_forms;

function withCandidates(candidates: DownloadCandidate[]) {
  return withGathered(evidenceMeeting([]), { downloads: ok({ candidates }) });
}
const file = (name: string, patch: Partial<DownloadCandidate> = {}) =>
  downloadCandidate(`${SITE}documentos`, `${SITE}docs/${name}`, patch);

describe('downloadable_forms', () => {
  it.each([
    ['Formulario de inscripción', 'a.pdf', ''],
    ['Descargar', 'solicitud-de-licencia.pdf', ''],
    ['Descargar', 'doc-123.pdf', 'Boleta de pago de arbitrios'],
    ['Declaración Jurada Patrimonial', 'dj.docx', ''],
    ['Application form', 'apply.odt', ''],
  ])('"%s" (%s, context "%s") is a citizen form', (linkText, name, context) => {
    const result = downloadableForms.evaluate(withCandidates([file(name, { linkText, context })]), settings);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toContain(`${SITE}docs/${name}`);
  });

  it.each([
    ['Memoria de labores 2025', 'memoria.pdf', ''],
    ['Boletín informativo', 'boletin.pdf', 'Formularios y publicaciones'],
    ['Descargar', 'x.pdf', 'Informes y formularios'],
    ['Informe de solicitudes atendidas', 'informe.pdf', ''],
    ['Annual report', 'report.pdf', ''],
    ['Presupuesto 2026', 'presupuesto.xlsx', ''],
  ])('"%s" (%s, context "%s") is not a form', (linkText, name, context) => {
    expect(downloadableForms.evaluate(withCandidates([file(name, { linkText, context })]), settings).outcome).toBe('fail');
  });

  it('a form link that does not really download fails, with the problem in the reason', () => {
    const broken = file('formulario.pdf', {
      linkText: 'Formulario',
      check: { status: 200, contentType: 'text/html', bytes: 5120, ok: false, problem: 'HTML error page instead of a PDF' },
    });
    const result = downloadableForms.evaluate(withCandidates([broken]), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('HTML error page instead of a PDF');
  });

  it('minForms is met exactly and missed by one', () => {
    const two = [file('formulario-a.pdf', { linkText: 'Formulario A' }), file('formulario-b.pdf', { linkText: 'Formulario B' })];
    expect(downloadableForms.evaluate(withCandidates(two), { ...settings, minForms: 2 }).outcome).toBe('pass');
    expect(downloadableForms.evaluate(withCandidates(two), { ...settings, minForms: 3 }).outcome).toBe('fail');
  });

  it('ignores file types that are not documents', () => {
    const zip = file('formulario.zip', { linkText: 'Formulario', fileType: 'zip' });
    expect(downloadableForms.evaluate(withCandidates([zip]), settings).outcome).toBe('fail');
  });
});
