/**
 * Opens a downloaded document the way the report's evaluator did — "checks that a 'formulario' link really returns
 * a PDF/DOCX/ODT and that the document is a form to fill in" (methodology) — and says what is in it: its fillable
 * fields and labelled blanks, its title and first words. Bounded: the bytes were capped by the download, and the
 * readers stop at page, text, XML-node and field caps (data/verification.json).
 */
import type { DocumentReading } from '@egov-monitor/rubric';
import { verificationBudgets } from '../../data/index.js';
import { findBlanks } from './form-blanks.js';
import { readOffice } from './read-office.js';
import { readPdf } from './read-pdf.js';
import type { SniffedType } from './sniff.js';
import { clip } from '@egov-monitor/rubric';

const EXCERPT_CHARS = 240;

export type DocumentLimits = typeof verificationBudgets.downloads;

function notRead(format: string, problem: string): DocumentReading {
  return { read: false, problem, format, pages: null, title: '', excerpt: '', fields: [], blanks: [] };
}

/**
 * Reads `bytes` (the whole file, or its first `limits.maxBytes` when `complete` is false). Never throws: a file
 * that cannot be read comes back with `read: false` and the reason.
 */
export async function readDocument(
  bytes: Buffer,
  sniffed: SniffedType,
  options: { complete: boolean; limits?: DocumentLimits; byteCap?: number },
): Promise<DocumentReading> {
  const limits = options.limits ?? verificationBudgets.downloads;
  const format =
    sniffed === 'pdf'
      ? 'pdf'
      : sniffed === 'zip-office'
        ? 'zip'
        : sniffed === 'ole-office'
          ? 'doc/xls'
          : sniffed;
  if (sniffed === 'ole-office' || sniffed === 'rtf')
    return notRead(
      format,
      `${sniffed === 'rtf' ? 'RTF' : 'Word 97–2003 / Excel 97–2003 (OLE)'} files are not read`,
    );
  if (sniffed !== 'pdf' && sniffed !== 'zip-office') return notRead(format, 'not a document');
  if (!options.complete)
    return notRead(
      format,
      `larger than the ${options.byteCap ?? limits.maxBytes}-byte cap: not downloaded whole`,
    );
  try {
    if (sniffed === 'pdf') {
      const pdf = await readPdf(bytes, {
        maxPages: limits.maxPdfPages,
        maxTextChars: limits.maxTextChars,
        maxFields: limits.maxFields,
      });
      if (pdf.lines.length === 0 && pdf.fields.length === 0)
        return {
          ...notRead('pdf', 'no text layer (a scanned image?): its content cannot be read'),
          pages: pdf.pages,
          title: pdf.title,
        };
      return reading('pdf', pdf.pages, pdf.title, pdf.lines, pdf.fields, pdf.partial);
    }
    const office = readOffice(bytes, limits);
    return reading(office.format, office.pages, office.title, office.lines, office.fields, office.partial);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unreadable';
    if ((error as Error).name === 'PasswordException')
      return notRead(format, 'encrypted: it asks for a password');
    return notRead(format, `could not be read (${clip(message, 120)})`);
  }
}

function reading(
  format: string,
  pages: number | null,
  title: string,
  lines: string[],
  fields: DocumentReading['fields'],
  partial: string | undefined,
): DocumentReading {
  return {
    read: true,
    format,
    pages,
    title: clip(title || lines[0] || '', 160),
    excerpt: clip(lines.join(' · ').replace(/\t+/g, ' | '), EXCERPT_CHARS),
    fields,
    blanks: findBlanks(lines),
    ...(partial ? { partial } : {}),
  };
}
