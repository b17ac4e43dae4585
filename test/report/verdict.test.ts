import { describe, expect, it } from 'vitest';

import { conclude, evaluateGates } from '../../src/gate/index.js';
import {
  CHECK_TITLE_VISIBLE_CHARS,
  changeLabel,
  formatPercent,
  metricChange,
  verdictLine,
  verdictTitle,
} from '../../src/report/index.js';
import type { MetricSpec } from '../../src/request.js';
import { makeResult } from './fixtures.js';

describe('metricChange: the arrow follows the value, the colour follows the goal', () => {
  it.each([
    { goal: 'maximize', base: 0.9, delta: 0.05, arrow: '▲', good: true, label: '🟢 ▲ +5.6%' },
    { goal: 'maximize', base: 0.9533, delta: -0.2333, arrow: '▼', good: false, label: '🔴 ▼ −24%' },
    { goal: 'minimize', base: 0.1187, delta: 0.4722, arrow: '▲', good: false, label: '🔴 ▲ +398%' },
    { goal: 'minimize', base: 0.13, delta: -0.009, arrow: '▼', good: true, label: '🟢 ▼ −6.9%' },
    { goal: undefined, base: 2, delta: 1, arrow: '▲', good: undefined, label: '⚪ ▲ +50%' },
    { goal: 'maximize', base: 0.5, delta: 0, arrow: '', good: undefined, label: '⚪ ±0' },
    // No relative change against 0: the absolute difference instead.
    { goal: 'minimize', base: 0, delta: 0.25, arrow: '▲', good: false, label: '🔴 ▲ +0.25' },
  ] as const)('$goal $base by $delta: $label', ({ goal, base, delta, arrow, good, label }) => {
    const gate = {
      name: 'm',
      base,
      delta,
      value: base + delta,
      verdict: 'none' as const,
      notes: [],
      ...(goal ? { goal } : {}),
    };
    expect(metricChange(gate)).toMatchObject({ arrow, ...(good === undefined ? {} : { good }) });
    expect(metricChange(gate)?.good).toBe(good);
    expect(changeLabel(gate)).toBe(label);
  });

  it('has nothing to say without a base', () => {
    expect(metricChange({ delta: undefined, base: undefined, goal: 'maximize' })).toBeUndefined();
  });

  it.each([
    [0.0042, '+0.42%'],
    [-0.2447, '−24%'],
    [3.978, '+398%'],
    [0.00001, '+0.001%'],
    [0, '±0%'],
  ])('formatPercent(%s) = %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

const SPECS: MetricSpec[] = [
  {
    name: 'accuracy',
    regex: 'a=(.*)',
    goal: 'maximize',
    threshold: 0.9,
    maxRegression: { kind: 'absolute', value: 0.01 },
  },
  { name: 'loss', regex: 'l=(.*)', goal: 'minimize', maxRegression: { kind: 'relative', value: 0.05 } },
  { name: 'f1', regex: 'f=(.*)', goal: 'maximize', threshold: 0.5 },
];
const BASE = { sha: 'b'.repeat(40), metrics: { accuracy: 0.9533, loss: 0.1187, f1: 0.91 } };

function verdict(metrics: Record<string, number>, specs = SPECS) {
  const result = makeResult({ metrics });
  const gate = evaluateGates({ specs, metrics, baseline: BASE });
  const outcome = conclude({ kind: 'trained', result, gate });
  return { line: verdictLine(result, gate), title: verdictTitle(result, gate, outcome) };
}

describe('verdict line and title', () => {
  it('a failing gate: failed metrics first, each with its change and why', () => {
    const { line, title } = verdict({ accuracy: 0.72, loss: 0.5909, f1: 0.92 });
    expect(line).toBe(
      '## ❌ Gate failed: accuracy **0.72** 🔴 ▼ −24% (below 0.9) · loss **0.5909** 🔴 ▲ +398% (regressed) · f1 **0.92** 🟢 ▲ +1.1%',
    );
    expect(title).toBe('Gate failed: accuracy 0.72 ▼24% · loss 0.591 ▲398% +1 more');
    expect(title.length).toBeLessThanOrEqual(CHECK_TITLE_VISIBLE_CHARS);
  });

  it('a passing gate says so, with every gated metric', () => {
    const { line, title } = verdict({ accuracy: 0.96, loss: 0.1012, f1: 0.92 });
    expect(line).toBe(
      '## ✅ Gate passed: accuracy **0.96** 🟢 ▲ +0.7% · loss **0.1012** 🟢 ▼ −15% · f1 **0.92** 🟢 ▲ +1.1%',
    );
    expect(title).toBe('Gate passed: accuracy 0.96 ▲0.7% · loss 0.101 ▼15% +1 more');
  });

  it('without a gated metric it says the training completed', () => {
    const specs: MetricSpec[] = [{ name: 'loss', regex: 'l=(.*)', goal: 'minimize' }];
    expect(verdict({ loss: 0.1 }, specs).title).toBe('Training completed: loss 0.1 ▼16%');
  });

  it.each([
    ['many metrics', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`metric_${i}`, i]))],
    ['a very long name', { ['x'.repeat(300)]: 1 }],
  ])('fits the checks box with %s', (_what, metrics) => {
    const specs = Object.keys(metrics).map((name) => ({ name, regex: 'x', goal: 'maximize' as const, threshold: 100 }));
    const { title } = verdict(metrics, specs);
    expect(title.length).toBeLessThanOrEqual(CHECK_TITLE_VISIBLE_CHARS);
    expect(title.startsWith('Gate failed: ')).toBe(true);
  });

  it('a failed training: the first line of the reason, once', () => {
    const result = makeResult({ status: 'Failed', failureReason: '\nAlgorithmError: boom\nTraceback …', metrics: {} });
    const gate = evaluateGates({ specs: SPECS, metrics: {} });
    expect(verdictLine(result, gate)).toBe('## ❌ Training failed: AlgorithmError: boom');
    expect(verdictTitle(result, gate, { gate: 'failed' })).toBe('Training failed: AlgorithmError: boom');
  });
});
