/**
 * Geometry of the report's three charts as simple horizontal bar charts, drawn as inline SVG by report.html.hbs.
 * Computed here so the template stays a layout and the numbers are testable.
 */
export interface Bar {
  label: string;
  /** Full label for the tooltip when the visible one was shortened. */
  fullLabel: string;
  value: number | null;
  valueText: string;
  y: number;
  width: number;
}

export interface BarChart {
  id: string;
  title: string;
  width: number;
  height: number;
  labelWidth: number;
  barArea: number;
  rowHeight: number;
  barHeight: number;
  bars: Bar[];
  /** Vertical grid lines with their value, e.g. 0, 20, … 100. */
  ticks: { x: number; label: string }[];
}

const LABEL_WIDTH = 280;
const BAR_AREA = 420;
const ROW = 24;
const BAR = 16;
const TOP = 8;
const AXIS = 24;
const MAX_LABEL = 38;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function barChart(
  id: string,
  title: string,
  rows: { label: string; value: number | null }[],
  max: number,
  tickStep: number,
  format: (value: number | null) => string,
): BarChart {
  const scale = max > 0 ? BAR_AREA / max : 0;
  const ticks: { x: number; label: string }[] = [];
  for (let v = 0; v <= max; v += tickStep)
    ticks.push({ x: LABEL_WIDTH + Math.round(v * scale), label: format(v) });
  return {
    id,
    title,
    width: LABEL_WIDTH + BAR_AREA + 60,
    height: TOP + rows.length * ROW + AXIS,
    labelWidth: LABEL_WIDTH,
    barArea: BAR_AREA,
    rowHeight: ROW,
    barHeight: BAR,
    bars: rows.map((row, i) => ({
      label: shorten(row.label),
      fullLabel: row.label,
      value: row.value,
      valueText: format(row.value),
      y: TOP + i * ROW,
      width: row.value === null ? 0 : Math.max(0, Math.round(row.value * scale)),
    })),
    ticks,
  };
}

/** A tick every 1, 2, 5, 10… so a count axis has at most about six lines. */
export function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return Math.max(1, m * magnitude);
  return Math.max(1, 10 * magnitude);
}
