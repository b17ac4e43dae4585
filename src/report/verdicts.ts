// Threshold verdicts: a metric's final value against the threshold its goal points to. Pure, so the later
// base-branch gate can add its own verdicts beside these.
import type { MetricSpec, TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';

export type Verdict = 'pass' | 'fail' | 'none';

export interface MetricRow {
  name: string;
  /** Final value, when the metric was seen. */
  value?: number;
  goal?: MetricSpec['goal'];
  threshold?: number;
  verdict: Verdict;
  /** Why it failed, or why no verdict could be given although a threshold exists. */
  note?: string;
}

/** Checks one final value against a threshold in the direction of the goal. */
export function checkThreshold(spec: MetricSpec, value: number | undefined): Pick<MetricRow, 'verdict' | 'note'> {
  if (spec.threshold === undefined) return { verdict: 'none' };
  if (value === undefined) return { verdict: 'fail', note: 'not reported' };
  if (spec.goal === undefined) return { verdict: 'none', note: 'threshold without a goal' };
  const ok = spec.goal === 'maximize' ? value >= spec.threshold : value <= spec.threshold;
  if (ok) return { verdict: 'pass' };
  return { verdict: 'fail', note: spec.goal === 'maximize' ? 'below threshold' : 'above threshold' };
}

/** One row per configured metric (in configuration order), then any other metric the run reported. */
export function metricRows(result: TrainingResult, request: Pick<TrainingRequest, 'metrics'>): MetricRow[] {
  const rows: MetricRow[] = request.metrics.map((spec) => {
    const value = result.metrics[spec.name];
    return {
      name: spec.name,
      ...(value !== undefined ? { value } : {}),
      ...(spec.goal ? { goal: spec.goal } : {}),
      ...(spec.threshold !== undefined ? { threshold: spec.threshold } : {}),
      ...checkThreshold(spec, value),
    };
  });
  const configured = new Set(request.metrics.map((m) => m.name));
  for (const [name, value] of Object.entries(result.metrics)) {
    if (!configured.has(name)) rows.push({ name, value, verdict: 'none' });
  }
  return rows;
}
