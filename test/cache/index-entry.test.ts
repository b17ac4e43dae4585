// The result index's entries: only a completed run is written; what is read back is used only when every field a
// report reads is what a completed run has (table of broken entries), and never for another fingerprint.
import { describe, expect, it } from 'vitest';

import { entryText, INDEX_FORMAT, parseEntry } from '../../src/cache/index-entry.js';
import { reusedResult } from '../../src/cache/reuse.js';
import { checkTitle } from '../../src/report/check-run.js';
import { reusedNote } from '../../src/report/reused.js';
import type { TrainingResult } from '../../src/result.js';
import { evaluateGates } from '../../src/gate/evaluate.js';
import { conclude } from '../../src/gate/conclusion.js';

const FP = 'a'.repeat(64);
const RESULT: TrainingResult = {
  mode: 'sagemaker',
  jobName: 'iris-1-1-abc',
  status: 'Completed',
  metrics: { accuracy: 0.95 },
  metricSeries: { accuracy: [{ timestamp: 1, value: 0.95 }] },
  modelArtifacts: 's3://b/out/iris-1-1-abc/output/model.tar.gz',
  imageUri: 'r@sha256:00',
  instanceType: 'ml.m5.xlarge',
  instanceCount: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:10:00.000Z',
  durationSeconds: 600,
  logTail: ['secret-ish log line'],
  links: [{ label: 'Training job', url: 'https://console.aws.amazon.com/sagemaker/home#/jobs/iris-1-1-abc' }],
};
const text = (result: TrainingResult = RESULT): string =>
  entryText({ fingerprint: FP, parts: [], result, commit: 'c'.repeat(40), now: new Date('2026-01-02T00:00:00Z') });

describe('index entries', () => {
  it('round-trips a completed run, without its log tail', () => {
    const parsed = parseEntry(text(), FP);
    expect('entry' in parsed && parsed.entry).toMatchObject({
      format: INDEX_FORMAT,
      jobName: RESULT.jobName,
      commit: 'c'.repeat(40),
      ranAt: RESULT.endedAt,
      result: { ...RESULT, logTail: [] },
    });
  });

  it.each(['Failed', 'Stopped', 'InProgress'] as const)('refuses to write a %s run', (status) => {
    expect(() => text({ ...RESULT, status })).toThrow(/only a completed run/);
  });

  const good = JSON.parse(text()) as Record<string, unknown> & { result: Record<string, unknown> };
  const broken: [string, string, RegExp][] = [
    ['not JSON', '{ "format": ', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['another format', JSON.stringify({ ...good, format: 'v0' }), /format/],
    ['another fingerprint', JSON.stringify({ ...good, fingerprint: 'b'.repeat(64) }), /another fingerprint/],
    ['a failed result', JSON.stringify({ ...good, result: { ...good.result, status: 'Failed' } }), /result\.status/],
    [
      'a metric that is not a number',
      JSON.stringify({ ...good, result: { ...good.result, metrics: { a: 'x' } } }),
      /result\.metrics/,
    ],
    [
      'a malformed series',
      JSON.stringify({ ...good, result: { ...good.result, metricSeries: { a: [{ value: 1 }] } } }),
      /metricSeries/,
    ],
    [
      'an artifact that is not a string',
      JSON.stringify({ ...good, result: { ...good.result, modelArtifacts: 3 } }),
      /modelArtifacts/,
    ],
    ['a job name that differs from its result’s', JSON.stringify({ ...good, jobName: 'other' }), /jobName/],
    ['no parts', JSON.stringify({ ...good, parts: undefined }), /parts/],
  ];
  it.each(broken)('ignores an entry with %s', (_what, body, problem) => {
    const parsed = parseEntry(body, FP);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});

describe('a reused result in the reports', () => {
  const parsed = parseEntry(text(), FP);
  if (!('entry' in parsed)) throw new Error(parsed.problem);
  const reused = reusedResult(parsed.entry, 's3://b/out/_results/x.json');

  it('is the recorded result, marked reused, nothing built', () => {
    expect(reused).toMatchObject({
      jobName: RESULT.jobName,
      metrics: RESULT.metrics,
      imageBuilt: false,
      reused: { jobName: RESULT.jobName, commit: 'c'.repeat(40), fingerprint: FP, ranAt: RESULT.endedAt },
    });
  });

  it('says so in the check run title and links the original job in the summary note', () => {
    const gate = evaluateGates({
      specs: [{ name: 'accuracy', regex: 'x', goal: 'maximize', threshold: 0.9 }],
      metrics: reused.metrics,
    });
    const outcome = conclude({ kind: 'trained', result: reused, gate });
    expect(checkTitle({ result: reused, gate, outcome })).toMatch(/^Reused iris-1-1-abc \(cccccccccccc\) · /);
    expect(reusedNote(reused)).toContain(`[\`iris-1-1-abc\`](${RESULT.links[0]?.url})`);
    expect(checkTitle({ result: RESULT, gate, outcome })).not.toMatch(/Reused/);
  });
});
