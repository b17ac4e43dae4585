import { describe, expect, it } from 'vitest';

import {
  chartPoints,
  downsample,
  LINE_COLOURS,
  metricChart,
  MIN_CHART_POINTS,
  xAxis,
  yRange,
} from '../../src/report/index.js';
import type { MetricPoint } from '../../src/result.js';

const points = (values: number[], extra: (i: number) => Partial<MetricPoint> = () => ({})): MetricPoint[] =>
  values.map((value, i) => ({ timestamp: 1000 + i, value, ...extra(i) }));

describe('chart points', () => {
  it('downsamples to at most 50 points keeping the first and the last', () => {
    const out = downsample(Array.from({ length: 1000 }, (_, i) => i));
    expect(out).toHaveLength(50);
    expect([out[0], out[49]]).toEqual([0, 999]);
    expect(downsample([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('drops the final summary line that repeats the last point: without an epoch, or with the same value', () => {
    const withEpochs = [...points([0.8, 0.9, 0.95], (i) => ({ epoch: (i + 1) * 10 })), { timestamp: 9, value: 0.951 }];
    expect(chartPoints(withEpochs).map((p) => p.value)).toEqual([0.8, 0.9, 0.95]);
    expect(chartPoints(points([0.8, 0.9, 0.95, 0.95])).map((p) => p.value)).toEqual([0.8, 0.9, 0.95]);
    expect(chartPoints(points([0.8, Number.NaN, 0.9])).map((p) => p.value)).toEqual([0.8, 0.9]);
  });

  it(`draws no chart of fewer than ${MIN_CHART_POINTS} points`, () => {
    expect(metricChart({ name: 'a', series: points([0.5, 0.6]) })).toBeUndefined();
    expect(metricChart({ name: 'a', series: points([0.5, 0.6, 0.6]) })).toBeUndefined();
    expect(metricChart({ name: 'a', series: points([0.5, 0.6, 0.7]) })).toBeDefined();
  });
});

describe('x-axis', () => {
  it('is in epochs when every point names one: a range when evenly spaced, else the epochs', () => {
    expect(xAxis(points([1, 2, 3], (i) => ({ epoch: (i + 1) * 50 }))).line).toBe('x-axis "epoch" 50 --> 150');
    expect(xAxis(points([1, 2, 3], (i) => ({ epoch: [1, 2, 10][i] }))).line).toBe('x-axis "epoch" [1, 2, 10]');
  });

  it('is elapsed time when the points are spread over seconds, else the step', () => {
    const timed = [0, 30_000, 95_000].map((t, i) => ({ timestamp: 5_000 + t, value: i }));
    expect(xAxis(timed).line).toBe('x-axis "elapsed" ["0s", "30s", "1m35"]');
    // Read within a second (a fast local run): the time says nothing.
    expect(xAxis(points([1, 2, 3])).line).toBe('x-axis "step" 1 --> 3');
  });
});

describe('y-range', () => {
  it('holds the values, the threshold and the baseline, with a margin', () => {
    const { min, max } = yRange([0.65, 0.72, 0.9, 0.9533]);
    expect(min).toBeLessThan(0.65);
    expect(max).toBeGreaterThan(0.9533);
  });

  it('does not blow a wobble in the fourth digit up to the full height', () => {
    const { min, max } = yRange([0.9533, 0.96]);
    // The 0.0067 change is under a tenth of the axis.
    expect((0.96 - 0.9533) / (max - min)).toBeLessThan(0.1);
  });

  it('does not go below zero for values that do not', () => {
    expect(yRange([0.01, 0.02, 0.9]).min).toBe(0);
    expect(yRange([-1, 1]).min).toBeLessThan(-1);
  });
});

describe('metricChart', () => {
  const series = points([0.6, 0.7, 0.75, 0.78], (i) => ({ epoch: i + 1 }));

  it('sets strong colours and a modest size in its own configuration, and draws threshold and base', () => {
    const chart =
      metricChart({
        name: 'accuracy',
        series,
        spec: { goal: 'maximize', threshold: 0.9 },
        base: { label: 'main at bbbbbbb', value: 0.95 },
      }) ?? '';
    expect(chart).toContain(
      `plotColorPalette: "${LINE_COLOURS.series}, ${LINE_COLOURS.threshold}, ${LINE_COLOURS.baseline}"`,
    );
    expect(chart).toContain('    width: 640\n    height: 300\n');
    expect(chart).toContain('  x-axis "epoch" 1 --> 4');
    expect(chart).toContain(
      '  line [0.6, 0.7, 0.75, 0.78]\n  line [0.9, 0.9, 0.9, 0.9]\n  line [0.95, 0.95, 0.95, 0.95]',
    );
    const [, low, high] = /y-axis "accuracy" (\S+) --> (\S+)/.exec(chart) ?? [];
    expect(Number(low)).toBeLessThan(0.6);
    expect(Number(high)).toBeGreaterThan(0.95);
    expect(chart.split('\n').at(-1)).toBe('🟦 accuracy · 🟥 threshold ≥ 0.9 · 🟪 main at bbbbbbb (0.95)');
  });

  it("draws the base's own series when the stored result has one", () => {
    const chart = metricChart({
      name: 'loss',
      series,
      base: { label: 'main', value: 0.5, series: [0.9, 0.7, 0.6, 0.5] },
    });
    expect(chart).toContain('  line [0.9, 0.7, 0.6, 0.5]');
    expect(chart).toContain('plotColorPalette: "#0969da, #8250df"');
  });

  it('says when it shows a sample of a long series', () => {
    const long = points(
      Array.from({ length: 120 }, (_, i) => i / 100),
      (i) => ({ epoch: i + 1 }),
    );
    expect(metricChart({ name: 'accuracy', series: long })).toContain('title "accuracy (50 of 120 points)"');
  });
});
