/**
 * Reads the office files a government site offers as forms: Word (DOCX), Writer (ODT), Excel (XLSX) and Calc
 * (ODS). They are ZIP containers of XML parts (ECMA-376, OpenDocument 1.2); fflate opens the ZIP and sax walks the
 * XML. Out come lines of text (a paragraph, or a table row whose cells are joined by CELL) and the fillable
 * fields: Word content controls and legacy form fields, ODF form controls and input fields, Excel drop-down lists.
 */
import type { DocumentField } from '@egov-monitor/rubric';
import { unzipSync } from 'fflate';
import sax from 'sax';
import { CELL } from './form-blanks.js';

export interface OfficeText {
  format: 'docx' | 'odt' | 'xlsx' | 'ods';
  /** Sheets of a spreadsheet; null for a text document. */
  pages: number | null;
  title: string;
  lines: string[];
  fields: DocumentField[];
  partial?: string;
}

export interface OfficeLimits {
  maxXmlNodes: number;
  maxPartBytes: number;
  maxTextChars: number;
  maxFields: number;
}

/** Thrown to stop a walk at its node cap; what was read stays. */
class WalkCap extends Error {}

/** The lines and fields of one XML part, built while sax walks it. */
class Reader {
  readonly lines: string[] = [];
  readonly fields: DocumentField[] = [];
  /** Text of the paragraph being read. */
  paragraph = '';
  /** Open table rows (tables nest): the cells finished so far and the text of the open cell. */
  readonly rows: { cells: string[]; cell: string }[] = [];
  chars = 0;
  capped = '';

  constructor(private readonly limits: OfficeLimits) {}

  text(value: string): void {
    this.paragraph += value;
  }

  /** A paragraph ends: into the open cell, or a line of its own. */
  endParagraph(): void {
    const text = this.paragraph.replace(/[ \u00a0]+/g, ' ').trim();
    this.paragraph = '';
    const row = this.rows.at(-1);
    if (row) {
      row.cell = row.cell ? `${row.cell} ${text}`.trim() : text;
      return;
    }
    this.pushLine(text);
  }

  pushLine(text: string): void {
    if (!text.replace(/\t/g, '').trim()) return;
    if (this.chars >= this.limits.maxTextChars) {
      this.capped ||= `first ${this.limits.maxTextChars} characters of text read`;
      return;
    }
    this.lines.push(text);
    this.chars += text.length;
  }

  startRow(): void {
    this.rows.push({ cells: [], cell: '' });
  }

  /** A cell ends; `repeat` empty copies of it for spreadsheets that compress runs of empty cells. */
  endCell(repeat = 1): void {
    const row = this.rows.at(-1);
    if (!row) return;
    if (this.paragraph.trim()) this.endParagraph();
    row.cells.push(row.cell);
    if (!row.cell) for (let i = 1; i < Math.min(repeat, 3); i += 1) row.cells.push('');
    row.cell = '';
  }

  endRow(): void {
    const row = this.rows.pop();
    if (!row) return;
    // Trailing empty cells say nothing; one is kept after a label ("Nombre" | "").
    while (row.cells.length > 1 && !row.cells.at(-1) && !row.cells.at(-2)) row.cells.pop();
    const line = row.cells.join(CELL);
    const outer = this.rows.at(-1);
    if (outer) outer.cell = `${outer.cell} ${row.cells.filter(Boolean).join(' ')}`.trim();
    else this.pushLine(line);
  }

  field(field: DocumentField): void {
    if (this.fields.length >= this.limits.maxFields) {
      this.capped ||= `first ${this.limits.maxFields} fields kept`;
      return;
    }
    this.fields.push(field);
  }
}

type Attributes = Record<string, string>;

interface Handlers {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(value: string): void;
}

/** Walks one XML part with sax (strict, names as written with their prefix), stopping after `maxNodes` elements. */
function walk(xml: string, handlers: Handlers, maxNodes: number): { capped: boolean; nodes: number } {
  const parser = sax.parser(true, { trim: false, normalize: false, position: false });
  let nodes = 0;
  parser.onopentag = (node) => {
    nodes += 1;
    if (nodes > maxNodes) throw new WalkCap();
    handlers.open(node.name, node.attributes as Attributes);
  };
  parser.onclosetag = (name) => handlers.close(name);
  parser.ontext = (value) => handlers.text(value);
  parser.oncdata = (value) => handlers.text(value);
  parser.onerror = (error) => {
    throw error;
  };
  try {
    parser.write(xml).close();
    return { capped: false, nodes };
  } catch (error) {
    if (error instanceof WalkCap) return { capped: true, nodes };
    throw new Error(`damaged XML: ${(error as Error).message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------- Word (WordprocessingML)

/** Wingdings/Symbol characters Word uses for empty checkboxes in text (☐). */
const BOX_SYMBOLS = new Set(['F0A8', 'F06F', 'F071', 'F072', '00A8', 'F0FE', 'F078']);

function readDocx(xml: string, reader: Reader, maxNodes: number): boolean {
  let inText = false;
  let inDeleted = 0;
  /** Open content controls: their properties, gathered until the control's content starts. */
  const controls: {
    label: string;
    name: string;
    type: string | null;
    skip: boolean;
    placeholder: boolean;
    inContent: boolean;
  }[] = [];
  let inProperties = false;
  let formField: { name: string; type: string; label: string } | null = null;
  const { capped } = walk(
    xml,
    {
      open(name, a) {
        switch (name) {
          case 'w:t':
            inText = true;
            break;
          case 'w:del':
            inDeleted += 1;
            break;
          case 'w:tab':
            if (!inProperties) reader.text(CELL);
            break;
          case 'w:br':
          case 'w:cr':
            reader.text(' ');
            break;
          case 'w:sym':
            if (BOX_SYMBOLS.has((a['w:char'] ?? '').toUpperCase())) reader.text('☐ ');
            break;
          case 'w:tr':
            reader.startRow();
            break;
          case 'w:sdt':
            controls.push({
              label: '',
              name: '',
              type: null,
              skip: false,
              placeholder: false,
              inContent: false,
            });
            break;
          case 'w:sdtPr':
            inProperties = true;
            break;
          case 'w:alias':
            if (controls.at(-1)) controls.at(-1)!.label = a['w:val'] ?? '';
            break;
          case 'w:tag':
            if (controls.at(-1)) controls.at(-1)!.name = a['w:val'] ?? '';
            break;
          case 'w:showingPlcHdr':
            // A control showing its placeholder waits for the citizen's text.
            if (inProperties && controls.at(-1)) {
              controls.at(-1)!.placeholder = true;
              controls.at(-1)!.type ??= 'text';
            }
            break;
          case 'w:text':
            if (inProperties && controls.at(-1) && !controls.at(-1)!.type) controls.at(-1)!.type = 'text';
            break;
          case 'w:sdtContent':
            if (controls.at(-1)) controls.at(-1)!.inContent = true;
            break;
          case 'w14:checkbox':
          case 'w:checkbox':
            if (inProperties && controls.at(-1)) controls.at(-1)!.type = 'checkbox';
            break;
          case 'w:dropDownList':
          case 'w:comboBox':
            if (inProperties && controls.at(-1)) controls.at(-1)!.type = 'choice';
            break;
          case 'w:date':
            if (inProperties && controls.at(-1)) controls.at(-1)!.type = 'date';
            break;
          case 'w:docPartObj':
          case 'w:docPartList':
          case 'w:bibliography':
          case 'w:citation':
            // A table of contents or a citation block, not something to fill in.
            if (inProperties && controls.at(-1)) controls.at(-1)!.skip = true;
            break;
          // Legacy form fields (Word 97's FORMTEXT, FORMCHECKBOX, FORMDROPDOWN).
          case 'w:ffData':
            formField = { name: '', type: 'text', label: '' };
            break;
          case 'w:name':
            if (formField) formField.name = a['w:val'] ?? '';
            break;
          case 'w:checkBox':
            if (formField) formField.type = 'checkbox';
            break;
          case 'w:ddList':
            if (formField) formField.type = 'choice';
            break;
          case 'w:statusText':
          case 'w:helpText':
            if (formField && !formField.label) formField.label = a['w:val'] ?? '';
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:del':
            inDeleted -= 1;
            break;
          case 'w:p':
            reader.endParagraph();
            break;
          case 'w:tc':
            reader.endCell();
            break;
          case 'w:tr':
            reader.endRow();
            break;
          case 'w:sdtPr': {
            inProperties = false;
            const control = controls.at(-1);
            if (control && control.type && !control.skip)
              reader.field({ name: control.name || control.label, type: control.type, label: control.label });
            break;
          }
          case 'w:sdt':
            controls.pop();
            break;
          case 'w:ffData':
            if (formField) reader.field(formField);
            formField = null;
            break;
        }
      },
      text(value) {
        // "Haga clic aquí para escribir texto." is the empty control's prompt, not the document's text.
        const prompt = controls.some((c) => c.placeholder && c.inContent);
        if (inText && inDeleted === 0 && !prompt) reader.text(value);
      },
    },
    maxNodes,
  );
  return capped;
}

// ---------------------------------------------------------------- OpenDocument (Writer and Calc)

const ODF_CONTROLS: Record<string, string> = {
  'form:text': 'text',
  'form:textarea': 'text',
  'form:formatted-text': 'text',
  'form:number': 'text',
  'form:password': 'text',
  'form:date': 'date',
  'form:time': 'date',
  'form:checkbox': 'checkbox',
  'form:radio': 'radio',
  'form:listbox': 'choice',
  'form:combobox': 'choice',
  'form:button': 'button',
};

/** content.xml of an ODT or ODS; returns the number of sheets (top-level tables of a spreadsheet). */
function readOdf(xml: string, reader: Reader, maxNodes: number): { capped: boolean; tables: number } {
  let skip = 0;
  let tables = 0;
  let tableDepth = 0;
  const { capped } = walk(
    xml,
    {
      open(name, a) {
        // Comments and footnotes are not the form's text.
        if (name === 'office:annotation' || name === 'text:note') skip += 1;
        const control = ODF_CONTROLS[name];
        if (control) {
          reader.field({
            name: a['form:name'] ?? '',
            type: control,
            label: a['form:label'] ?? a['form:title'] ?? '',
          });
          return;
        }
        switch (name) {
          case 'text:text-input':
            reader.field({
              name: a['text:description'] ?? 'input field',
              type: 'text',
              label: a['text:description'] ?? '',
            });
            break;
          case 'text:tab':
            reader.text(CELL);
            break;
          case 'text:s':
            reader.text(' '.repeat(Math.min(Number(a['text:c'] ?? 1) || 1, 8)));
            break;
          case 'text:line-break':
            reader.text(' ');
            break;
          case 'table:table':
            if (tableDepth === 0) tables += 1;
            tableDepth += 1;
            break;
          case 'table:table-row':
            reader.startRow();
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'office:annotation':
          case 'text:note':
            skip -= 1;
            break;
          case 'text:p':
          case 'text:h':
            if (skip === 0) reader.endParagraph();
            else reader.paragraph = '';
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            reader.endCell();
            break;
          case 'table:table-row':
            reader.endRow();
            break;
          case 'table:table':
            tableDepth -= 1;
            break;
        }
      },
      text(value) {
        if (skip === 0) reader.text(value);
      },
    },
    maxNodes,
  );
  return { capped, tables };
}

// ---------------------------------------------------------------- Excel (SpreadsheetML)

function readSharedStrings(xml: string, maxNodes: number): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = 0;
  walk(
    xml,
    {
      open(name) {
        if (name === 'si') current = '';
        else if (name === 't') inText = true;
        else if (name === 'rPh') inPhonetic += 1;
      },
      close(name) {
        if (name === 'si') {
          strings.push(current ?? '');
          current = null;
        } else if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic -= 1;
      },
      text(value) {
        if (inText && inPhonetic === 0 && current !== null) current += value;
      },
    },
    maxNodes,
  );
  return strings;
}

/** "C7" → 2 (zero-based column). */
function columnOf(reference: string | undefined): number | null {
  const letters = /^([A-Z]+)\d+$/.exec(reference ?? '')?.[1];
  if (!letters) return null;
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

const MAX_COLUMNS = 40;

function readSheet(
  xml: string,
  shared: string[],
  reader: Reader,
  maxNodes: number,
): { capped: boolean; nodes: number } {
  let cells: string[] = [];
  let cell: { column: number; type: string; text: string } | null = null;
  let inValue = false;
  return walk(
    xml,
    {
      open(name, a) {
        if (name === 'row') cells = [];
        else if (name === 'c') cell = { column: columnOf(a.r) ?? cells.length, type: a.t ?? 'n', text: '' };
        else if (name === 'v' || name === 't') inValue = true;
        else if (name === 'dataValidation' && a.type === 'list')
          reader.field({ name: a.sqref ?? '', type: 'choice', label: a.promptTitle ?? a.prompt ?? '' });
      },
      close(name) {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c' && cell) {
          const value = cell.type === 's' ? (shared[Number(cell.text)] ?? '') : cell.text;
          if (cell.column < MAX_COLUMNS) {
            while (cells.length < cell.column) cells.push('');
            cells[cell.column] = value.replace(/\s+/g, ' ').trim();
          }
          cell = null;
        } else if (name === 'row') {
          // A label cell followed by a styled empty one is where the citizen writes; keep one empty cell after text.
          while (cells.length > 1 && !cells.at(-1) && !cells.at(-2)) cells.pop();
          reader.pushLine(cells.join(CELL));
        }
      },
      text(value) {
        if (inValue && cell) cell.text += value;
      },
    },
    maxNodes,
  );
}

// ---------------------------------------------------------------- the container

function decode(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder('utf-8').decode(bytes) : '';
}

/** dc:title of docProps/core.xml or meta.xml. */
function titleOf(xml: string): string {
  let title = '';
  let inTitle = false;
  if (!xml) return '';
  try {
    walk(
      xml,
      {
        open: (name) => void (inTitle = name === 'dc:title'),
        close: () => void (inTitle = false),
        text: (value) => void (inTitle && (title += value)),
      },
      2_000,
    );
  } catch {
    return '';
  }
  return title.replace(/\s+/g, ' ').trim();
}

function sheetNumber(name: string): number {
  return Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

const MAX_SHEETS = 20;

/** Reads a DOCX, ODT, XLSX or ODS from its bytes; throws with a plain reason when it cannot. */
export function readOffice(bytes: Uint8Array, limits: OfficeLimits): OfficeText {
  const tooBig: string[] = [];
  let inflated = 0;
  const wanted = (name: string) =>
    name === 'mimetype' ||
    name === 'content.xml' ||
    name === 'meta.xml' ||
    name === 'word/document.xml' ||
    name === 'docProps/core.xml' ||
    name === 'xl/sharedStrings.xml' ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        // The parts read may inflate to `maxPartBytes` in all; a part past it is not opened (a ZIP bomb stops here,
        // and fflate never inflates past the size a part declares).
        if (inflated + file.originalSize > limits.maxPartBytes) {
          tooBig.push(file.name);
          return false;
        }
        inflated += file.originalSize;
        return true;
      },
    });
  } catch (error) {
    throw new Error(`damaged ZIP container: ${(error as Error).message}`);
  }
  const reader = new Reader(limits);
  const mimetype = decode(parts.mimetype).trim();
  let format: OfficeText['format'];
  let pages: number | null = null;
  let title = '';
  let capped = false;
  if (
    mimetype === 'application/vnd.oasis.opendocument.text' ||
    mimetype === 'application/vnd.oasis.opendocument.spreadsheet'
  ) {
    format = mimetype.endsWith('text') ? 'odt' : 'ods';
    if (!parts['content.xml'])
      throw new Error(
        tooBig.length ? `content.xml is larger than ${limits.maxPartBytes} bytes` : 'no content.xml',
      );
    const odf = readOdf(decode(parts['content.xml']), reader, limits.maxXmlNodes);
    capped = odf.capped;
    if (format === 'ods') pages = odf.tables;
    title = titleOf(decode(parts['meta.xml']));
  } else if (parts['word/document.xml'] || tooBig.includes('word/document.xml')) {
    format = 'docx';
    if (!parts['word/document.xml'])
      throw new Error(`word/document.xml is larger than ${limits.maxPartBytes} bytes`);
    capped = readDocx(decode(parts['word/document.xml']), reader, limits.maxXmlNodes);
    title = titleOf(decode(parts['docProps/core.xml']));
  } else {
    const sheets = Object.keys(parts)
      .filter((name) => name.startsWith('xl/worksheets/'))
      .sort((a, b) => sheetNumber(a) - sheetNumber(b));
    if (sheets.length === 0)
      throw new Error(
        tooBig.length
          ? `${tooBig[0]} is larger than ${limits.maxPartBytes} bytes`
          : 'not an office document (no Word, Excel or OpenDocument part)',
      );
    format = 'xlsx';
    pages = sheets.length;
    const shared = readSharedStrings(decode(parts['xl/sharedStrings.xml']), limits.maxXmlNodes);
    // One node budget for all the sheets: a workbook of many sheets costs what one big sheet costs.
    let nodesLeft = limits.maxXmlNodes;
    for (const sheet of sheets.slice(0, MAX_SHEETS)) {
      const walked = readSheet(decode(parts[sheet]), shared, reader, nodesLeft);
      nodesLeft -= walked.nodes;
      if (walked.capped || nodesLeft <= 0) {
        capped = true;
        break;
      }
    }
    if (sheets.length > MAX_SHEETS) reader.capped ||= `first ${MAX_SHEETS} of ${sheets.length} sheets read`;
    title = titleOf(decode(parts['docProps/core.xml']));
  }
  const partial = [
    capped ? `first ${limits.maxXmlNodes} XML elements read` : '',
    reader.capped,
    tooBig.length ? `${tooBig.join(', ')} not read (larger than ${limits.maxPartBytes} bytes)` : '',
  ].filter(Boolean);
  return {
    format,
    pages,
    title,
    lines: reader.lines,
    fields: reader.fields,
    ...(partial.length ? { partial: partial.join('; ') } : {}),
  };
}
