// Local mode as a training instance runs the image, on the real engine: /dev/shm beyond Docker's 64 MB, the ulimits,
// and network isolation (hosts reach each other by name, nothing outside the job).
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import { buildLocalImage } from '../../../src/image/build-local.js';
import type { LocalRequest } from '../../../src/request.js';
import type { TrainingResult } from '../../../src/result.js';
import {
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  removeJobResources,
  removeTempDirs,
} from '../../helpers/docker.js';
import { LOCAL_OUTPUT, localRequest, uniqueJobName } from './request.js';

const docker = createDocker();
/** Its own tag: other test files (and other checkouts sharing the engine) build the fixture under theirs. */
const IMAGE = `smt-test/local-faithful:${process.pid}`;
const FIXTURE = new URL('./fixtures/train-image/', import.meta.url).pathname;
const jobs: string[] = [];
let root: string;

beforeAll(async () => {
  root = await makeTempDir('smt-faithful-itg-');
  await buildLocalImage({
    docker,
    spec: { kind: 'build', context: FIXTURE, dockerfile: join(FIXTURE, 'Dockerfile'), buildArgs: {}, platform: '' },
    tag: IMAGE,
    logger: new MemoryLogger(),
  });
});

afterAll(async () => {
  await Promise.all(jobs.map((job) => removeJobResources(docker, job)));
  await docker
    .getImage(IMAGE)
    .remove({ force: true })
    .catch(() => undefined);
  await Promise.all(jobs.map((job) => rm(join(LOCAL_OUTPUT, job), { recursive: true, force: true })));
  await removeTempDirs();
});

interface Run {
  result: TrainingResult;
  logger: MemoryLogger;
  lines: [string, string][];
}

async function runJob(label: string, request: LocalRequest): Promise<Run> {
  const jobName = uniqueJobName(label);
  jobs.push(jobName);
  const logger = new MemoryLogger();
  const lines: [string, string][] = [];
  const result = await new LocalBackend({ docker, tmpDir: root }).run({
    request,
    imageUri: IMAGE,
    jobName,
    logger,
    signal: new AbortController().signal,
    onLogLine: (host, line) => lines.push([host, line]),
  });
  expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  return { result, logger, lines };
}

function said(run: Run, host: string, prefix: string): string[] {
  return run.lines.filter(([h, l]) => h === host && l.startsWith(prefix)).map(([, l]) => l.slice(prefix.length));
}

describe('/dev/shm and ulimits', () => {
  it('lets a container write 200 MiB to /dev/shm (Docker alone gives 64 MB) and keeps the engine memlock on CPU', async () => {
    const run = await runJob('shm', localRequest({ job: { environment: { SCENARIO: 'shm', SHM_MB: '200' } } }));
    expect(run.result.status).toBe('Completed');
    expect(said(run, 'algo-1', 'SHM ')).toContain('wrote 200 MiB');
    const size = Number(/^size (\d+) MiB$/.exec(said(run, 'algo-1', 'SHM ')[0] ?? '')?.[1]);
    expect(size).toBeGreaterThan(200);
    // A CPU run keeps the engine's memlock (unlimited is for GPU runs, where NCCL locks memory).
    expect(said(run, 'algo-1', 'LIMIT RLIMIT_MEMLOCK ')).toEqual([expect.stringMatching(/^\d+ \d+$/)]);
  });

  it('honours local.shm-size and local.ulimits: 64m is too small for 100 MiB, and the limits are those asked', async () => {
    const run = await runJob(
      'shm64',
      localRequest({
        job: { environment: { SCENARIO: 'shm', SHM_MB: '100' } },
        local: {
          gpu: 'required',
          cancelGraceSeconds: 5,
          shmSizeBytes: 64 * 1024 ** 2,
          ulimits: { memlock: 1024 ** 2, nofile: 4096 },
        },
      }),
    );
    expect(run.result).toMatchObject({ status: 'Failed', failureReason: 'AlgorithmError: algo-1 exited with code 4' });
    expect(said(run, 'algo-1', 'SHM ')[0]).toBe('size 64 MiB');
    expect(said(run, 'algo-1', 'SHM ')[1]).toMatch(/^failed after 6\d MiB: .*No space left on device/);
    expect(said(run, 'algo-1', 'LIMIT RLIMIT_MEMLOCK ')).toEqual([`${1024 ** 2} ${1024 ** 2}`]);
    expect(said(run, 'algo-1', 'LIMIT RLIMIT_NOFILE ')).toEqual(['4096 4096']);
  });
});

/** This machine's first non-loopback IPv4 address: outside every container network, and never off this machine. */
function hostAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal && !a.address.startsWith('172.'));
  if (!address) throw new Error('this machine has no non-loopback IPv4 address to serve the "outside" from');
  return address.address;
}

describe('network isolation', () => {
  let outside: Server;
  let target: string;
  beforeAll(async () => {
    outside = createServer((socket) => socket.end('hello from outside'));
    await new Promise<void>((done) => outside.listen(0, '0.0.0.0', done));
    const { port } = outside.address() as { port: number };
    target = `${hostAddress()}:${port}`;
  });
  afterAll(() => new Promise<void>((done) => outside.close(() => done())));

  const twoHosts = (isolation: boolean) =>
    localRequest({
      job: { instanceCount: 2, networkIsolation: isolation, environment: { SCENARIO: 'isolated', OUTSIDE: target } },
    });

  it('without isolation, the hosts reach a server on this machine outside the job network (the control)', async () => {
    const run = await runJob('open', twoHosts(false));
    expect(run.result.status).toBe('Completed');
    expect(said(run, 'algo-1', 'OUTSIDE ')).toEqual(['reached: hello from outside']);
    expect(said(run, 'algo-2', 'OUTSIDE ')).toEqual(['reached: hello from outside']);
  });

  it('with isolation, no host reaches it, while algo-2 still resolves algo-1 and gets its answer', async () => {
    const run = await runJob('isolated', twoHosts(true));
    expect(run.result.status).toBe('Completed');
    expect(said(run, 'algo-1', 'OUTSIDE ')[0]).toMatch(/^unreachable/);
    expect(said(run, 'algo-2', 'OUTSIDE ')[0]).toMatch(/^unreachable/);
    expect(said(run, 'algo-2', 'PEER ')).toEqual([
      expect.stringMatching(/^algo-1 is \d+\.\d+\.\d+\.\d+$/),
      'reached: hello from algo-1',
    ]);
    expect(run.logger.infos).toContain(
      'Network isolation: the hosts are on an internal network with no route out; channels were downloaded first',
    );
  });
});
