import { describe, expect, it } from 'vitest';
import { actionOutputs, Output, requestSummary, resultTable } from '../../src/report/index.js';
import { makeRequest, makeResult } from './fixtures.js';

describe('resultTable', () => {
  it('aligns a completed run', () => {
    expect(resultTable(makeResult())).toMatchInlineSnapshot(`
      "Status            Completed
      Job name          iris-20250101-120000-abcd
      Mode              local
      Image             sagemaker-train/iris:local
      Instances         local x 1
      Duration          1m 05s
      Hosts             algo-1 (exit 0)
      Model artifacts   /ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/model.tar.gz
      Output artifacts  /ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/output.tar.gz

      Metric    Final
      accuracy  0.9
      loss      0.1
      "
    `);
  });

  it('shows the failure reason on one line and says when there are no metrics', () => {
    const text = resultTable(
      makeResult({ status: 'Failed', failureReason: 'line one\n  line two', metrics: {}, modelArtifacts: undefined }),
    );
    expect(text).toContain('Failure reason    line one line two\n');
    expect(text).toContain('No metrics reported.');
    expect(text).not.toContain('Model artifacts');
  });
});

describe('actionOutputs', () => {
  it('sets every output, empty when there is nothing to say', () => {
    expect(
      actionOutputs(
        makeResult({ status: 'Failed', failureReason: 'boom', modelArtifacts: undefined, durationSeconds: 12.6 }),
      ),
    ).toEqual({
      'job-name': 'iris-20250101-120000-abcd',
      status: 'Failed',
      'failure-reason': 'boom',
      'model-artifacts': '',
      'output-artifacts': '/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/output.tar.gz',
      metrics: '{"accuracy":0.9,"loss":0.1}',
      'image-uri': 'sagemaker-train/iris:local',
      'image-tag': '',
      'image-built': 'false',
      'image-source': '',
      'duration-seconds': '13',
      'estimated-cost': '',
      'spot-savings': '',
      'task-arn': '',
      'result-uri': '',
      reused: 'false',
      'reused-from-job': '',
      'reused-from-commit': '',
    });
  });

  it('gives the estimated cost in USD and the spot savings in percent, as plain numbers', () => {
    const outputs = actionOutputs(
      makeResult({ cost: { usd: 1.5, pricePerHour: 1.408, priceSource: 'table' }, spotSavingsPercent: 66.7 }),
    );
    expect(outputs).toMatchObject({ 'estimated-cost': '1.50', 'spot-savings': '66.7' });
    expect(Number(outputs['estimated-cost'])).toBe(1.5);
  });

  it('gives the runner task and, when the run was handed off, where its result will be', () => {
    const taskArn = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';
    const resultUri = 's3://bucket/out/iris-20250101-120000-abcd/result.json';
    expect(
      actionOutputs(
        makeResult({ mode: 'fargate', status: 'InProgress', taskArn, detached: { resultUri, checkRunId: 7 } }),
      ),
    ).toMatchObject({ status: 'InProgress', 'task-arn': taskArn, 'result-uri': resultUri });
  });

  it('gives the content tag and whether the run built the image', () => {
    const outputs = actionOutputs(
      makeResult({ imageTag: 'ctx-0123456789abcdef', imageBuilt: true, imageSource: 'assembled' }),
    );
    expect(outputs).toMatchObject({
      'image-tag': 'ctx-0123456789abcdef',
      'image-built': 'true',
      'image-source': 'assembled',
    });
  });

  it('has a key for every Output', () => {
    expect(Object.keys(actionOutputs(makeResult())).sort()).toEqual(Object.values(Output).sort());
  });

  it('writes metrics as JSON that reads back exactly', () => {
    const metrics = { a: 0.30000000000000004, b: -1e-9 };
    expect(JSON.parse(actionOutputs(makeResult({ metrics }))[Output.Metrics])).toEqual(metrics);
  });
});

describe('requestSummary', () => {
  it('describes a validated request', () => {
    expect(requestSummary(makeRequest())).toMatchInlineSnapshot(`
      "Mode             local
      Configuration    /ws/.github/sagemaker-training.yml
      Workspace        /ws
      Image            build /ws/Dockerfile (context /ws, linux/amd64)
      Job name         iris-<generated>
      Instances        local x 1
      Max runtime      1h 00m 00s
      Channel train    /ws/data (File)
      Output           /ws/.sagemaker-train/output
      Hyperparameters  epochs=10
      Metrics          accuracy (maximize, threshold 0.8), loss (minimize)
      Local GPU        optional
      "
    `);
  });
});

describe('secondary status', () => {
  it('is shown only when it says more than the status', () => {
    expect(resultTable(makeResult({ secondaryStatus: 'Completed' }))).toMatch(/^Status\s+Completed\n/);
    expect(resultTable(makeResult({ status: 'Failed', secondaryStatus: 'MaxRuntimeExceeded' }))).toMatch(
      /^Status\s+Failed \(MaxRuntimeExceeded\)\n/,
    );
  });
});

describe('resultTable with the gate', () => {
  it('shows thresholds, verdicts and the gate line', async () => {
    const { evaluateGates } = await import('../../src/gate/index.js');
    const result = makeResult({ metrics: { accuracy: 0.7, loss: 0.1 } });
    const gate = evaluateGates({ specs: makeRequest().metrics, metrics: result.metrics });
    const text = resultTable(result, gate);
    expect(text).toContain(
      [
        'Metric    Final  Threshold  Verdict',
        'accuracy  0.7    >= 0.8     FAIL: below threshold 0.8',
        'loss      0.1    -          -',
        '',
        'Gate: FAILED',
      ].join('\n'),
    );
  });
});
