import { localeOf } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';

const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** A run's day, in UTC like every date the reporter prints: "5 mar 2026", "Mar 5, 2026". */
export function formatDay(iso: string, lang: Lang): string {
  let format = formatters.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(lang, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** The smallest "nice" ceiling for a count axis (5, 10, 20, 50, 100…), at least 5. */
export function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}
