// The saved result of a fork's run: what the writer keeps (within the reader's limits) reads back as the same
// training result, and the reader refuses anything else, naming the field.
import { describe, expect, it } from 'vitest';

import { SAVED_LIMITS, savedResult, trainingResultOf } from '../../src/report/saved-result.js';
import { readSavedResult, SavedResultError } from '../../src/report/saved-result-read.js';
import { makeResult } from './fixtures.js';

const SHA = 'a'.repeat(40);
const saved = () => savedResult(makeResult({ failureReason: 'x' }), { pullRequest: 7, headSha: SHA });
type Doc = Record<string, unknown> & {
  result: Record<string, unknown> & { metrics: Record<string, unknown>; metricSeries: Record<string, unknown> };
};
const json = (mutate: (o: Doc) => void = () => undefined): string => {
  const o = JSON.parse(JSON.stringify(saved())) as Doc;
  mutate(o);
  return JSON.stringify(o);
};

describe('savedResult → readSavedResult', () => {
  it('reads back what was written: the same outcome, nothing on the fork runner linked', () => {
    const back = readSavedResult(JSON.stringify(saved()));
    expect(back).toEqual(saved());
    const { modelArtifacts: _m, outputArtifacts: _o, hosts: _h, ...kept } = makeResult({ failureReason: 'x' });
    expect(trainingResultOf(back)).toEqual({ ...kept, links: [] });
  });

  it('keeps a long run within the limits: series thinned (the last point kept), log tail and texts cut', () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({ timestamp: i, value: i }));
    const s = savedResult(
      makeResult({
        metricSeries: { accuracy: points },
        logTail: Array.from({ length: 500 }, () => 'y'.repeat(5000)),
        failureReason: 'z'.repeat(5000),
      }),
      { pullRequest: 1, headSha: SHA },
    );
    const series = s?.result.metricSeries.accuracy ?? [];
    expect(series.length).toBeLessThanOrEqual(SAVED_LIMITS.pointsPerMetric);
    expect(series.at(-1)).toEqual(points.at(-1));
    expect(s?.result.logTail).toHaveLength(SAVED_LIMITS.logLines);
    expect(() => readSavedResult(JSON.stringify(s))).not.toThrow();
  });

  it('saves nothing for a run still in progress', () => {
    expect(savedResult(makeResult({ status: 'InProgress' }), { pullRequest: 1, headSha: SHA })).toBeUndefined();
  });
});

describe('readSavedResult refuses', () => {
  it.each<[string, string | Buffer, string]>([
    ['oversize', Buffer.alloc(SAVED_LIMITS.bytes + 1, 32), 'is 1048577 bytes, more than 1048576'],
    ['not JSON', '{', 'is not JSON'],
    ['a list', '[]', '$ must be an object'],
    ['another format', json((o) => (o.format = 'x')), '$.format must be "sagemaker-train/saved-result"'],
    ['another version', json((o) => (o.version = 2)), '$.version must be 1'],
    ['a short SHA', json((o) => (o.headSha = 'abc')), '$.headSha must be a full commit SHA'],
    ['a pull request 0', json((o) => (o.pullRequest = 0)), '$.pullRequest must be a whole number from 1'],
    ['an unknown field', json((o) => (o.result.script = 'rm -rf /')), '$.result.script is not a field'],
    ['a missing field', json((o) => Reflect.deleteProperty(o.result, 'metrics')), '$.result.metrics is missing'],
    ['a status InProgress', json((o) => (o.result.status = 'InProgress')), '$.result.status must be Completed'],
    ['a string metric', json((o) => (o.result.metrics.accuracy = '1')), '$.result.metrics.accuracy must be a finite'],
    ['a metric name with markup', json((o) => (o.result.metrics['<b>x</b>'] = 1)), 'is not a metric name'],
    ['a job name with spaces', json((o) => (o.result.jobName = 'a b')), '$.result.jobName must be a training job'],
    ['a huge log line', json((o) => (o.result.logTail = ['y'.repeat(3000)])), '$.result.logTail[0] must be at most'],
    ['a bad point', json((o) => (o.result.metricSeries.accuracy = [{ value: 1 }])), 'accuracy[0].timestamp is missing'],
    ['a bad time', json((o) => (o.result.startedAt = 'yesterday')), '$.result.startedAt must be a UTC time'],
    ['a negative duration', json((o) => (o.result.durationSeconds = -1)), '$.result.durationSeconds must not be'],
    [
      'too many metrics',
      json((o) => {
        for (let i = 0; i <= SAVED_LIMITS.metrics; i++) o.result.metrics[`m${i}`] = i;
      }),
      '$.result.metrics must have at most 50 metrics',
    ],
  ])('%s', (_what, input, message) => {
    expect(() => readSavedResult(input)).toThrow(SavedResultError);
    expect(() => readSavedResult(input)).toThrow(message);
  });
});
