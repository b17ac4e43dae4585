// The runner records the run cache's index entry of the job it completes, under the fingerprint the action handed
// over in the envelope (so a detached run is recorded too); a failed job, or an envelope without one, records nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { RunnerExit } from '../../src/backends/fargate/contract.js';
import { resetMocks } from '../backends/sagemaker/fake-aws.js';
import { envelope, JOB } from './envelope.js';
import { completed, harness, inline, s3Mock, training } from './harness.js';

const FINGERPRINT = 'f'.repeat(64);
const runCache = {
  fingerprint: FINGERPRINT,
  parts: [{ name: 'format', value: 'sagemaker-train/run/v1' }],
  commit: 'c'.repeat(40),
};

beforeEach(() => {
  s3Mock.reset();
  resetMocks();
});
afterEach(() => {
  s3Mock.reset();
  resetMocks();
});

describe('runner: the run cache', () => {
  it('writes <output>/_results/<fingerprint>.json after result.json when the job completed', async () => {
    const h = harness({ states: [training, completed(60)] });
    const code = await h.run(inline(envelope({ runCache })));
    expect(code, h.out.text).toBe(RunnerExit.Completed);
    expect(h.puts.map((p) => p.Key)).toEqual([`out/${JOB}/result.json`, `out/_results/${FINGERPRINT}.json`]);
    const entry = JSON.parse(h.puts[1]?.Body as string) as Record<string, unknown>;
    expect(entry).toMatchObject({
      format: 'sagemaker-train/result-index/v1',
      fingerprint: FINGERPRINT,
      jobName: JOB,
      commit: 'c'.repeat(40),
      parts: runCache.parts,
      result: { status: 'Completed', mode: 'fargate', jobName: JOB },
    });
  });

  it('records nothing for a failed job, or without a fingerprint', async () => {
    const failed = harness({ states: [training, { at: 30, status: 'Failed', secondary: 'Failed' }] });
    expect(await failed.run(inline(envelope({ runCache })))).toBe(RunnerExit.JobFailed);
    expect(failed.puts.map((p) => p.Key)).toEqual([`out/${JOB}/result.json`]);

    s3Mock.reset();
    resetMocks();
    const plain = harness({ states: [training, completed(60)] });
    expect(await plain.run(inline(envelope()))).toBe(RunnerExit.Completed);
    expect(plain.puts.map((p) => p.Key)).toEqual([`out/${JOB}/result.json`]);
  });

  it('refuses an envelope whose fingerprint is malformed, before launching anything', async () => {
    const h = harness({ states: [training, completed(60)] });
    const code = await h.run(inline(envelope({ runCache: { ...runCache, fingerprint: 'not-hex' } })));
    expect(code).toBe(RunnerExit.BadRequest);
    expect(h.recorded.created).toHaveLength(0);
    expect(h.out.text).toMatch(/runCache must be/);
  });
});
