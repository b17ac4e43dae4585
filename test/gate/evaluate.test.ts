import { describe, expect, it } from 'vitest';

import { conclude, evaluateGates, type Baseline } from '../../src/gate/index.js';
import type { MetricSpec } from '../../src/request.js';
import { makeResult } from '../report/fixtures.js';

const acc = (extra: Partial<MetricSpec> = {}): MetricSpec => ({
  name: 'accuracy',
  regex: 'a=(.*)',
  goal: 'maximize',
  ...extra,
});
const loss = (extra: Partial<MetricSpec> = {}): MetricSpec => ({
  name: 'loss',
  regex: 'l=(.*)',
  goal: 'minimize',
  ...extra,
});
const base = (metrics: Record<string, number>): Baseline => ({ sha: 'b'.repeat(40), metrics });

describe('evaluateGates: one metric', () => {
  it.each([
    // name, spec, value, baseline metrics (undefined: no baseline), verdict, notes
    ['maximize above threshold', acc({ threshold: 0.9 }), 0.95, undefined, 'pass', []],
    ['maximize at threshold', acc({ threshold: 0.9 }), 0.9, undefined, 'pass', []],
    ['maximize below threshold', acc({ threshold: 0.9 }), 0.89, undefined, 'fail', ['below threshold 0.9']],
    ['minimize below threshold', loss({ threshold: 0.2 }), 0.1, undefined, 'pass', []],
    ['minimize above threshold', loss({ threshold: 0.2 }), 0.3, undefined, 'fail', ['above threshold 0.2']],
    ['threshold, not reported', acc({ threshold: 0.9 }), undefined, undefined, 'fail', ['not reported']],
    ['no threshold, not reported', acc(), undefined, undefined, 'none', []],
    ['no checks at all', acc(), 0.5, { accuracy: 0.9 }, 'none', []],
    [
      'absolute regression within',
      acc({ maxRegression: { kind: 'absolute', value: 0.01 } }),
      0.94,
      { accuracy: 0.95 },
      'pass',
      [],
    ],
    [
      'absolute regression beyond',
      acc({ maxRegression: { kind: 'absolute', value: 0.01 } }),
      0.93,
      { accuracy: 0.95 },
      'fail',
      ['regressed by 0.02 (allowed 0.01)'],
    ],
    [
      'improvement is never a regression',
      acc({ maxRegression: { kind: 'absolute', value: 0 } }),
      0.99,
      { accuracy: 0.95 },
      'pass',
      [],
    ],
    [
      'relative regression within (minimize)',
      loss({ maxRegression: { kind: 'relative', value: 0.1 } }),
      0.109,
      { loss: 0.1 },
      'pass',
      [],
    ],
    [
      'relative regression beyond (minimize)',
      loss({ maxRegression: { kind: 'relative', value: 0.01 } }),
      0.2,
      { loss: 0.1 },
      'fail',
      ['regressed by 0.1 (allowed 1%)'],
    ],
    [
      'relative regression with a negative base',
      acc({ maxRegression: { kind: 'relative', value: 0.1 } }),
      -1.05,
      { accuracy: -1 },
      'pass',
      [],
    ],
    [
      'regression, no baseline: thresholds only',
      acc({ threshold: 0.5, maxRegression: { kind: 'absolute', value: 0 } }),
      0.6,
      undefined,
      'pass',
      [],
    ],
    [
      'regression, base lacks the metric',
      acc({ maxRegression: { kind: 'absolute', value: 0 } }),
      0.6,
      { loss: 1 },
      'none',
      ['no base value'],
    ],
    [
      'regression, metric missing, base has it',
      acc({ maxRegression: { kind: 'absolute', value: 0 } }),
      undefined,
      { accuracy: 0.9 },
      'fail',
      ['not reported'],
    ],
    [
      'both fail',
      acc({ threshold: 0.9, maxRegression: { kind: 'absolute', value: 0.01 } }),
      0.8,
      { accuracy: 0.95 },
      'fail',
      ['below threshold 0.9', 'regressed by 0.15 (allowed 0.01)'],
    ],
    [
      'threshold passes, regression fails',
      acc({ threshold: 0.5, maxRegression: { kind: 'relative', value: 0.01 } }),
      0.9,
      { accuracy: 0.95 },
      'fail',
      ['regressed by 0.05 (allowed 1%)'],
    ],
    [
      'threshold without a goal',
      acc({ goal: undefined, threshold: 1 }),
      2,
      undefined,
      'none',
      ['threshold without a goal'],
    ],
  ] as const)('%s', (_name, spec, value, baseMetrics, verdict, notes) => {
    const report = evaluateGates({
      specs: [spec],
      metrics: value === undefined ? {} : { [spec.name]: value },
      ...(baseMetrics ? { baseline: base(baseMetrics) } : {}),
    });
    expect(report.metrics[0]).toMatchObject({ name: spec.name, verdict, notes });
    expect(report.passed).toBe(verdict !== 'fail');
  });
});

describe('evaluateGates: the report', () => {
  it('gives base and delta, and lists unconfigured metrics after the configured ones without a verdict', () => {
    const report = evaluateGates({
      specs: [acc({ threshold: 0.9 }), loss()],
      metrics: { f1: 0.7, accuracy: 0.953, loss: 0.121 },
      baseline: base({ accuracy: 0.949, f1: 0.8 }),
    });
    expect(report.passed).toBe(true);
    expect(report.baseline?.sha).toBe('b'.repeat(40));
    expect(report.metrics.map((m) => m.name)).toEqual(['accuracy', 'loss', 'f1']);
    expect(report.metrics[0]?.base).toBe(0.949);
    expect(report.metrics[0]?.delta).toBeCloseTo(0.004, 9);
    expect(report.metrics[1]).not.toHaveProperty('base');
    expect(report.metrics[2]).toMatchObject({ name: 'f1', value: 0.7, base: 0.8, verdict: 'none' });
  });
});

describe('conclude', () => {
  const passing = evaluateGates({ specs: [acc({ threshold: 0.5 })], metrics: { accuracy: 0.9 } });
  const failing = evaluateGates({ specs: [acc({ threshold: 0.95 })], metrics: { accuracy: 0.9 } });
  it.each([
    ['completed, gate passed', makeResult(), passing, 'success', 'passed', ''],
    [
      'completed, gate failed',
      makeResult(),
      failing,
      'failure',
      'failed',
      'The model did not pass the gate: accuracy 0.9: below threshold 0.95',
    ],
    [
      'failed job',
      makeResult({ status: 'Failed', failureReason: 'boom' }),
      passing,
      'failure',
      'failed',
      'Training job iris-20250101-120000-abcd failed: boom',
    ],
    [
      'stopped job',
      makeResult({ status: 'Stopped', failureReason: undefined }),
      passing,
      'cancelled',
      'failed',
      'Training job iris-20250101-120000-abcd was stopped',
    ],
  ] as const)('%s', (_n, result, gate, conclusion, gateOut, reason) => {
    expect(conclude({ kind: 'trained', result, gate })).toEqual({ conclusion, gate: gateOut, reason });
  });
  it('is action_required (never passing) when nothing was trained on purpose, and a failure on an error', () => {
    expect(conclude({ kind: 'skipped', reason: 'fork' })).toEqual({
      conclusion: 'action_required',
      gate: 'skipped',
      reason: 'fork',
    });
    expect(conclude({ kind: 'error', reason: 'bad config' })).toMatchObject({ conclusion: 'failure', gate: 'failed' });
  });
});
