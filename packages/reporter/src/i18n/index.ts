import { LANGUAGES, isLanguage } from '@egov-monitor/rubric';
import type { Language } from '@egov-monitor/rubric';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

/** The report's languages: the rubric's list (every Localized text has them). */
export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;

type Messages = typeof es;
const MESSAGES: Record<Lang, Messages> = { es, en };

export function isLang(value: unknown): value is Lang {
  return isLanguage(value);
}

export function localeOf(lang: Lang): string {
  return MESSAGES[lang].locale;
}

/**
 * Looks a dotted key up in the language's labels and fills `{name}` placeholders. A missing key throws: a report
 * with a raw key in it is a bug we want the tests to catch, not a reader to find.
 */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  let node: unknown = MESSAGES[lang];
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`i18n: no label "${key}" for language "${lang}"`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every leaf key of a language's labels, for the test that keeps es and en in step. */
export function labelKeys(lang: Lang): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else keys.push(prefix);
  };
  walk(MESSAGES[lang], '');
  return keys.sort();
}
