// The README's example, end to end through the built CLI against the real engine: the image is built from
// examples/iris, trained in local mode as SageMaker would run it, and its metrics and artifacts come back.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TrainingResult } from '../../src/result.js';
import { ensureBuilt, REPO_ROOT, runCliProcess } from '../helpers/actions-env.js';
import { BASE_IMAGE, createDocker, readTarGzFile, walk } from '../helpers/docker.js';

let output: string;

beforeAll(async () => {
  await ensureBuilt();
  output = await mkdtemp(join(tmpdir(), 'smt-iris-'));
});

afterAll(async () => {
  await rm(output, { recursive: true, force: true });
});

describe('examples/iris in local mode', () => {
  it('trains, reports the metrics and writes model.tar.gz with the model at its root', async () => {
    const run = await runCliProcess(
      [
        'run',
        '--config',
        'examples/iris/sagemaker-training.yml',
        '--build-arg',
        `BASE_IMAGE=${BASE_IMAGE}`,
        '--output',
        output,
        '--json',
      ],
      { cwd: REPO_ROOT, env: process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {} },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as TrainingResult;

    expect(result).toMatchObject({ mode: 'local', status: 'Completed', instanceCount: 1 });
    expect(result.jobName).toMatch(/^iris-\d{8}-\d{6}-[0-9a-f]{4}$/);
    // The example's own threshold (0.9) is met, and the loss went down while it trained.
    expect(result.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    const loss = result.metricSeries.loss ?? [];
    expect(loss.length).toBeGreaterThan(5);
    expect(loss.at(-1)!.value).toBeLessThan(loss[0]!.value);
    expect(result.metrics.loss).toBe(loss.at(-1)!.value);
    // The training log was streamed with the host prefix.
    expect(run.stderr).toMatch(/^algo-1 \| epoch=1000 loss=[0-9.]+ accuracy=[0-9.]+$/m);

    // SageMaker's layout: <output>/<job>/output/model.tar.gz, files at the archive root.
    const model = join(output, result.jobName, 'output', 'model.tar.gz');
    expect(result.modelArtifacts).toBe(model);
    expect(result.outputArtifacts).toBe(join(output, result.jobName, 'output', 'output.tar.gz'));
    const entries = await readTarGzFile(model);
    const names = entries.map((e) => e.name).sort();
    expect(names).toContain('model.json');
    const weights = JSON.parse(entries.find((e) => e.name === 'model.json')?.content ?? 'null') as unknown;
    expect(weights).toBeTypeOf('object');

    // Everything left on the host belongs to the user who ran it, and the engine is clean again.
    const uid = process.getuid!();
    for (const file of await walk(output)) expect((await stat(file)).uid, file).toBe(uid);
    const left = await createDocker().listContainers({
      all: true,
      filters: { name: [result.jobName] },
    });
    expect(left).toEqual([]);
  });
});
