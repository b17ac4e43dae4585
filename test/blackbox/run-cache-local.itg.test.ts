// The run cache through dist/main.js in local mode, against the real engine: the first run builds and trains and
// records itself in <output>/_results/; an identical second run reuses it without touching the image step or the
// engine's containers; a changed file in the local channel, a changed Dockerfile, and a deleted artifact each train
// again.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, runAction, type ActionRun } from '../helpers/actions-env.js';
import { BASE_IMAGE, createDocker } from '../helpers/docker.js';

const PREFIX = `rc${randomBytes(3).toString('hex')}`;
let ws: string;

const dockerfile = (extra = ''): string =>
  [`FROM ${BASE_IMAGE}`, 'COPY train /usr/local/bin/train', 'RUN chmod +x /usr/local/bin/train', extra, ''].join('\n');

const TRAIN = [
  '#!/bin/sh',
  'set -e',
  'cat /opt/ml/input/data/training/*.csv > /dev/null',
  'echo "accuracy=0.95"',
  'echo weights > /opt/ml/model/model.txt',
  '',
].join('\n');

beforeAll(async () => {
  await ensureBuilt();
  ws = await mkdtemp(join(tmpdir(), 'smt-bb-cache-local-'));
  await mkdir(join(ws, '.github'));
  await mkdir(join(ws, 'data'));
  await writeFile(join(ws, 'data', 'a.csv'), '1,2,3\n');
  await mkdir(join(ws, 'image'));
  await writeFile(join(ws, 'image', 'train'), TRAIN, { mode: 0o755 });
  await writeFile(join(ws, 'image', 'Dockerfile'), dockerfile());
  await writeFile(
    join(ws, '.github', 'sagemaker-training.yml'),
    [
      'mode: local',
      // The build context holds neither the output nor the data, so a run changes neither its tag.
      'image: { context: ./image, dockerfile: ./image/Dockerfile }',
      `job: { name-prefix: ${PREFIX}, instance-type: local }`,
      'channels: { training: ./data }',
      'output: ./out',
      "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
      '',
    ].join('\n'),
  );
}, 120_000);

afterAll(async () => {
  const docker = createDocker();
  const images = await docker.listImages({ filters: { reference: [`sagemaker-train/${PREFIX}`] } });
  for (const image of images)
    await docker
      .getImage(image.Id)
      .remove({ force: true })
      .catch(() => undefined);
  await rm(ws, { recursive: true, force: true });
});

const engineEnv: Record<string, string> = process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {};

async function main(): Promise<ActionRun> {
  const run = await runAction('main', { workspace: ws, env: engineEnv, timeoutMs: 170_000 });
  expect(run.code, run.stdout).toBe(0);
  return run;
}

const trained = (run: ActionRun): boolean => /algo-1 \| accuracy=0\.95/.test(run.stdout);

describe('dist/main.js with the run cache (local mode, real engine)', () => {
  let first: ActionRun;

  it('trains and records the first run, then reuses it without the image step or a container', async () => {
    first = await main();
    expect(trained(first)).toBe(true);
    expect(first.outputs).toMatchObject({ status: 'Completed', reused: 'false', 'image-built': 'true' });
    expect(await readdir(join(ws, 'out', '_results'))).toHaveLength(1);

    const second = await main();
    expect(second.outputs).toMatchObject({
      status: 'Completed',
      reused: 'true',
      'reused-from-job': first.outputs['job-name'],
      'job-name': first.outputs['job-name'],
      'model-artifacts': first.outputs['model-artifacts'],
      metrics: first.outputs.metrics,
      'image-built': 'false',
      gate: 'passed',
    });
    expect(trained(second)).toBe(false);
    // The image step never ran: no content tag was computed for a build, nothing was built.
    expect(second.stdout).not.toMatch(/Content tag ctx-/);
    expect(second.summary).toContain('♻️ **Reused**');
  }, 360_000);

  it('trains again when a file of the local channel changed (the image is not rebuilt)', async () => {
    await writeFile(join(ws, 'data', 'a.csv'), '1,2,4\n');
    const run = await main();
    expect(trained(run)).toBe(true);
    expect(run.outputs).toMatchObject({ reused: 'false', 'image-built': 'false' });
  }, 180_000);

  it('trains again when the Dockerfile changed', async () => {
    await writeFile(join(ws, 'image', 'Dockerfile'), dockerfile('ENV CHANGED=1'));
    const run = await main();
    expect(trained(run)).toBe(true);
    expect(run.outputs).toMatchObject({ reused: 'false', 'image-built': 'true' });
  }, 180_000);

  it('trains again when the earlier run’s model artifact is gone', async () => {
    const reused = await main();
    expect(reused.outputs.reused).toBe('true');
    await unlink(reused.outputs['model-artifacts'] ?? '');
    const run = await main();
    expect(trained(run)).toBe(true);
    expect(run.outputs.reused).toBe('false');
    expect(run.stdout).toMatch(/its artifacts are gone/);
  }, 360_000);
});
