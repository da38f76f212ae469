import { describe, expect, it } from 'vitest';
import { lineChart } from './line-chart.js';

const chart = (values: (number | null)[][], labels = values[0]!.map((_, i) => `d${i}`)) =>
  lineChart({
    id: 'c',
    title: 't',
    description: 'd',
    xLabels: labels,
    series: values.map((v, i) => ({ label: `s${i}`, values: v })),
    yMax: 100,
    yStep: 20,
    format: String,
  });

describe('lineChart', () => {
  it('places runs evenly from the left edge to the right edge, values from the bottom up', () => {
    const c = chart([[0, 50, 100]]);
    const [a, b, d] = c.series[0]!.points;
    expect(a!.x).toBe(c.left);
    expect(d!.x).toBe(c.right);
    expect(b!.x).toBeCloseTo((c.left + c.right) / 2, 0);
    expect([a!.y, b!.y, d!.y]).toEqual([c.bottom, (c.top + c.bottom) / 2, c.top]);
    expect(c.yTicks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  it('breaks the line where a run has no value instead of joining across it', () => {
    const c = chart([[10, null, 30, 40]]);
    expect(c.series[0]!.points).toHaveLength(3);
    expect(c.series[0]!.path.match(/M/g)).toHaveLength(2);
    expect(chart([[null, null]]).series[0]!.path).toBe('');
  });

  it('tells series apart by dash and marker shape as well as colour, and drops markers on long histories', () => {
    const c = chart([[1], [2], [3]]);
    expect(new Set(c.series.map((s) => s.dash)).size).toBe(3);
    expect(new Set(c.series.map((s) => s.marker)).size).toBe(3);
    expect(c.series[0]!.points[0]!.x).toBeCloseTo((c.left + c.right) / 2, 0);
    expect(chart([Array.from({ length: 200 }, (_, i) => i % 100)]).showMarkers).toBe(false);
  });

  it('labels at most about six runs on the x axis, always the last', () => {
    const labels = Array.from({ length: 200 }, (_, i) => `r${i}`);
    const c = chart([labels.map(() => 1)], labels);
    expect(c.xTicks.length).toBeLessThanOrEqual(7);
    expect(c.xTicks[c.xTicks.length - 1]!.label).toBe('r199');
  });
});
