// The three pages a reviewer meets, built from iris-like runs: passing, failing the gate, failing to train. Shared by
// the report tests, the real-browser rendering test and the screenshot script.
import { judgeTraining } from '../../src/gate/conclusion.js';
import type { Baseline } from '../../src/gate/evaluate.js';
import { completedCheckOutput, runLinks, summaryMarkdown, type CheckOutput } from '../../src/report/index.js';
import type { MetricPoint, TrainingResult } from '../../src/result.js';
import { makeRequest, makeResult } from './fixtures.js';

export const SHA = '4f2c9e1d7a0b3c5e8f6a1b2c3d4e5f60718293a4';
const BASE_SHA = '9b8a7c6d5e4f30211234567890abcdef12345678';
const START = Date.parse('2026-11-21T10:22:10Z');

export const REQUEST = makeRequest({
  configFile: '/ws/examples/iris/sagemaker-training.yml',
  hyperparameters: { epochs: '1000', eta: '0.5', seed: '7' },
  metrics: [
    {
      name: 'accuracy',
      regex: 'accuracy=([0-9.]+)',
      goal: 'maximize',
      threshold: 0.9,
      maxRegression: { kind: 'absolute', value: 0.01 },
      line: 30,
    },
    { name: 'loss', regex: 'loss=([0-9.]+)', goal: 'minimize', line: 35 },
  ],
});

/** Progress lines every 50 epochs, then the final summary line (no epoch). */
function series(f: (epoch: number) => number, final: number): MetricPoint[] {
  const points = Array.from({ length: 20 }, (_, i) => ({
    timestamp: START + i * 40,
    value: Number(f((i + 1) * 50).toFixed(4)),
    epoch: (i + 1) * 50,
  }));
  return [...points, { timestamp: START + 900, value: final }];
}

const LINKS = runLinks({
  serverUrl: 'https://github.com',
  owner: 'octo-org',
  repo: 'iris',
  runUrl: 'https://github.com/octo-org/iris/actions/runs/6021',
  sha: SHA,
  configPath: 'examples/iris/sagemaker-training.yml',
});

const BASELINE: Baseline = {
  sha: BASE_SHA,
  metrics: { accuracy: 0.9533, loss: 0.1187 },
  jobName: 'iris-20261120-160102-77a1',
  url: 'https://github.com/octo-org/iris/runs/31877',
  series: {
    accuracy: series((e) => 0.96 - 0.3 * Math.exp(-e / 120), 0.9533)
      .slice(0, 20)
      .map((p) => p.value),
  },
};

const common = {
  jobName: 'iris-20261121-102210-0452',
  startedAt: '2026-11-21T10:22:10.000Z',
  endedAt: '2026-11-21T10:22:14.000Z',
  durationSeconds: 4.2,
  modelArtifacts: '/home/runner/work/iris/iris/.sagemaker-train/output/iris-20261121-102210-0452/output/model.tar.gz',
  outputArtifacts: '/home/runner/work/iris/iris/.sagemaker-train/output/iris-20261121-102210-0452/output/output.tar.gz',
  imageUri: 'sagemaker-train/iris:ctx-5d1f0c2a9b7e',
};

export const RESULTS: Record<PageName, TrainingResult> = {
  passing: makeResult({
    ...common,
    metrics: { accuracy: 0.96, loss: 0.1012 },
    metricSeries: {
      accuracy: series((e) => 0.967 - 0.3 * Math.exp(-e / 110), 0.96),
      loss: series((e) => 0.1 + 0.9 * Math.exp(-e / 150), 0.1012),
    },
  }),
  'gate-failing': makeResult({
    ...common,
    metrics: { accuracy: 0.72, loss: 0.5909 },
    metricSeries: {
      accuracy: series((e) => 0.73 - 0.1 * Math.exp(-e / 200), 0.72),
      loss: series((e) => 0.58 + 0.5 * Math.exp(-e / 250), 0.5909),
    },
  }),
  'training-failing': makeResult({
    ...common,
    status: 'Failed',
    failureReason: 'AlgorithmError: hyperparameter eta must be a number greater than 0 (got "fast")',
    metrics: {},
    metricSeries: {},
    hosts: [{ host: 'algo-1', exitCode: 2 }],
    logTail: [
      "host algo-1 of ['algo-1']; job iris-20261121-102210-0452",
      'hyperparameters: epochs=1000 eta=fast seed=7 log-every=50',
      'error: hyperparameter eta must be a number greater than 0 (got "fast")',
    ],
  }),
};

export const PAGE_NAMES = ['passing', 'gate-failing', 'training-failing'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface Page {
  summary: string;
  check: CheckOutput;
}

export function page(name: PageName): Page {
  const result = RESULTS[name];
  // The failing run was given a hyperparameter the training code refuses.
  const request =
    name === 'training-failing'
      ? { ...REQUEST, hyperparameters: { ...REQUEST.hyperparameters, eta: 'fast' } }
      : REQUEST;
  const { gate, outcome } = judgeTraining(request.metrics, result, BASELINE);
  const context = { baseBranch: 'main' };
  return {
    summary: summaryMarkdown(result, request, { gate, links: LINKS, ...context }),
    check: completedCheckOutput({
      result,
      request,
      gate,
      outcome,
      sha: SHA,
      ...context,
      annotationPath: 'examples/iris/sagemaker-training.yml',
      links: LINKS,
      ...(LINKS.runUrl ? { chartsUrl: LINKS.runUrl } : {}),
    }),
  };
}
