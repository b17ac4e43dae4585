// Mermaid `xychart-beta` line charts of metric series (rendered by GitHub in job summaries and check runs). Pure.
import type { MetricPoint } from '../result.js';
import { formatNumber } from './format.js';

/** GitHub renders long series poorly; each chart gets at most this many points. */
export const MAX_CHART_POINTS = 50;
/** At most this many charts in one report. */
export const MAX_CHARTS = 4;

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

function quoted(text: string): string {
  return `"${text.replace(/["\r\n`]/g, ' ')}"`;
}

/** One chart of one series, or undefined when it has fewer than two finite points. */
export function metricChart(name: string, series: readonly MetricPoint[]): string | undefined {
  const finite = series.filter((p) => Number.isFinite(p.value));
  if (finite.length < 2) return undefined;
  const points = downsample(finite);
  const values = points.map((p) => formatNumber(p.value));
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(finite.length > points.length ? `${name} (${points.length} of ${finite.length} points)` : name)}`,
    `  x-axis "point" 1 --> ${points.length}`,
    `  y-axis ${quoted(name)}`,
    `  line [${values.join(', ')}]`,
    '```',
  ];
  return lines.join('\n');
}

/** Charts of the configured metrics first, then the others, at most MAX_CHARTS. */
export function metricCharts(series: Record<string, readonly MetricPoint[]>, order: readonly string[]): string[] {
  const names = [...new Set([...order, ...Object.keys(series)])];
  const charts: string[] = [];
  for (const name of names) {
    const chart = metricChart(name, series[name] ?? []);
    if (chart) charts.push(chart);
    if (charts.length >= MAX_CHARTS) break;
  }
  return charts;
}
