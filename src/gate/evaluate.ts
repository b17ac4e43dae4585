// The merge gate: each metric's final value against its threshold and, when a baseline exists, against the base
// branch's value with the allowed regression. Pure: specs, metrics and baseline in, verdicts out.
import type { MaxRegression, MetricSpec } from '../request.js';

/** The result a previous run on the base branch left in its check run. */
export interface Baseline {
  /** The commit whose check run carried the result (a merged pull request's head, or the base branch commit). */
  sha: string;
  /** How it was found: a run on the base branch itself, or the run on the head of the pull request merged there. */
  via?: 'base-branch' | 'pull-request';
  /** The base branch commit it stands for (the merge, squash or rebase commit when via a pull request). */
  baseSha?: string;
  pullRequest?: number;
  metrics: Record<string, number>;
  jobName?: string;
  /** The check run that carried it, for a link. */
  url?: string;
  /** Each metric's charted values, when the stored result has them (drawn as the base's line). */
  series?: Record<string, number[]>;
}

export type GateVerdict = 'pass' | 'fail' | 'none';

export interface MetricGate {
  name: string;
  /** Final value, when the metric was seen. */
  value?: number;
  goal?: MetricSpec['goal'];
  threshold?: number;
  maxRegression?: MaxRegression;
  /** The base branch's value, when there is a baseline that has the metric. */
  base?: number;
  /** value − base. */
  delta?: number;
  verdict: GateVerdict;
  /** Why it failed (one entry per failed check), or why a check could not be made. */
  notes: string[];
}

export interface GateReport {
  /** True when no metric failed. */
  passed: boolean;
  metrics: MetricGate[];
  baseline?: Baseline;
}

/** Floating point slack so that 0.95 − 0.01 against 0.94 is not a regression. */
const EPSILON = 1e-9;

const num = (n: number): string => String(Number(n.toPrecision(6)));

function describeAllowance(spec: MaxRegression): string {
  return spec.kind === 'relative' ? `${num(spec.value * 100)}%` : num(spec.value);
}

/** The regression of value against base in the direction of the goal (positive = worse). */
export function regression(goal: 'maximize' | 'minimize', value: number, base: number): number {
  return goal === 'maximize' ? base - value : value - base;
}

/** How much worse than base the value may be. */
export function allowedRegression(spec: MaxRegression, base: number): number {
  return spec.kind === 'relative' ? Math.abs(base) * spec.value : spec.value;
}

interface Check {
  verdict: GateVerdict;
  note?: string;
}

function thresholdCheck(spec: MetricSpec, value: number | undefined): Check {
  if (spec.threshold === undefined) return { verdict: 'none' };
  if (value === undefined) return { verdict: 'fail', note: 'not reported' };
  if (spec.goal === undefined) return { verdict: 'none', note: 'threshold without a goal' };
  const ok = spec.goal === 'maximize' ? value >= spec.threshold - EPSILON : value <= spec.threshold + EPSILON;
  if (ok) return { verdict: 'pass' };
  return {
    verdict: 'fail',
    note: `${spec.goal === 'maximize' ? 'below' : 'above'} threshold ${num(spec.threshold)}`,
  };
}

function regressionCheck(
  spec: MetricSpec,
  value: number | undefined,
  base: number | undefined,
  hasBaseline: boolean,
): Check {
  if (spec.maxRegression === undefined || !hasBaseline) return { verdict: 'none' };
  if (base === undefined) return { verdict: 'none', note: 'no base value' };
  if (value === undefined) return { verdict: 'fail', note: 'not reported' };
  if (spec.goal === undefined) return { verdict: 'none', note: 'max-regression without a goal' };
  const worse = regression(spec.goal, value, base);
  const allowed = allowedRegression(spec.maxRegression, base);
  if (worse <= allowed + EPSILON) return { verdict: 'pass' };
  return {
    verdict: 'fail',
    note: `regressed by ${num(worse)} (allowed ${describeAllowance(spec.maxRegression)})`,
  };
}

function combine(checks: Check[]): GateVerdict {
  if (checks.some((c) => c.verdict === 'fail')) return 'fail';
  if (checks.some((c) => c.verdict === 'pass')) return 'pass';
  return 'none';
}

export interface EvaluateOptions {
  specs: readonly MetricSpec[];
  /** Final value of each metric the run reported. */
  metrics: Record<string, number>;
  baseline?: Baseline;
}

/**
 * One entry per configured metric (configuration order), then every other metric the run reported (no verdict).
 * A metric with a threshold that was not reported fails; so does one with max-regression when the base has it.
 * Without a baseline only the thresholds decide.
 */
export function evaluateGates(options: EvaluateOptions): GateReport {
  const { specs, metrics, baseline } = options;
  const gates: MetricGate[] = specs.map((spec) => {
    const value = metrics[spec.name];
    const base = baseline?.metrics[spec.name];
    const checks = [thresholdCheck(spec, value), regressionCheck(spec, value, base, baseline !== undefined)];
    const notes = [...new Set(checks.flatMap((c) => (c.note ? [c.note] : [])))];
    return {
      name: spec.name,
      ...(value !== undefined ? { value } : {}),
      ...(spec.goal ? { goal: spec.goal } : {}),
      ...(spec.threshold !== undefined ? { threshold: spec.threshold } : {}),
      ...(spec.maxRegression ? { maxRegression: spec.maxRegression } : {}),
      ...(base !== undefined ? { base } : {}),
      ...(base !== undefined && value !== undefined ? { delta: value - base } : {}),
      verdict: combine(checks),
      notes,
    };
  });
  const configured = new Set(specs.map((s) => s.name));
  for (const [name, value] of Object.entries(metrics)) {
    if (configured.has(name)) continue;
    const base = baseline?.metrics[name];
    gates.push({
      name,
      value,
      ...(base !== undefined ? { base, delta: value - base } : {}),
      verdict: 'none',
      notes: [],
    });
  }
  return {
    passed: gates.every((g) => g.verdict !== 'fail'),
    metrics: gates,
    ...(baseline ? { baseline } : {}),
  };
}

/** One line per failed metric, for the step's failure message. */
export function gateFailures(report: GateReport): string[] {
  return report.metrics
    .filter((g) => g.verdict === 'fail')
    .map((g) => `${g.name}${g.value === undefined ? '' : ` ${num(g.value)}`}: ${g.notes.join('; ')}`);
}
