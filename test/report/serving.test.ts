// The serve test and the registration in the summary, the check run's title and the outputs. Pure.
import { describe, expect, it } from 'vitest';

import { evaluateGates } from '../../src/gate/evaluate.js';
import { checkTitle } from '../../src/report/check-run.js';
import { registrationSection, serveSection, servingOutputs } from '../../src/report/serving.js';
import { resultTable } from '../../src/report/table.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import type { ServeReport } from '../../src/serving.js';
import { makeResult } from './fixtures.js';

const passed: ServeReport = {
  passed: true,
  pingMs: 412.4,
  samples: [
    { name: 'rows.csv', status: 200, latencyMs: 3.2, passed: true },
    { name: 'rows.json', status: 200, latencyMs: 5.1, passed: true },
  ],
  logTail: [],
};
const failed: ServeReport = {
  passed: false,
  reason: 'rows.csv: status 500, expected 200',
  pingMs: 300,
  samples: [{ name: 'rows.csv', status: 500, latencyMs: 2, passed: false, note: 'status 500, expected 200' }],
  logTail: ['Traceback (most recent call last):', 'ValueError: model exploded'],
};
const registered = {
  arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/iris/3',
  group: 'iris',
  version: 3,
  created: true,
  approval: 'PendingManualApproval',
  url: 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/model-registry/iris/3',
};

describe('serving in the reports', () => {
  it('lists each sample with its status and latency, and the failure with the container log', () => {
    expect(serveSection(passed)).toContain('| rows.csv | 200 | 3 ms | ✅ |');
    const text = serveSection(failed);
    expect(text).toContain('❌ Serve test failed: rows.csv: status 500, expected 200');
    expect(text).toContain('ValueError: model exploded');
  });

  it('links the registered version, and says why there is none', () => {
    expect(registrationSection(registered)).toContain(`[iris version 3](${registered.url})`);
    expect(registrationSection({ skipped: 'the gate did not pass' })).toContain(
      'Not registered: the gate did not pass',
    );
  });

  it('shows a serve test cut short by cancellation as stopped, not as a model that does not serve', () => {
    const result = makeResult({ metrics: { accuracy: 0.95 } });
    const gate = evaluateGates({ specs: [], metrics: result.metrics });
    const stopped: ServeReport = {
      passed: false,
      cancelled: true,
      reason: 'the run was cancelled while the serve test waited for /ping',
      samples: [],
      logTail: [],
    };
    const summary = summaryMarkdown(result, { metrics: [] }, { gate, serve: stopped });
    expect(summary.split('\n')[0]).toBe(
      '## ⏹️ Serve test stopped: the run was cancelled while the serve test waited for /ping',
    );
    expect(summary).not.toContain('did not serve');
    expect(serveSection(stopped)).toContain('### ⏹️ Serve test stopped: the run was cancelled');
    const outcome = { conclusion: 'cancelled', gate: 'failed', reason: 'The serve test was stopped' } as const;
    expect(checkTitle({ result, gate, outcome, serve: stopped })).toMatch(/^Serve test stopped: the run was cancelled/);
    expect(servingOutputs(stopped, undefined).serve).toBe('cancelled');
    expect(resultTable(result, gate, stopped)).toMatch(/stopped: the run was cancelled/);
  });

  it('puts both in the summary, and a failed serve test in the verdict and the title', () => {
    const result = makeResult({ metrics: { accuracy: 0.95 } });
    const gate = evaluateGates({ specs: [], metrics: result.metrics });
    const summary = summaryMarkdown(result, { metrics: [] }, { gate, serve: failed, registration: { skipped: 'x' } });
    expect(summary.split('\n')[0]).toMatch(/^## ❌ Gate failed: the model did not serve/);
    expect(summary).toContain('### Model registry');
    const outcome = { conclusion: 'failure', gate: 'failed', reason: 'The model did not serve' } as const;
    expect(checkTitle({ result, gate, outcome, serve: failed })).toMatch(/^Gate failed: did not serve/);
  });

  it('sets every output, empty when nothing ran', () => {
    expect(servingOutputs(passed, registered)).toEqual({
      serve: 'passed',
      'serve-ping-ms': '412',
      'serve-latency-ms': '4',
      'model-package-arn': registered.arn,
      'model-package-version': '3',
    });
    expect(Object.values(servingOutputs(undefined, { skipped: 'x' }))).toEqual(['', '', '', '', '']);
  });
});
