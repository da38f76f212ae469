/**
 * Geometry of the trend charts: lines over the runs, drawn as inline SVG by the line-chart partial. Computed here
 * so templates stay layout and the numbers are testable. Runs are evenly spaced (the history is a sequence of
 * runs, usually on a schedule); a run without a value breaks the line instead of joining across it.
 */
export interface LineSeriesInput {
  label: string;
  values: (number | null)[];
}

export interface LinePoint {
  x: number;
  y: number;
}

export interface LineSeries {
  label: string;
  /** SVG path data; empty when the series has no value. */
  path: string;
  points: LinePoint[];
  /** Distinct by colour *and* by dash and marker shape, so no series relies on colour alone (WCAG 1.4.1). */
  className: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
  /** A short path of the marker shape at (0, 0), for points and the legend. */
  markerPath: string;
}

export interface LineChart {
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  description: string;
  width: number;
  height: number;
  left: number;
  top: number;
  /** left + plotWidth, top + plotHeight: the plot's other edges, for the template. */
  right: number;
  bottom: number;
  plotWidth: number;
  plotHeight: number;
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  series: LineSeries[];
  /** Markers on every point only while there are few runs: beyond that they hide the line. */
  showMarkers: boolean;
}

const WIDTH = 720;
const LEFT = 56;
const RIGHT = 44;
const TOP = 12;
const PLOT_HEIGHT = 200;
const AXIS = 28;
const MAX_MARKERS = 60;
const MAX_X_TICKS = 6;

const STYLES: Pick<LineSeries, 'className' | 'dash' | 'marker'>[] = [
  { className: 'series-0', dash: '', marker: 'circle' },
  { className: 'series-1', dash: '6 3', marker: 'square' },
  { className: 'series-2', dash: '2 3', marker: 'triangle' },
  { className: 'series-3', dash: '9 3 2 3', marker: 'diamond' },
  { className: 'series-4', dash: '12 4', marker: 'cross' },
];

const MARKERS: Record<LineSeries['marker'], string> = {
  circle: 'M-3.5 0a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0',
  square: 'M-3.5 -3.5h7v7h-7z',
  triangle: 'M0 -4.5l4 7.5h-8z',
  diamond: 'M0 -4.5l4.5 4.5l-4.5 4.5l-4.5 -4.5z',
  cross: 'M-4 -4l8 8M-4 4l8 -8',
};

const round = (n: number) => Math.round(n * 10) / 10;

export function lineChart(options: {
  id: string;
  title: string;
  description: string;
  xLabels: string[];
  series: LineSeriesInput[];
  yMax: number;
  yStep: number;
  format: (value: number) => string;
}): LineChart {
  const { xLabels, yMax, yStep } = options;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const n = xLabels.length;
  const xOf = (i: number) => round(LEFT + (n <= 1 ? plotWidth / 2 : (i * plotWidth) / (n - 1)));
  const yOf = (v: number) =>
    round(TOP + PLOT_HEIGHT - (Math.min(Math.max(v, 0), yMax) / (yMax || 1)) * PLOT_HEIGHT);
  const yTicks: LineChart['yTicks'] = [];
  for (let v = 0; v <= yMax; v += yStep) yTicks.push({ y: yOf(v), label: options.format(v) });
  const tickEvery = Math.max(1, Math.ceil(n / MAX_X_TICKS));
  const xTicks = xLabels.flatMap((label, i) =>
    i % tickEvery === 0 || i === n - 1 ? [{ x: xOf(i), label }] : [],
  );
  // The last tick always shows; a regular tick too close to it would print over it.
  if (
    xTicks.length >= 2 &&
    xTicks[xTicks.length - 1]!.x - xTicks[xTicks.length - 2]!.x < plotWidth / (MAX_X_TICKS * 1.5)
  ) {
    xTicks.splice(xTicks.length - 2, 1);
  }
  return {
    id: options.id,
    title: options.title,
    description: options.description,
    width: WIDTH,
    height: TOP + PLOT_HEIGHT + AXIS,
    left: LEFT,
    top: TOP,
    right: LEFT + plotWidth,
    bottom: TOP + PLOT_HEIGHT,
    plotWidth,
    plotHeight: PLOT_HEIGHT,
    yTicks,
    xTicks,
    showMarkers: n <= MAX_MARKERS,
    series: options.series.map((s, i) => {
      const style = STYLES[i % STYLES.length]!;
      const points: LinePoint[] = [];
      let path = '';
      let drawing = false;
      s.values.forEach((value, j) => {
        if (value === null || !Number.isFinite(value)) {
          drawing = false;
          return;
        }
        const point = { x: xOf(j), y: yOf(value) };
        points.push(point);
        path += `${drawing ? 'L' : 'M'}${point.x} ${point.y}`;
        drawing = true;
      });
      return { label: s.label, path, points, ...style, markerPath: MARKERS[style.marker] };
    }),
  };
}
