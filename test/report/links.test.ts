import { describe, expect, it } from 'vitest';

import { artifactsUrl, configUrl, runDetails, runLinks, s3ConsoleUrl } from '../../src/report/index.js';
import { makeResult } from './fixtures.js';

const LINKS = runLinks({
  serverUrl: 'https://github.com/',
  owner: 'octo',
  repo: 'iris',
  runUrl: 'https://github.com/octo/iris/actions/runs/42',
  sha: 'c'.repeat(40),
  configPath: '.github/sagemaker training.yml',
  region: 'eu-west-1',
});

describe('links that lead somewhere', () => {
  it('S3 objects and prefixes open in the AWS console, in their region', () => {
    expect(s3ConsoleUrl('s3://my-bucket/models/iris-1/output/model.tar.gz', 'eu-west-1')).toBe(
      'https://s3.console.aws.amazon.com/s3/object/my-bucket?region=eu-west-1&prefix=models%2Firis-1%2Foutput%2Fmodel.tar.gz',
    );
    expect(s3ConsoleUrl('s3://my-bucket/models/')).toBe(
      'https://s3.console.aws.amazon.com/s3/buckets/my-bucket?prefix=models%2F',
    );
    expect(s3ConsoleUrl('/home/runner/out/model.tar.gz')).toBeUndefined();
  });

  it('the configuration at the commit that ran, and the uploaded artifacts of the run', () => {
    expect(configUrl(LINKS, 30)).toBe(
      `https://github.com/octo/iris/blob/${'c'.repeat(40)}/.github/sagemaker%20training.yml#L30`,
    );
    expect(artifactsUrl(LINKS)).toBe('https://github.com/octo/iris/actions/runs/42#artifacts');
    expect(runLinks({ runUrl: 'https://ghe.example/o/r/actions/runs/7' }).repositoryUrl).toBe(
      'https://ghe.example/o/r',
    );
  });

  it('run details: S3 console links in a remote mode, the runner label on local paths, nothing for a failed job', () => {
    const remote = runDetails(
      makeResult({
        mode: 'sagemaker',
        modelArtifacts: 's3://b/m/job/output/model.tar.gz',
        outputArtifacts: undefined,
        links: [{ label: 'SageMaker console', url: 'https://console.aws.amazon.com/sagemaker/home#/jobs/job' }],
      }),
      { hyperparameters: { epochs: '3' } },
      LINKS,
    );
    expect(remote).toContain(
      '- **Model:** [model.tar.gz](https://s3.console.aws.amazon.com/s3/object/b?region=eu-west-1&prefix=m%2Fjob%2Foutput%2Fmodel.tar.gz) (`s3://b/m/job/output/model.tar.gz`)',
    );
    expect(remote).toContain(
      '- **Links:** [workflow run](https://github.com/octo/iris/actions/runs/42) · [uploaded artifacts](https://github.com/octo/iris/actions/runs/42#artifacts) · [SageMaker console](https://console.aws.amazon.com/sagemaker/home#/jobs/job)',
    );
    expect(remote).toContain('- **Hyperparameters:** `epochs=3`');
    expect(remote).toContain(`- **Commit:** [ccccccc](https://github.com/octo/iris/commit/${'c'.repeat(40)})`);
    expect(remote).toContain('- **Configuration:** [.github/sagemaker training.yml](');
    expect(remote.startsWith('<details><summary>Run details</summary>')).toBe(true);

    const pr = runDetails(makeResult(), {}, LINKS, { number: 12, url: 'https://github.com/octo/iris/pull/12' });
    expect(pr).toContain('- **Pull request:** [#12](https://github.com/octo/iris/pull/12)');
    const local = runDetails(makeResult({ modelArtifacts: '/ws/out/model.tar.gz' }), {}, {});
    expect(local).toContain('- **Model:** `/ws/out/model.tar.gz` (on the runner)');
    const failed = runDetails(makeResult({ status: 'Failed', modelArtifacts: '/ws/out/model.tar.gz' }), {}, {});
    expect(failed).not.toContain('model.tar.gz');
  });
});
