/**
 * Reads a PDF with pdf.js (through unpdf's build for servers, which needs no worker file and bundles into the
 * Action): its AcroForm fields (the whole document) and the text of its first pages, as lines.
 */
import type { DocumentField } from '@egov-monitor/rubric';
import { getDocumentProxy } from 'unpdf';
import { CELL } from './form-blanks.js';

export interface PdfText {
  pages: number;
  title: string;
  lines: string[];
  fields: DocumentField[];
  /** Set when a work cap stopped the reading. */
  partial?: string;
}

export interface PdfLimits {
  maxPages: number;
  maxTextChars: number;
  maxFields: number;
}

/** pdf.js field types in the words the evidence uses. */
const FIELD_TYPES: Record<string, string> = {
  text: 'text',
  checkbox: 'checkbox',
  radiobutton: 'radio',
  combobox: 'choice',
  listbox: 'choice',
  button: 'button',
  signature: 'signature',
};

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
}

/** Text items into lines: a new line at an end-of-line mark or when the baseline moves; a wide gap is a cell break. */
function toLines(items: TextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEnd: number | null = null;
  for (const item of items) {
    const x = item.transform?.[4] ?? null;
    const y = item.transform?.[5] ?? null;
    if (y !== null && lastY !== null && Math.abs(y - lastY) > 2) {
      if (line.trim()) lines.push(line.trim());
      line = '';
      lastEnd = null;
    }
    if (x !== null && lastEnd !== null && x - lastEnd > 40 && line) line += CELL;
    line += item.str;
    if (item.hasEOL) {
      if (line.trim()) lines.push(line.trim());
      line = '';
      lastEnd = null;
    } else if (x !== null) {
      lastEnd = x + (item.width ?? 0);
    }
    if (y !== null) lastY = y;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  // A copy: pdf.js takes ownership of the buffer it is given (it may transfer or detach it).
  const doc = await getDocumentProxy(new Uint8Array(bytes), {
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const partial: string[] = [];
    const metadata = await doc.getMetadata().catch(() => null);
    const info = (metadata?.info ?? {}) as { Title?: unknown; IsXFAPresent?: unknown };
    const fields: DocumentField[] = [];
    const fieldObjects = ((await doc.getFieldObjects().catch(() => null)) ?? {}) as Record<
      string,
      { name?: string; type?: string }[]
    >;
    for (const [name, widgets] of Object.entries(fieldObjects).sort(([a], [b]) => a.localeCompare(b))) {
      const type = FIELD_TYPES[widgets[0]?.type ?? ''] ?? widgets[0]?.type ?? 'unknown';
      fields.push({ name, type, label: '' });
    }
    // A dynamic XFA form keeps its fields in XML that pdf.js does not list: XFA exists only to make forms.
    if (info.IsXFAPresent === true && fields.length === 0)
      fields.push({ name: 'XFA', type: 'xfa', label: 'XML Forms Architecture form' });
    if (fields.length > limits.maxFields) {
      fields.length = limits.maxFields;
      partial.push(`first ${limits.maxFields} fields kept`);
    }

    const labels = new Map<string, string>();
    const lines: string[] = [];
    let chars = 0;
    const pages = Math.min(doc.numPages, limits.maxPages);
    if (doc.numPages > pages) partial.push(`text of the first ${pages} of ${doc.numPages} pages read`);
    for (let number = 1; number <= pages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      for (const text of toLines(content.items as TextItem[])) {
        if (chars >= limits.maxTextChars) break;
        lines.push(text);
        chars += text.length;
      }
      for (const annotation of (await page.getAnnotations().catch(() => [])) as {
        fieldName?: string;
        alternativeText?: string;
      }[]) {
        if (annotation.fieldName && annotation.alternativeText)
          labels.set(annotation.fieldName, annotation.alternativeText.replace(/\s+/g, ' ').trim());
      }
      page.cleanup();
      if (chars >= limits.maxTextChars) {
        partial.push(`first ${limits.maxTextChars} characters of text read`);
        break;
      }
    }
    for (const field of fields) field.label = labels.get(field.name) ?? '';
    const title = typeof info.Title === 'string' ? info.Title.trim() : '';
    return {
      pages: doc.numPages,
      title,
      lines,
      fields,
      ...(partial.length ? { partial: partial.join('; ') } : {}),
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
