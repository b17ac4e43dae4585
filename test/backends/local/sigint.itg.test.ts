// SIGINT to a process running the local backend (what GitHub does on cancel): Stopped, artifacts, nothing left.
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildLocalImage } from '../../../src/image/build-local.js';
import type { TrainingResult } from '../../../src/result.js';
import {
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  readTarGzFile,
  removeJobResources,
  removeTempDirs,
} from '../../helpers/docker.js';
import { uniqueJobName } from './request.js';

afterAll(removeTempDirs);

const docker = createDocker();
const IMAGE = 'smt-test/local-train:latest';
const HERE = new URL('.', import.meta.url).pathname;
const FIXTURE = join(HERE, 'fixtures', 'train-image');
// Inside the repository so that the bundle's bare imports resolve to its node_modules.
const BUNDLE = join(HERE, '..', '..', '..', 'node_modules', '.cache', 'smt-test', `cancel-child-${process.pid}.mjs`);
const jobName = uniqueJobName('sigint');
let root: string;

beforeAll(async () => {
  root = await makeTempDir('smt-sigint-itg-');
  await mkdir(join(BUNDLE, '..'), { recursive: true });
  await Promise.all([
    build({
      entryPoints: [join(HERE, 'fixtures', 'cancel-child.ts')],
      outfile: BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    }),
    buildLocalImage({
      docker,
      spec: { kind: 'build', context: FIXTURE, dockerfile: join(FIXTURE, 'Dockerfile'), buildArgs: {}, platform: '' },
      tag: IMAGE,
      logger: new MemoryLogger(),
    }),
  ]);
});

afterAll(async () => {
  await removeJobResources(docker, jobName);
  await rm(BUNDLE, { force: true });
});

describe('SIGINT to the process running a local job', () => {
  it('stops the job, writes model.tar.gz and leaves nothing behind', async () => {
    const output = join(root, 'out');
    const child = spawn(process.execPath, [BUNDLE, jobName, output, root, IMAGE], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('READY\n')) resolve();
      });
      child.once('exit', () => reject(new Error(`child exited before READY:\n${stderr}`)));
    });
    const signalledAt = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    // Well inside GitHub's 10 s between SIGINT and SIGKILL: the container stops on SIGTERM at once.
    expect(Date.now() - signalledAt).toBeLessThan(7_500);

    const line = stdout.split('\n').find((l) => l.startsWith('RESULT ')) as string;
    const result = JSON.parse(line.slice('RESULT '.length)) as TrainingResult;
    expect(result.status).toBe('Stopped');
    expect(stderr).toContain('algo-1 | got SIGTERM');
    const names = (await readTarGzFile(result.modelArtifacts as string)).map((e) => e.name).sort();
    expect(names).toEqual(['started.txt', 'stopped.txt']);
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  });
});
