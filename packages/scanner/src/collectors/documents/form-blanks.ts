/**
 * The places a printed form leaves for the citizen to write, found in a document's text the way a person sees
 * them: "Nombre: ________", "Fecha: ___/___/____", "DPI:" with nothing after it, a "Nombre" cell beside an empty
 * one, "[ ] Sí  [ ] No", "☐ Soltero". A report, a methodology or a law has labels followed by their content, not by
 * blanks, so counting blanks tells a form to fill in from a document about forms.
 */
import type { DocumentBlank } from '@egov-monitor/rubric';
import { phrases } from '../../data/index.js';
import { normalizeText } from '@egov-monitor/rubric';

/** Cells of a table row, and text separated by tab stops, are joined with this (one line per paragraph or row). */
export const CELL = '\t';

/**
 * A drawn line to write on: a date's "__/__/____", underscores, dots or an ellipsis run (a dash run is a rule, not
 * a blank).
 */
const RUN = /_+(?:\s*\/\s*_+){1,2}|_{3,}|\.{5,}|…{3,}/g;
/** A checkbox and the option beside it. */
const CHECKBOX = /(?:\[\s{0,2}\]|\(\s{1,2}\)|[☐□❏❑◻])\s*([\p{L}][\p{L}\p{N}'’.\- ]{0,40})?/gu;
const MAX_LABEL_WORDS = 8;
const MAX_LABEL_CHARS = 60;

/** The label a blank belongs to: the last words before it, without the colon, currency sign or "No.". */
function labelBefore(text: string): string {
  const clause = text.split(/;|\.\s|,\s(?=\p{Ll})/u).pop() ?? '';
  const cleaned = clause
    .replace(/\s*(?:Q|\$|US\$|No\.?|Nº|#)\s*$/u, '')
    .replace(/[\s:.,\-–]+$/u, '')
    .replace(/^[\s:.,\-–]+/u, '')
    .trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  const label = words.slice(-MAX_LABEL_WORDS).join(' ');
  return /\p{L}/u.test(label) && label.length <= MAX_LABEL_CHARS ? label : '';
}

function isFormLabel(label: string): boolean {
  return label.split(/\s+/).length <= 6 && phrases('formFieldLabels').test(label);
}

/** Blanks of one segment (a paragraph, a cell, the text between two tab stops). */
function segmentBlanks(segment: string, next: string | undefined, found: DocumentBlank[]): void {
  let from = 0;
  let sawRun = false;
  for (const run of segment.matchAll(RUN)) {
    const index = run.index ?? 0;
    const before = segment.slice(from, index);
    from = index + run[0].length;
    const after = segment.slice(from);
    // A table of contents: "Introducción ........ 3" is a dot leader to a page number, not a place to write.
    if (/^\s*\d+\s*$/.test(after.split(/_{3,}|\.{5,}/)[0] ?? '') && run[0].startsWith('.')) continue;
    // "Fecha: ___/___/______" is one blank: the runs after the first continue it.
    if (/^[\s/-]*$/.test(before) && sawRun) continue;
    sawRun = true;
    const label = labelBefore(before);
    if (label) found.push({ label, kind: 'line' });
  }
  const rest = sawRun ? '' : segment;
  // "DPI:" with nothing after it: only for labels a form asks for, since headings end with a colon too.
  const bare = /^(.{1,60}?)\s*:\s*$/u.exec(rest.trim());
  if (bare && isFormLabel(bare[1]!)) found.push({ label: bare[1]!.trim(), kind: 'empty' });
  // A "Nombre completo" cell beside an empty one.
  const text = rest.trim();
  if (!bare && text && next !== undefined && next.trim() === '' && isFormLabel(text))
    found.push({ label: text, kind: 'cell' });
  for (const box of segment.matchAll(CHECKBOX)) {
    const option = (box[1] ?? '')
      .trim()
      .split(/\s{2,}/)[0]!
      .trim();
    found.push({ label: option || 'casilla', kind: 'checkbox' });
  }
}

/** Distinct labelled blanks of the document's lines, in reading order, at most `max`. */
export function findBlanks(lines: readonly string[], max = 100): DocumentBlank[] {
  const found: DocumentBlank[] = [];
  for (const line of lines) {
    const segments = line.split(CELL);
    segments.forEach((segment, i) => segmentBlanks(segment, segments[i + 1], found));
    if (found.length >= max * 2) break;
  }
  const seen = new Set<string>();
  const distinct: DocumentBlank[] = [];
  for (const blank of found) {
    const key = `${blank.kind === 'checkbox' ? 'checkbox ' : ''}${normalizeText(blank.label)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(blank);
    if (distinct.length >= max) break;
  }
  return distinct;
}
