/**
 * Every Handlebars helper the templates use, registered on an isolated instance, plus the escaping and
 * formatting functions behind them (exported for the TypeScript renderers and the tests).
 *
 * Markdown templates are compiled with `noEscape`, so any text that comes from a scanned site (titles, link
 * texts, selectors, URLs) must pass through `md`, `code` or `link`; HTML templates keep Handlebars' HTML escaping.
 */
import Handlebars from 'handlebars';
import type { Outcome } from '@egov-monitor/rubric';
import { localeOf, translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';

// C0/C1 controls and the bidi overrides that can make text read differently from what it is (Trojan Source).
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ZWSP = '\u200B';

/** One line of plain text: controls removed, any run of whitespace (newlines too) becomes one space. */
export function oneLine(text: unknown): string {
  return String(text ?? '')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text from a scanned site made inert for GitHub-flavoured Markdown, in running text and in table cells:
 * - backslash-escapes the punctuation that opens emphasis, links, images, raw HTML, entities, code and table cells;
 * - breaks what GitHub links after rendering, which a backslash cannot stop: @mentions, #123 and GH-123
 *   references, and bare-URL / www. / e-mail autolinks (a zero-width space after the trigger);
 * - escapes list and heading markers at the start, since the text may open a list item or a heading line.
 */
export function escapeMarkdown(text: unknown): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~&#!]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(mailto|xmpp):/gi, `$1${ZWSP}:`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/**
 * A code span: nothing inside is Markdown, HTML, a mention or a link. The fence is one backtick longer than the
 * longest run inside (CommonMark 6.1); `|` is escaped because GFM splits table cells even inside code spans.
 */
export function codeSpan(text: unknown): string {
  const body = oneLine(text).replace(/\|/g, '\\|');
  if (body === '') return '';
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** The URL if it is a web address we are willing to make clickable; anything else (javascript:, data:, mailto:) is shown, never linked. */
export function webUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** A link destination safe inside `<…>` and inside a table cell. */
function markdownDestination(url: URL): string {
  return url.href.replace(
    /[<>\\|\s`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Host and path, shortened, as the visible text of an evidence link. */
export function shortUrl(raw: unknown, max = 70): string {
  const url = webUrl(raw);
  const text = url
    ? `${url.host}${url.pathname === '/' && !url.search ? '' : url.pathname}${url.search}`
    : oneLine(raw);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One-click evidence: a Markdown link for http(s) URLs, a code span for anything else. */
export function markdownLink(raw: unknown, label?: unknown): string {
  const url = webUrl(raw);
  if (!url) return codeSpan(raw);
  const text =
    label === undefined || label === null || label === ''
      ? codeSpan(shortUrl(url.href))
      : escapeMarkdown(label);
  return `[${text}](<${markdownDestination(url)}>)`;
}

/**
 * A link whose text we wrote ourselves (`#12`, "informe completo"): the text is not escaped, so `#12` stays
 * `#12`; the destination is checked and encoded like any other.
 */
export function markdownLinkWithOwnText(raw: unknown, text: string): string {
  const url = webUrl(raw);
  return url ? `[${text}](<${markdownDestination(url)}>)` : text;
}

/** `<a>` for http(s) URLs, `<code>` for anything else; every piece HTML-escaped. */
export function htmlLink(raw: unknown, label?: unknown): string {
  const url = webUrl(raw);
  const text = Handlebars.escapeExpression(
    label === undefined || label === null || label === '' ? shortUrl(raw) : oneLine(label),
  );
  if (!url) return `<code>${Handlebars.escapeExpression(oneLine(raw))}</code>`;
  return `<a href="${Handlebars.escapeExpression(url.href)}">${text}</a>`;
}

// Building an Intl.NumberFormat costs far more than using one, and the observatory site formats numbers by the
// million (a trend table per site and language): one formatter per language and precision.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: unknown, lang: Lang, maximumFractionDigits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Signed difference, e.g. "+12" or "−3,5"; "—" when unknown. */
export function formatDelta(value: unknown, lang: Lang): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const abs = formatNumber(Math.abs(value), lang);
  return value > 0 ? `+${abs}` : value < 0 ? `−${abs}` : abs;
}

/** Dates in UTC with an explicit zone, so the same results print the same text on any machine. */
export function formatDate(iso: unknown, lang: Lang): string {
  if (typeof iso !== 'string') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return oneLine(iso);
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  }).format(date);
  return `${text} UTC`;
}

/** The day alone, in UTC: "2 de marzo de 2026". */
export function formatDay(iso: unknown, lang: Lang): string {
  if (typeof iso !== 'string') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return oneLine(iso);
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const OUTCOME_ICON: Record<Outcome, string> = {
  pass: '✅',
  fail: '❌',
  'not-applicable': '➖',
  error: '⚠️',
  inconclusive: '❔',
};

/** Icon *and* words: the outcome never rests on colour or a symbol alone (WCAG 2.2 SC 1.4.1). */
export function outcomeLabel(outcome: Outcome, lang: Lang): string {
  return `${OUTCOME_ICON[outcome] ?? '❔'} ${translate(lang, `outcome.${outcome}`)}`;
}

export function metLabel(met: boolean, outcome: Outcome, lang: Lang): string {
  if (outcome === 'error' || outcome === 'not-applicable' || outcome === 'inconclusive')
    return outcomeLabel(outcome, lang);
  return `${met ? OUTCOME_ICON.pass : OUTCOME_ICON.fail} ${translate(lang, `met.${String(met)}`)}`;
}

/** "1.4.3" from axe's "wcag143"; level tags ("wcag2aa") stay as "WCAG 2 AA". */
export function wcagCriterion(tag: string): string {
  const sc = /^wcag(\d)(\d)(\d+)$/.exec(tag);
  if (sc) return `${sc[1]}.${sc[2]}.${sc[3]}`;
  const level = /^wcag(2\d?)(a{1,3})$/.exec(tag);
  if (level) return `WCAG ${level[1]!.split('').join('.')} ${level[2]!.toUpperCase()}`;
  return tag;
}

/**
 * "3 Interactivo (60)" for one side of a comparison; "No evaluado" when the site could not be loaded in that run
 * (its level 0 then says nothing about the site); "—" when the site was not in that run.
 */
export function levelText(state: unknown, lang: Lang): string {
  if (state === null || typeof state !== 'object') return '—';
  const { level, points, status } = state as { level: number; points: number; status?: string };
  if (status === 'error') return translate(lang, 'levels.notEvaluated');
  return `${level} ${translate(lang, `levels.${level}`)} (${formatNumber(points, lang)})`;
}

function langOf(options: Handlebars.HelperOptions): Lang {
  const lang = (options.data?.root as { lang?: unknown } | undefined)?.lang;
  if (lang !== 'es' && lang !== 'en') throw new Error('render: the template context needs `lang`');
  return lang;
}

/** A Handlebars instance with every helper the templates use. `markdown` picks what `link` produces. */
export function createHandlebars(format: 'markdown' | 'html'): typeof Handlebars {
  const hb = Handlebars.create();
  const html = format === 'html';
  const wrap = (s: string): string | Handlebars.SafeString => (html ? new hb.SafeString(s) : s);

  hb.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    return translate(langOf(options), key, options.hash as Record<string, unknown>);
  });
  hb.registerHelper('md', (text: unknown) => escapeMarkdown(text));
  hb.registerHelper('code', (text: unknown) => codeSpan(text));
  hb.registerHelper('link', function (url: unknown, ...rest: unknown[]) {
    const label = rest.length > 1 ? rest[0] : undefined;
    return wrap(html ? htmlLink(url, label) : markdownLink(url, label));
  });
  hb.registerHelper('number', function (value: unknown, ...rest: unknown[]) {
    const options = rest[rest.length - 1] as Handlebars.HelperOptions;
    const digits = typeof rest[0] === 'number' ? rest[0] : 1;
    return formatNumber(value, langOf(options), digits);
  });
  hb.registerHelper('delta', (value: unknown, options: Handlebars.HelperOptions) =>
    formatDelta(value, langOf(options)),
  );
  hb.registerHelper('date', (iso: unknown, options: Handlebars.HelperOptions) =>
    formatDate(iso, langOf(options)),
  );
  hb.registerHelper('day', (iso: unknown, options: Handlebars.HelperOptions) =>
    formatDay(iso, langOf(options)),
  );
  hb.registerHelper('outcome', (outcome: Outcome, options: Handlebars.HelperOptions) =>
    outcomeLabel(outcome, langOf(options)),
  );
  hb.registerHelper('met', (met: boolean, outcome: Outcome, options: Handlebars.HelperOptions) =>
    metLabel(met, outcome, langOf(options)),
  );
  hb.registerHelper('wcag', (tags: unknown) =>
    Array.isArray(tags) ? tags.map((t) => wcagCriterion(String(t))).join(', ') : '',
  );
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('levelText', (state: unknown, options: Handlebars.HelperOptions) =>
    levelText(state, langOf(options)),
  );
  // Object entries sorted by key, so e.g. Lighthouse categories always print in the same order.
  hb.registerHelper('entries', (obj: unknown) =>
    obj && typeof obj === 'object'
      ? Object.entries(obj as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, value]) => ({ key, value }))
      : [],
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper(
    'gt',
    (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b,
  );
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('isNull', (a: unknown) => a === null || a === undefined);
  hb.registerHelper('len', (a: unknown) => (Array.isArray(a) ? a.length : 0));
  return hb;
}
