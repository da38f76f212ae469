/**
 * Calendar dates in visible text, Spanish first (dd/mm/yyyy, "14 de noviembre de 2026", "lunes, 14 de
 * noviembre de 2026", "nov. 14, 2026") and English ("November 14, 2026"), with chrono-node in strict mode: only
 * complete dates (day, month and year written) count, never "hoy" or a bare year.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';

const SPANISH_MONTHS: Record<string, number> = {
  ene: 1,
  enero: 1,
  feb: 2,
  febrero: 2,
  mar: 3,
  marzo: 3,
  abr: 4,
  abril: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  jul: 7,
  julio: 7,
  ago: 8,
  agosto: 8,
  sep: 9,
  sept: 9,
  set: 9,
  septiembre: 9,
  setiembre: 9,
  oct: 10,
  octubre: 10,
  nov: 11,
  noviembre: 11,
  dic: 12,
  diciembre: 12,
};

/**
 * chrono.es reads day-first dates only; Central American sites also write "nov. 14, 2026" / "noviembre 14 de
 * 2026" (month first), so the Spanish parser gets one extra pattern.
 */
const spanish = chrono.es.strict.clone();
spanish.parsers.push({
  pattern: () =>
    /(?<![\p{L}\d])(ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sept?(?:iembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)\.?\s+(\d{1,2})(?:,|\s+de)?\s+(\d{4})(?!\d)/iu,
  extract: (_context, match) => {
    const month = SPANISH_MONTHS[(match[1] ?? '').toLowerCase()];
    const day = Number(match[2]);
    const year = Number(match[3]);
    if (!month || day < 1 || day > 31) return null;
    return { day, month, year };
  },
});

export interface TextDate {
  /** YYYY-MM-DD as written (no time zone shift). */
  date: string;
  /** The words the date was read from. */
  text: string;
  /** Offset in the text. */
  index: number;
}

function calendarDate(result: ParsedResult): string | null {
  const { start } = result;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  // A real calendar date (31/02 is not one) within plausible years for a web page.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || year < 1990 || year > 2100) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every complete date in the text, in order. Numeric dates are day-first (Spanish usage). */
export function datesInText(text: string, reference: Date): TextDate[] {
  const found: TextDate[] = [];
  const covered: [number, number][] = [];
  for (const result of spanish.parse(text, reference)) {
    const date = calendarDate(result);
    if (!date) continue;
    found.push({ date, text: result.text, index: result.index });
    covered.push([result.index, result.index + result.text.length]);
  }
  for (const result of chrono.en.strict.parse(text, reference)) {
    // English month names only: numeric dates were read day-first above, and en would read them month-first.
    if (!/\p{L}/u.test(result.text)) continue;
    const start = result.index;
    const end = start + result.text.length;
    if (covered.some(([a, b]) => start < b && end > a)) continue;
    const date = calendarDate(result);
    if (date) found.push({ date, text: result.text, index: start });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A date value from markup: ISO (the date part as written by the publisher) or free text. */
export function dateFromValue(value: string, reference: Date): string | null {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) {
    const [, y, m, d] = iso;
    const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return check.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
  }
  const http = Date.parse(value);
  if (/^\w{3}, \d{2} \w{3} \d{4}/.test(value) && !Number.isNaN(http))
    return new Date(http).toISOString().slice(0, 10);
  return datesInText(value, reference)[0]?.date ?? null;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
