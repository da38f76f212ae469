/**
 * Charts for GitHub issues as Mermaid source (GitHub draws ```mermaid blocks): the report's bar charts as
 * `xychart-beta` and a site's level over time as a line. Pure; the numbers come from the same view the tables
 * print, and every chart is followed in the issue by a table or a line with its data (a reader without the
 * diagram, or with a screen reader, loses nothing).
 *
 * Text from sites (names) goes into quoted Mermaid strings: only letters, digits, spaces and harmless
 * punctuation are kept — a `"` would end the string, a backtick could end the Markdown fence, and `#…;` is a
 * Mermaid entity.
 */
import { oneLine } from './helpers.js';

const KEEP = /[^\p{L}\p{N} .,()'/:&¿?¡!%+\-ºª]/gu;

/** A label safe inside a quoted Mermaid string, at most `max` characters. */
export function mermaidText(text: unknown, max = 40): string {
  const clean = oneLine(String(text ?? '').replace(/"/g, "'"))
    .replace(KEEP, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** Numbers as Mermaid reads them: a dot for decimals, never a locale's comma; unknown as 0. */
function num(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '0' : String(Math.round(value * 100) / 100);
}

function list(items: string[]): string {
  return `[${items.join(', ')}]`;
}

export interface BarSeries {
  title: string;
  /** One short label per bar. */
  labels: string[];
  values: (number | null)[];
  axis: string;
  max: number;
  /** Bars drawn left to right from the category axis (long lists of names read better so). */
  horizontal?: boolean;
}

/** A bar chart; horizontal charts grow with the number of bars so that each label keeps its own line. */
export function mermaidBarChart(chart: BarSeries): string {
  const lines: string[] = [];
  if (chart.horizontal) {
    const height = Math.max(300, 80 + 26 * chart.labels.length);
    lines.push(`%%{init: {"xyChart": {"height": ${height}}}}%%`);
  }
  lines.push(
    `xychart-beta${chart.horizontal ? ' horizontal' : ''}`,
    `  accTitle: ${mermaidText(chart.title, 120)}`,
    `  title "${mermaidText(chart.title, 120)}"`,
    `  x-axis ${list(chart.labels.map((l) => `"${mermaidText(l)}"`))}`,
    `  y-axis "${mermaidText(chart.axis)}" 0 --> ${num(chart.max)}`,
    `  bar ${list(chart.values.map(num))}`,
  );
  return lines.join('\n');
}

/** One point of a site's level history: the run's date and the level, or null when it could not be evaluated. */
export interface LevelPoint {
  /** ISO date-time of the run. */
  date: string;
  level: number | null;
}

/**
 * The site's level run after run, as a line from 0 to 5. Runs where the site could not be evaluated have no
 * level: they are left out of the line (drawing them at 0 would read as "fell to level 0"), and the issue lists
 * them in words. Null when fewer than two runs have a level (one point is no history).
 */
export function mermaidLevelHistory(
  points: LevelPoint[],
  text: { title: string; axis: string },
): string | null {
  const evaluated = points.filter((p): p is LevelPoint & { level: number } => p.level !== null);
  if (evaluated.length < 2) return null;
  const days = evaluated.map((p) => p.date.slice(0, 10));
  // Two runs on one day need the time to tell them apart.
  const labels =
    new Set(days).size === days.length ? days : evaluated.map((p) => p.date.slice(0, 16).replace('T', ' '));
  return [
    'xychart-beta',
    `  accTitle: ${mermaidText(text.title, 120)}`,
    `  title "${mermaidText(text.title, 120)}"`,
    `  x-axis ${list(labels.map((l) => `"${mermaidText(l)}"`))}`,
    `  y-axis "${mermaidText(text.axis)}" 0 --> 5`,
    `  line ${list(evaluated.map((p) => String(p.level)))}`,
  ].join('\n');
}
