import { describe, expect, it } from 'vitest';
import { makeDocument, makeZip } from '@egov-monitor/fixtures';
import type { DocumentSpec } from '@egov-monitor/fixtures';
import { verificationBudgets } from '../../data/index.js';
import { readDocument } from './read-document.js';
import { sniff } from './sniff.js';

async function read(spec: DocumentSpec) {
  const bytes = makeDocument(spec);
  return readDocument(bytes, sniff(bytes), { complete: true });
}

describe('reading downloaded documents', () => {
  it('a PDF: pages, title, text lines and AcroForm fields with their tooltips', async () => {
    const reading = await read({
      type: 'pdf',
      title: 'Formulario DL-01 Solicitud de licencia',
      lines: ['Llene el formulario en pantalla o imprímalo.'],
      fields: [
        { name: 'nombre', label: 'Nombre completo' },
        { name: 'dpi', label: 'Número de DPI' },
        { name: 'donante', label: 'Donante de órganos', type: 'checkbox' },
      ],
    });
    expect(reading).toMatchObject({
      read: true,
      format: 'pdf',
      pages: 1,
      title: 'Formulario DL-01 Solicitud de licencia',
      fields: [
        { name: 'donante', type: 'checkbox', label: 'Donante de órganos' },
        { name: 'dpi', type: 'text', label: 'Número de DPI' },
        { name: 'nombre', type: 'text', label: 'Nombre completo' },
      ],
    });
    expect(reading.excerpt).toContain('Llene el formulario en pantalla');
  });

  it('a DOCX with labelled blanks and a content control; an ODT with an input field', async () => {
    const docx = await read({
      type: 'docx',
      title: 'Solicitud de escrituración',
      lines: ['Nombre del adjudicatario: ______________', 'DPI: ____________'],
      fields: [{ name: 'lote', label: 'Número de lote' }],
    });
    expect(docx).toMatchObject({
      read: true,
      format: 'docx',
      pages: null,
      fields: [{ name: 'lote', type: 'text', label: 'Número de lote' }],
    });
    // The control's prompt ("Haga clic aquí…") is not text; the control is a field.
    expect(docx.blanks.map((b) => b.label)).toEqual(['Nombre del adjudicatario', 'DPI']);
    expect(docx.excerpt).not.toContain('Haga clic');
    const odt = await read({
      type: 'odt',
      title: 'Actualización de datos',
      lines: ['Nombre: ________'],
      fields: [{ name: 'tel', label: 'Teléfono' }],
    });
    expect(odt).toMatchObject({ read: true, format: 'odt', fields: [{ type: 'text', label: 'Teléfono' }] });
    expect(odt.title).toBe('Actualización de datos');
  });

  it('XLSX and ODS: label cells beside empty ones are blanks', async () => {
    for (const type of ['xlsx', 'ods'] as const) {
      const sheet = await read({
        type,
        title: 'Boleta de inscripción',
        lines: ['Nombre completo\t', 'DPI\t', 'Municipio:\t', 'Cuota\tQ 50.00'],
      });
      expect(sheet).toMatchObject({ read: true, format: type, pages: 1 });
      expect(sheet.blanks.map((b) => `${b.kind} ${b.label}`)).toEqual([
        'cell Nombre completo',
        'cell DPI',
        'empty Municipio',
      ]);
    }
  });

  it('a methodology PDF is read and has neither fields nor blanks', async () => {
    const reading = await read({
      type: 'pdf',
      title: 'Guía metodológica de formularios',
      lines: [
        '1. Objetivo: establecer los criterios para diseñar formularios.',
        'Fecha de aprobación: 12 de marzo de 2025',
      ],
    });
    expect(reading).toMatchObject({ read: true, fields: [], blanks: [] });
  });

  it('what cannot be read says why: truncated, damaged, old binary formats, no text layer', async () => {
    const pdf = makeDocument({ type: 'pdf', title: 'Formulario', lines: ['Nombre: ____'] });
    expect(await readDocument(pdf, 'pdf', { complete: false })).toMatchObject({
      read: false,
      problem: `larger than the ${verificationBudgets.downloads.maxBytes}-byte cap: not downloaded whole`,
    });
    expect(await readDocument(Buffer.from('%PDF-1.4 garbage'), 'pdf', { complete: true })).toMatchObject({
      read: false,
      problem: expect.stringMatching(/^could not be read/),
    });
    expect(
      await readDocument(Buffer.from('PK\x03\x04 not a zip'), 'zip-office', { complete: true }),
    ).toMatchObject({
      read: false,
      problem: expect.stringMatching(/damaged ZIP container/),
    });
    expect(
      await readDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'ole-office', { complete: true }),
    ).toMatchObject({
      read: false,
      problem: 'Word 97–2003 / Excel 97–2003 (OLE) files are not read',
    });
    const blank = makeDocument({ type: 'pdf', title: '', lines: [] })
      .toString('latin1')
      .replace(/\(\) Tj/g, '');
    expect(await readDocument(Buffer.from(blank, 'latin1'), 'pdf', { complete: true })).toMatchObject({
      read: false,
      problem: expect.stringContaining('no text layer'),
    });
  });

  it('stops at the work caps and says so; a ZIP part that would inflate past the cap is not opened', async () => {
    const long = makeDocument({
      type: 'docx',
      title: 'T',
      lines: Array.from({ length: 50 }, (_, i) => `Nombre ${i}: ______`),
    });
    const capped = await readDocument(long, 'zip-office', {
      complete: true,
      limits: { ...verificationBudgets.downloads, maxXmlNodes: 40 },
    });
    expect(capped.read).toBe(true);
    expect(capped.partial).toBe('first 40 XML elements read');
    expect(capped.blanks.length).toBeLessThan(50);
    const bomb = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(4096, 0x20) }]);
    expect(
      await readDocument(bomb, 'zip-office', {
        complete: true,
        limits: { ...verificationBudgets.downloads, maxPartBytes: 1024 },
      }),
    ).toMatchObject({
      read: false,
      problem: expect.stringContaining('word/document.xml is larger than 1024 bytes'),
    });
  });
});
