// The model and output folders live on the host (volumes bound to host folders), on the real engine: the container
// sees what a plain anonymous volume gives it, the artifacts are complete, and nothing a root container wrote is left
// behind, whether this process is root or, as on a GitHub runner, another user in the docker group.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import type { TrainingResult } from '../../../src/result.js';
import {
  buildTestImage,
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  readTarGzFile,
  removeJobResources,
  removeTempDirs,
  walk,
} from '../../helpers/docker.js';
import { localRequest, uniqueJobName } from './request.js';

const docker = createDocker();
const HERE = new URL('.', import.meta.url).pathname;
const FIXTURE = join(HERE, 'fixtures', 'train-image');
/** Own tags: other test files (and other checkouts sharing the engine) build the fixture under theirs. */
const IMAGE = `smt-test/local-hostdirs:${process.pid}`;
const USER_IMAGE = `smt-test/local-hostdirs-user:${process.pid}`;
// Inside the repository so that the bundle's bare imports resolve to its node_modules.
const BUNDLE = join(HERE, '..', '..', '..', 'node_modules', '.cache', 'smt-test', `run-child-${process.pid}.mjs`);
/** The user a GitHub-hosted runner runs as: not root, in the docker group. */
const RUNNER = { uid: 1001, gid: 1001 };
/**
 * Run as root, the folders a run makes are root's, as an anonymous volume's are; and only root can hand a folder to the
 * runner's user and start a process as that user (setpriv, from util-linux).
 */
const AS_ROOT = process.getuid?.() === 0;
const CAN_SWITCH_USER = AS_ROOT && existsSync('/usr/bin/setpriv');
const jobs: string[] = [];
let root: string;

async function dockerGroup(): Promise<number> {
  return (await stat('/var/run/docker.sock')).gid;
}

beforeAll(async () => {
  root = await makeTempDir('smt-hostdirs-itg-');
  await mkdir(join(BUNDLE, '..'), { recursive: true });
  const { readFile } = await import('node:fs/promises');
  const [train, dockerfile] = await Promise.all([
    readFile(join(FIXTURE, 'train'), 'utf8'),
    readFile(join(FIXTURE, 'Dockerfile'), 'utf8'),
  ]);
  await Promise.all([
    build({
      entryPoints: [join(HERE, 'fixtures', 'run-child.ts')],
      outfile: BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    }),
    buildTestImage({ docker, tag: IMAGE, files: { Dockerfile: dockerfile, train: { content: train, mode: 0o755 } } }),
  ]);
  // An image that brings its own model folder (owned by its non-root user, mode 0750, one file) and runs as that user.
  await buildTestImage({
    docker,
    tag: USER_IMAGE,
    files: {
      Dockerfile: [
        `FROM ${IMAGE}`,
        'RUN mkdir -p /opt/ml/model && echo baked > /opt/ml/model/baked.txt && chown -R 1000:1000 /opt/ml/model && chmod 0750 /opt/ml/model',
        'USER 1000',
        '',
      ].join('\n'),
    },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(jobs.map((job) => removeJobResources(docker, job)));
  await Promise.all(
    [USER_IMAGE, IMAGE].map((tag) =>
      docker
        .getImage(tag)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  await rm(BUNDLE, { force: true });
  await removeTempDirs();
});

/** The lines a container of `image` prints for SCENARIO=stat with plain anonymous volumes, as before. */
async function statWithAnonymousVolumes(image: string): Promise<string[]> {
  const jobName = uniqueJobName('anon');
  jobs.push(jobName);
  const container = await docker.createContainer({
    name: jobName,
    Image: image,
    Cmd: ['train'],
    Env: ['SCENARIO=stat'],
    Labels: { 'sagemaker-train.job': jobName },
    Volumes: { '/opt/ml/model': {}, '/opt/ml/output': {}, '/opt/ml/output/data': {} },
    HostConfig: { Mounts: [{ Type: 'bind', Source: join(root, 'config'), Target: '/opt/ml/input/config' }] },
  });
  await container.start();
  await container.wait();
  const logs = (await container.logs({ stdout: true, stderr: true })).toString('utf8');
  await container.remove({ force: true, v: true });
  return logs.split('\n').flatMap((line) => {
    const at = line.search(/(STAT|WROTE) /);
    return at === -1 ? [] : [line.slice(at)];
  });
}

/** The volumes labelled with the job (the engine removes them with their container). */
async function jobVolumes(jobName: string): Promise<string[]> {
  const { Volumes } = await docker.listVolumes({
    filters: JSON.stringify({ label: [`sagemaker-train.job=${jobName}`] }),
  });
  return (Volumes ?? []).map((v) => v.Name);
}

async function runInProcess(image: string, scenario: string, exitCode = '0') {
  const jobName = uniqueJobName(scenario);
  jobs.push(jobName);
  const lines: string[] = [];
  const tmpDir = await makeTempDir('smt-hostdirs-tmp-');
  const result = await new LocalBackend({ docker, tmpDir }).run({
    request: localRequest({
      output: { kind: 'local', path: join(root, 'out') },
      job: { environment: { SCENARIO: scenario, EXIT_CODE: exitCode } },
    }),
    imageUri: image,
    jobName,
    logger: new MemoryLogger(),
    signal: new AbortController().signal,
    onLogLine: (_host, line) => lines.push(line),
  });
  return { result, lines, jobName, tmpDir };
}

describe('what the container sees', () => {
  beforeAll(async () => {
    const { writeFile } = await import('node:fs/promises');
    await mkdir(join(root, 'config'), { recursive: true });
    await writeFile(join(root, 'config', 'resourceconfig.json'), '{"current_host":"algo-1","hosts":["algo-1"]}');
  });

  /** The container's view of its folders with the run's volumes equals that with plain anonymous volumes. */
  async function expectSameView(image: string, model: string[]): Promise<void> {
    const before = await statWithAnonymousVolumes(image);
    const run = await runInProcess(image, 'stat');
    expect(run.result.status).toBe('Completed');
    const seen = run.lines.filter((l) => /^(STAT|WROTE) /.test(l));
    expect(seen).toEqual(before);
    expect(seen).toContain('WROTE yes');
    // The image's own files are in the model, as they were in the volume.
    expect((await readTarGzFile(run.result.modelArtifacts as string)).map((e) => e.name).sort()).toEqual(model);
  }

  // Run by another user, the folders a run makes are that user's, not root's as an anonymous volume's are.
  it.runIf(AS_ROOT)('is what plain anonymous volumes give: an image without the folders, running as root', () =>
    expectSameView(IMAGE, ['by-0.txt']),
  );

  it("is what plain anonymous volumes give: an image with its own model folder and a non-root USER (the folder's owner)", () =>
    expectSameView(USER_IMAGE, ['baked.txt', 'by-1000.txt']));
});

describe('files a root container leaves', () => {
  it('in this process: complete archives, a failure file never followed out of the folder, the work folder removed', async () => {
    const run = await runInProcess(IMAGE, 'private', '2');
    expect(run.result).toMatchObject({ status: 'Failed', failureReason: 'AlgorithmError: private failure reason' });
    const model = await readTarGzFile(run.result.modelArtifacts as string);
    expect(model.map((e) => [e.name, e.content ?? e.type])).toEqual([
      ['model.txt', 'weights'],
      ['secret.bin', 'only root reads this'],
      ['sub/', 'directory'],
      ['sub/deep.txt', 'deep'],
    ]);
    expect(await readdir(run.tmpDir)).toEqual([]);
    expect(await jobVolumes(run.jobName)).toEqual([]);

    const link = await runInProcess(IMAGE, 'failure-link');
    expect(link.result.failureReason).toBe('AlgorithmError: algo-1 exited with code 6');
    expect(await readdir(link.tmpDir)).toEqual([]);
  });

  it.runIf(CAN_SWITCH_USER)(
    'as a non-root user in the docker group: the same archives, its own files, nothing left behind',
    async () => {
      const jobName = uniqueJobName('runner');
      jobs.push(jobName);
      const tmpDir = await makeTempDir('smt-hostdirs-runner-');
      const output = join(tmpDir, 'out');
      const work = join(tmpDir, 'work');
      await Promise.all([mkdir(output), mkdir(work)]);
      await Promise.all([tmpDir, output, work].map((dir) => chown(dir, RUNNER.uid, RUNNER.gid)));
      const child = spawn(
        'setpriv',
        [
          `--reuid=${RUNNER.uid}`,
          `--regid=${RUNNER.gid}`,
          `--groups=${await dockerGroup()}`,
          process.execPath,
          BUNDLE,
          ...[jobName, output, work, IMAGE, 'private', '2'],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, stderr).toBe(0);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT ')) as string;
      const result = JSON.parse(line.slice('RESULT '.length)) as TrainingResult;

      expect(result).toMatchObject({ status: 'Failed', failureReason: 'AlgorithmError: private failure reason' });
      expect(stderr).not.toMatch(/warning|could not/i);
      const model = await readTarGzFile(result.modelArtifacts as string);
      expect(model.map((e) => [e.name, e.content ?? e.type])).toEqual([
        ['model.txt', 'weights'],
        ['secret.bin', 'only root reads this'],
        ['sub/', 'directory'],
        ['sub/deep.txt', 'deep'],
      ]);
      const outputEntries = await readTarGzFile(result.outputArtifacts as string);
      expect(outputEntries.map((e) => [e.name, e.content])).toEqual([['report.txt', 'report']]);
      // The run's work folder is gone, and what it left in the output folder belongs to the runner's user.
      expect(await readdir(work)).toEqual([]);
      const owners = await Promise.all((await walk(output)).map(async (path) => `${path} ${(await stat(path)).uid}`));
      expect(owners.every((o) => o.endsWith(` ${RUNNER.uid}`))).toBe(true);
      expect(owners.some((o) => o.includes('model.tar.gz'))).toBe(true);
      expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
      expect(await jobVolumes(jobName)).toEqual([]);
    },
    60_000,
  );
});
