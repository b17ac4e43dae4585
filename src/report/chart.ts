// Mermaid `xychart-beta` line charts of metric series, for the job summary. Honest by construction: strong line
// colours set in the chart's own configuration (the default theme draws the first line near-white), the threshold and
// the baseline drawn and inside the y-range, an x-axis in epochs or elapsed time when the series has them, no
// repeated final point, no chart of fewer than MIN_CHART_POINTS points, and a fixed, modest size. Pure.
import type { MetricSpec } from '../request.js';
import type { MetricPoint } from '../result.js';
import { formatNumber } from './format.js';

/** GitHub renders long series poorly; each chart gets at most this many points. */
export const MAX_CHART_POINTS = 50;
/** At most this many charts in one report. */
export const MAX_CHARTS = 4;
/** Fewer points than this draw no line worth reading: no chart. */
export const MIN_CHART_POINTS = 3;
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

/** The lines' colours, in drawing order (GitHub's own blue, red and purple), and the legend's matching squares. */
export const LINE_COLOURS = { series: '#0969da', threshold: '#cf222e', baseline: '#8250df' } as const;
const LEGEND = { series: '🟦', threshold: '🟥', baseline: '🟪' } as const;

/** Evenly spaced points, always keeping the first and the last. */
export function downsample<T>(points: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (points.length <= max) return [...points];
  if (max <= 1) return points.slice(-1);
  const out: T[] = [];
  for (let i = 0; i < max; i++) {
    const index = Math.round((i * (points.length - 1)) / (max - 1));
    out.push(points[index] as T);
  }
  return out;
}

/**
 * The points worth drawing: finite values; when the series carries epochs, only the points that have one (a final
 * summary line repeats the last value without an epoch); otherwise a last point that repeats the one before is dropped.
 */
export function chartPoints(series: readonly MetricPoint[]): MetricPoint[] {
  const finite = series.filter((p) => Number.isFinite(p.value));
  if (finite.some((p) => p.epoch !== undefined)) return finite.filter((p) => p.epoch !== undefined);
  const last = finite.at(-1);
  const before = finite.at(-2);
  if (last && before && last.value === before.value) return finite.slice(0, -1);
  return finite;
}

export interface XAxis {
  /** `"epoch" 50 --> 1000` or `"elapsed" ["0s", "4s", …]`, or `"step" 1 --> 12`. */
  line: string;
  label: 'epoch' | 'elapsed' | 'step';
}

const evenlySpaced = (xs: readonly number[]): boolean => {
  if (xs.length < 3) return true;
  const step = ((xs.at(-1) ?? 0) - (xs[0] ?? 0)) / (xs.length - 1);
  if (step <= 0) return false;
  return xs.every((x, i) => Math.abs(x - ((xs[0] ?? 0) + i * step)) <= step * 0.1);
};

function elapsedLabel(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}`;
}

/** Epochs when every point has one, else elapsed time when the points are spread over time, else the step number. */
export function xAxis(points: readonly MetricPoint[]): XAxis {
  const epochs = points.map((p) => p.epoch);
  if (epochs.every((e): e is number => e !== undefined)) {
    if (evenlySpaced(epochs)) return { label: 'epoch', line: `x-axis "epoch" ${epochs[0]} --> ${epochs.at(-1)}` };
    return { label: 'epoch', line: `x-axis "epoch" [${epochs.join(', ')}]` };
  }
  const start = points[0]?.timestamp ?? 0;
  const elapsed = points.map((p) => p.timestamp - start);
  const increasing = elapsed.every((t, i) => i === 0 || t > (elapsed[i - 1] ?? 0));
  // Lines read within one second of each other carry no time worth an axis.
  if (increasing && (elapsed.at(-1) ?? 0) >= 2000 * (points.length - 1)) {
    return { label: 'elapsed', line: `x-axis "elapsed" [${elapsed.map((t) => `"${elapsedLabel(t)}"`).join(', ')}]` };
  }
  return { label: 'step', line: `x-axis "step" 1 --> ${points.length}` };
}

/** Two to three significant digits of a bound, rounded outwards. */
function roundOut(value: number, step: number, up: boolean): number {
  const rounded = (up ? Math.ceil(value / step) : Math.floor(value / step)) * step;
  return Number(rounded.toPrecision(6));
}

/**
 * A y-range that holds every value, the threshold and the baseline, with a margin; never narrower than a tenth of the
 * values' magnitude, so a wobble in the fourth digit does not fill the chart; never below 0 for values that are not.
 */
export function yRange(values: readonly number[]): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const span = Math.max(hi - lo, magnitude * 0.1, 1e-9);
  const centre = (hi + lo) / 2;
  let min = Math.min(lo, centre - span / 2) - span * 0.1;
  let max = Math.max(hi, centre + span / 2) + span * 0.1;
  if (lo >= 0 && min < 0) min = 0;
  const step = 10 ** (Math.floor(Math.log10(max - min)) - 1);
  min = roundOut(min, step, false);
  max = roundOut(max, step, true);
  return { min, max };
}

export interface ChartInput {
  name: string;
  series: readonly MetricPoint[];
  spec?: Pick<MetricSpec, 'goal' | 'threshold'>;
  /** The base's final value, drawn flat; or its series, when the stored result has one. */
  base?: { label: string; value?: number; series?: readonly number[] };
}

function quoted(text: string): string {
  return `"${text.replace(/["\r\n`]/g, ' ')}"`;
}

function configBlock(colours: readonly string[]): string[] {
  return [
    '---',
    'config:',
    '  xyChart:',
    `    width: ${CHART_WIDTH}`,
    `    height: ${CHART_HEIGHT}`,
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours.join(', ')}"`,
    '---',
  ];
}

/** A flat line, or the base's series stretched over the same number of points. */
function baseValues(base: NonNullable<ChartInput['base']>, count: number): number[] | undefined {
  if (base.series && base.series.length >= MIN_CHART_POINTS) return downsample(base.series, count).slice(0, count);
  return base.value === undefined ? undefined : Array<number>(count).fill(base.value);
}

/** One chart and its legend line, or undefined when the series has fewer than MIN_CHART_POINTS points. */
export function metricChart(input: ChartInput): string | undefined {
  const all = chartPoints(input.series);
  if (all.length < MIN_CHART_POINTS) return undefined;
  const points = downsample(all);
  const values = points.map((p) => p.value);
  const threshold = input.spec?.threshold;
  const base = input.base ? baseValues(input.base, points.length) : undefined;
  const extra = [...(threshold !== undefined ? [threshold] : []), ...(base ?? [])];
  const { min, max } = yRange([...values, ...extra]);
  const axis = xAxis(points);
  const colours: string[] = [LINE_COLOURS.series];
  const lines = [`  line [${values.map(formatNumber).join(', ')}]`];
  const legend = [`${LEGEND.series} ${input.name}`];
  if (threshold !== undefined) {
    colours.push(LINE_COLOURS.threshold);
    lines.push(`  line [${Array<string>(points.length).fill(formatNumber(threshold)).join(', ')}]`);
    legend.push(
      `${LEGEND.threshold} threshold ${input.spec?.goal === 'minimize' ? '≤' : '≥'} ${formatNumber(threshold)}`,
    );
  }
  if (base && input.base) {
    colours.push(LINE_COLOURS.baseline);
    lines.push(`  line [${base.map(formatNumber).join(', ')}]`);
    const flat = input.base.series === undefined || input.base.series.length < MIN_CHART_POINTS;
    const value = flat && input.base.value !== undefined ? ` (${formatNumber(input.base.value)})` : '';
    legend.push(`${LEGEND.baseline} ${input.base.label}${value}`);
  }
  const sampled = all.length > points.length ? ` (${points.length} of ${all.length} points)` : '';
  return [
    '```mermaid',
    ...configBlock(colours),
    'xychart-beta',
    `  title ${quoted(`${input.name}${sampled}`)}`,
    `  ${axis.line}`,
    `  y-axis ${quoted(input.name)} ${formatNumber(min)} --> ${formatNumber(max)}`,
    ...lines,
    '```',
    '',
    legend.join(' · '),
  ].join('\n');
}

/** Charts of the configured metrics first, then the others, at most MAX_CHARTS. */
export function metricCharts(inputs: readonly ChartInput[]): string[] {
  const charts: string[] = [];
  for (const input of inputs) {
    const chart = metricChart(input);
    if (chart) charts.push(chart);
    if (charts.length >= MAX_CHARTS) break;
  }
  return charts;
}
