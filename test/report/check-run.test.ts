import { describe, expect, it } from 'vitest';

import { conclude, evaluateGates, type Baseline } from '../../src/gate/index.js';
import {
  CHECK_TEXT_MAX_CHARS,
  commentBody,
  completedCheckOutput,
  downsample,
  embedResult,
  errorCheckOutput,
  CHECK_TITLE_VISIBLE_CHARS,
  parseEmbeddedResult,
  progressCheckOutput,
  skippedCheckOutput,
  summaryMarkdown,
  TRUNCATION_MARKER,
} from '../../src/report/index.js';
import type { TrainingRequest } from '../../src/request.js';
import type { TrainingResult } from '../../src/result.js';
import { makeRequest, makeResult } from './fixtures.js';

const SHA = 'a'.repeat(40);
const BASE: Baseline = {
  sha: 'b'.repeat(40),
  metrics: { accuracy: 0.949, loss: 0.13 },
  jobName: 'iris-base',
  url: 'https://github.com/octo/repo/runs/7',
};
const REQUEST = makeRequest({
  metrics: [
    {
      name: 'accuracy',
      regex: 'accuracy=([0-9.]+)',
      goal: 'maximize',
      threshold: 0.9,
      maxRegression: { kind: 'absolute', value: 0.01 },
    },
    { name: 'loss', regex: 'loss=([0-9.]+)', goal: 'minimize', maxRegression: { kind: 'relative', value: 0.05 } },
  ],
});

function output(result: TrainingResult, request: TrainingRequest = REQUEST, base: Baseline | 'none' = BASE) {
  const baseline = base === 'none' ? undefined : base;
  const gate = evaluateGates({ specs: request.metrics, metrics: result.metrics, ...(baseline ? { baseline } : {}) });
  return completedCheckOutput({
    result,
    request,
    gate,
    outcome: conclude({ kind: 'trained', result, gate }),
    sha: SHA,
    baseBranch: 'master',
    ...(baseline ? {} : { baselineMissing: 'no completed result in the last 20 commits' }),
    annotationPath: '.github/sagemaker-training.yml',
  });
}

describe('completedCheckOutput', () => {
  it('passes: the verdict as a short title, the table against the base, the embedded result', () => {
    const out = output(makeResult({ metrics: { accuracy: 0.953, loss: 0.121 } }));
    expect(out.title).toBe('Gate passed: accuracy 0.953 ▲0.42% · loss 0.121 ▼6.9%');
    expect(out.annotations).toBeUndefined();
    expect(out.summary).toMatchInlineSnapshot(`
      "## ✅ Gate passed: accuracy **0.953** 🟢 ▲ +0.42% · loss **0.121** 🟢 ▼ −6.9%

      | Metric | Value | Base | Change | Gate |
      |---|---:|---:|---|---|
      | \`accuracy\` | **0.953** | 0.949 | 🟢 ▲ +0.42% (+0.004) | ✅ ≥ 0.9, at most 0.01 worse than base |
      | \`loss\` | **0.121** | 0.13 | 🟢 ▼ −6.9% (−0.009) | ✅ at most 5% worse than base |

      Base: \`master\` at \`bbbbbbb\` · [its result (iris-base)](https://github.com/octo/repo/runs/7).

      <details><summary>Run details</summary>

      - **Job:** \`iris-20250101-120000-abcd\` · local mode · \`local\` × 1
      - **Status:** Completed
      - **Commit:** \`aaaaaaa\`
      - **Image:** \`sagemaker-train/iris:local\`
      - **Hyperparameters:** \`epochs=10\`
      - **Hosts:** algo-1 (exit 0)
      - **Duration:** 1m 05s
      - **Model:** \`/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/model.tar.gz\` (on the runner)
      - **Output:** \`/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/output.tar.gz\` (on the runner)

      </details>
      "
    `);
    expect(parseEmbeddedResult(out.text)).toEqual({
      version: 1,
      status: 'Completed',
      jobName: 'iris-20250101-120000-abcd',
      sha: SHA,
      metrics: { accuracy: 0.953, loss: 0.121 },
      conclusion: 'success',
    });
  });

  it("fails on a regression: the title leads with it, one annotation with one message at the metric's line", () => {
    const request = makeRequest({ metrics: REQUEST.metrics.map((m, i) => ({ ...m, line: 12 + 5 * i })) });
    const out = output(makeResult({ metrics: { accuracy: 0.92, loss: 0.121 } }), request);
    expect(out.title).toBe('Gate failed: accuracy 0.92 ▼3.1% · loss 0.121 ▼6.9%');
    expect(out.summary.split('\n')[0]).toBe(
      '## ❌ Gate failed: accuracy **0.92** 🔴 ▼ −3.1% (regressed) · loss **0.121** 🟢 ▼ −6.9%',
    );
    expect(out.summary).toContain('| 🔴 ▼ −3.1% (−0.029) | ❌ regressed by 0.029 (allowed 0.01) |');
    expect(out.annotations).toEqual([
      {
        path: '.github/sagemaker-training.yml',
        start_line: 12,
        end_line: 12,
        annotation_level: 'failure',
        title: 'accuracy failed the gate',
        message: 'accuracy is 0.92: regressed by 0.029 against master at bbbbbbb (base 0.949, allowed 0.01).',
      },
    ]);
  });

  it('says when there is no baseline', () => {
    const out = output(makeResult(), REQUEST, 'none');
    // A max-regression gate that had nothing to compare with says so in the title, where reviewers see it.
    expect(out.title).toBe('Gate passed: accuracy 0.9 · no baseline on master');
    expect(out.summary).toContain(
      '_No baseline on `master`: no completed result in the last 20 commits. Only the thresholds were checked._',
    );
    expect(out.summary).toContain('| Metric | Value | Gate |');
  });

  it('on a failed job: the reason in the title, the log tail open, one annotation, no gate noise', () => {
    const out = output(
      makeResult({ status: 'Failed', failureReason: 'AlgorithmError: boom\nmore', metrics: {}, logTail: ['a', 'b'] }),
    );
    expect(out.title).toBe('Training failed: AlgorithmError: boom');
    expect(out.summary).toContain('<details open><summary>Last 2 log lines</summary>');
    expect(out.summary).not.toContain('not reported');
    expect(out.summary).not.toContain('| Metric |');
    expect(out.annotations).toEqual([
      expect.objectContaining({ annotation_level: 'failure', message: 'AlgorithmError: boom\nmore', start_line: 1 }),
    ]);
  });

  it('links to the job summary for the charts instead of Mermaid', () => {
    const series = [0.5, 0.7, 0.8, 0.9].map((value, i) => ({ timestamp: i, value, epoch: i + 1 }));
    const result = makeResult({ metricSeries: { accuracy: series } });
    const gate = evaluateGates({ specs: REQUEST.metrics, metrics: result.metrics });
    const out = completedCheckOutput({
      result,
      request: REQUEST,
      gate,
      outcome: conclude({ kind: 'trained', result, gate }),
      sha: SHA,
      chartsUrl: 'https://github.com/octo/repo/actions/runs/9',
    });
    expect(out.summary).not.toContain('mermaid');
    expect(out.summary).toContain(
      '📈 Charts of the metric are in the [job summary](https://github.com/octo/repo/actions/runs/9).',
    );
    // The charted values travel with the result, for a later run to draw as its base.
    expect(parseEmbeddedResult(out.text)?.series).toEqual({ accuracy: [0.5, 0.7, 0.8, 0.9] });
  });

  it('stays within 65,535 characters with a visible marker, and keeps the embedded result', () => {
    const logTail = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(100)}`);
    const out = output(makeResult({ status: 'Failed', failureReason: 'boom', logTail }));
    expect(out.summary.length).toBeLessThanOrEqual(CHECK_TEXT_MAX_CHARS);
    expect(out.summary).toContain(TRUNCATION_MARKER);
    expect(out.summary).toContain('line 2999 ');
    expect((out.text ?? '').length).toBeLessThanOrEqual(CHECK_TEXT_MAX_CHARS);
    expect(parseEmbeddedResult(out.text)?.status).toBe('Failed');
  });

  it('caps annotations at 50 and keeps every title within what the checks box shows', () => {
    const metrics = Array.from({ length: 80 }, (_, i) => ({
      name: `m${i}`,
      regex: 'x=(.*)',
      goal: 'maximize' as const,
      threshold: 1,
    }));
    const out = output(makeResult({ metrics: {} }), makeRequest({ metrics }), 'none');
    expect(out.annotations).toHaveLength(50);
    expect(out.title).toBe('Gate failed: m0 not reported · m1 not reported +78 more');
    const long = output(makeResult({ status: 'Failed', failureReason: 'x'.repeat(5000) }));
    expect(long.title.length).toBeLessThanOrEqual(CHECK_TITLE_VISIBLE_CHARS);
  });
});

describe('other outputs', () => {
  it('skipped, error and progress', () => {
    expect(skippedCheckOutput('a fork has no secrets').title).toBe('Training skipped: a fork has no secrets');
    const err = errorCheckOutput('Invalid configuration', 'cfg.yml');
    expect(err.annotations?.[0]).toMatchObject({ path: 'cfg.yml', start_line: 1, annotation_level: 'failure' });
    // Configuration problems are annotated at their own lines; one without a line goes to line 1 with the reason.
    const located = errorCheckOutput('Invalid configuration (3 problems)', 'cfg.yml', [
      { where: 'job.max-runtime (line 7)', message: 'must be a duration such as 2h' },
      { where: 'fargate.subnets (line 17)', message: 'is required in fargate mode' },
      { where: 'input "mode"', message: 'must be local, sagemaker or fargate' },
    ]);
    expect(located.annotations).toEqual([
      expect.objectContaining({ start_line: 7, end_line: 7, title: 'Invalid configuration: job.max-runtime' }),
      expect.objectContaining({ start_line: 17, message: 'is required in fargate mode' }),
      expect.objectContaining({ start_line: 1, title: 'Training could not run' }),
    ]);
    expect(progressCheckOutput('building', 'job-1')).toEqual({
      title: 'Building the image…',
      summary: '## ⏳ Building the image `job-1`\n\nThe result appears here when the run finishes.\n',
    });
  });

  it('the sticky comment starts with its marker and fits a comment', () => {
    const body = commentBody('sagemaker-training', 'x'.repeat(70_000));
    expect(body.startsWith('<!-- sagemaker-train:comment sagemaker-training -->\n')).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
  });
});

describe('embedded result', () => {
  it('survives text that would end the comment', () => {
    const marker = embedResult({ version: 1, status: 'Completed', jobName: 'j-->x', sha: SHA, metrics: { 'a<b': 1 } });
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(parseEmbeddedResult(`intro\n${marker}\nmore`)).toMatchObject({ jobName: 'j-->x', metrics: { 'a<b': 1 } });
  });
  it.each([
    ['no marker', 'hello'],
    ['bad json', '<!-- sagemaker-train:result {nope} -->'],
    [
      'wrong version',
      '<!-- sagemaker-train:result {"version":2,"status":"Completed","jobName":"j","sha":"s","metrics":{}} -->',
    ],
    [
      'bad status',
      '<!-- sagemaker-train:result {"version":1,"status":"Done","jobName":"j","sha":"s","metrics":{}} -->',
    ],
  ])('ignores %s', (_n, text) => {
    expect(parseEmbeddedResult(text)).toBeUndefined();
  });
  it('drops non-numeric metrics', () => {
    const text =
      '<!-- sagemaker-train:result {"version":1,"status":"Completed","jobName":"j","sha":"s","metrics":{"a":1,"b":"x"}} -->';
    expect(parseEmbeddedResult(text)?.metrics).toEqual({ a: 1 });
  });
});

describe('charts', () => {
  it('downsamples to at most 50 points keeping the first and the last', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const out = downsample(points);
    expect(out).toHaveLength(50);
    expect(out[0]).toBe(0);
    expect(out[49]).toBe(999);
    expect(downsample([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('the summary shows training, billable time and spot savings', () => {
    const md = summaryMarkdown(makeResult({ trainingSeconds: 400, billableSeconds: 100 }), makeRequest());
    expect(md).toContain('- **Billable:** 1m 40s (100 s)');
    expect(md).toContain('- **Spot savings:** 75% (billed 1m 40s of 6m 40s training)');
  });
});

describe('check run: cost and spot savings', () => {
  const options = (result: TrainingResult): Parameters<typeof completedCheckOutput>[0] => {
    const gate = evaluateGates({ specs: REQUEST.metrics, metrics: result.metrics });
    return { result, request: REQUEST, gate, outcome: conclude({ kind: 'trained', result, gate }), sha: SHA };
  };

  it('shows the estimated cost and spot savings in the summary and the text', () => {
    const result = makeResult({
      mode: 'sagemaker',
      trainingSeconds: 1000,
      billableSeconds: 300,
      cost: { usd: 0.12, pricePerHour: 1.408, priceSource: 'table' },
      spotSavingsPercent: 70,
    });
    const out = completedCheckOutput(options(result));
    expect(out.summary).toContain('- **Estimated cost:** ≈ $0.12 (approximate, built-in price table)');
    expect(out.summary).toContain('- **Spot savings:** 70% ');
    expect(out.text).toContain('Estimated cost ≈ $0.12 (approximate, built-in price table); spot savings 70%.');
    expect(parseEmbeddedResult(out.text ?? '')?.jobName).toBe(result.jobName);
  });

  it('a configured price is not called approximate; nothing is said without an estimate', () => {
    const priced = completedCheckOutput(
      options(makeResult({ cost: { usd: 4, pricePerHour: 2, priceSource: 'configured' } })),
    );
    expect(priced.text).toContain('Estimated cost $4.00 (at the configured price).');
    expect(priced.text).not.toContain('approximate');
    const plain = completedCheckOutput(options(makeResult()));
    expect(plain.text).not.toContain('cost');
    expect(plain.summary).not.toContain('Estimated cost');
  });
});
