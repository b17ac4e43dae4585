// The local backend against the real Docker engine: the SageMaker container contract, several hosts, failures,
// cancellation, max runtime, ownership, artifacts and clean-up.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CredentialSource } from '../../../src/backends/local/container-credentials.js';
import { LocalBackend } from '../../../src/backends/local/index.js';
import type { RunContext } from '../../../src/backends/backend.js';
import { buildLocalImage } from '../../../src/image/build-local.js';
import type { LocalRequest } from '../../../src/request.js';
import type { TrainingResult } from '../../../src/result.js';
import {
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  readTarGzFile,
  removeJobResources,
  walk,
  removeTempDirs,
} from '../../helpers/docker.js';
import { localRequest, uniqueJobName } from './request.js';

afterAll(removeTempDirs);

const docker = createDocker();
const IMAGE = 'smt-test/local-train:latest';
const FIXTURE = new URL('./fixtures/train-image/', import.meta.url).pathname;
const jobs: string[] = [];
let root: string;

interface Run {
  result: TrainingResult;
  logger: MemoryLogger;
  states: [string, string][];
  lines: [string, string][];
}

async function runJob(opts: {
  request: LocalRequest;
  jobName: string;
  signal?: AbortSignal;
  hostUser?: { uid: number; gid: number };
  onLogLine?: (host: string, line: string) => void;
  credentials?: CredentialSource;
}): Promise<Run> {
  jobs.push(opts.jobName);
  const logger = new MemoryLogger();
  const states: [string, string][] = [];
  const lines: [string, string][] = [];
  const backend = new LocalBackend({
    docker,
    tmpDir: root,
    ...(opts.hostUser ? { hostUser: opts.hostUser } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });
  const ctx: RunContext<LocalRequest> = {
    request: opts.request,
    imageUri: IMAGE,
    jobName: opts.jobName,
    logger,
    signal: opts.signal ?? new AbortController().signal,
    onState: (key, value) => states.push([key, value]),
    onLogLine: (host, line) => {
      lines.push([host, line]);
      opts.onLogLine?.(host, line);
    },
  };
  const result = await backend.run(ctx);
  return { result, logger, states, lines };
}

function outputOf(run: Run, host: string, prefix: string): string[] {
  return run.lines.filter(([h, l]) => h === host && l.startsWith(prefix)).map(([, l]) => l.slice(prefix.length));
}

async function expectNothingLeft(jobName: string): Promise<void> {
  expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
}

beforeAll(async () => {
  root = await makeTempDir('smt-local-itg-');
  await buildLocalImage({
    docker,
    spec: { kind: 'build', context: FIXTURE, dockerfile: join(FIXTURE, 'Dockerfile'), buildArgs: {}, platform: '' },
    tag: IMAGE,
    logger: new MemoryLogger(),
  });
});

afterAll(async () => {
  await Promise.all(jobs.map((job) => removeJobResources(docker, job)));
});

describe('the container contract', () => {
  it('gives one host its config files, environment, read-only channel and hostname, and packs its artifacts', async () => {
    const jobName = uniqueJobName('Contract');
    const data = join(root, jobName, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'rows.csv'), 'a,b\n');
    const output = join(root, jobName, 'out');
    const request = localRequest({
      hyperparameters: { epochs: '10', lr: '0.05' },
      channels: [
        {
          name: 'train',
          source: { kind: 'local', path: data },
          inputMode: 'File',
          contentType: 'text/csv',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
      ],
      output: { kind: 'local', path: output },
      job: { environment: { MY_VAR: 'my value', AWS_REGION: 'ignored' } },
    });
    const run = await runJob({ request, jobName });

    expect(run.result).toMatchObject({
      mode: 'local',
      jobName,
      status: 'Completed',
      metrics: {},
      metricSeries: {},
      imageUri: IMAGE,
      instanceType: 'local',
      instanceCount: 1,
      hosts: [{ host: 'algo-1', exitCode: 0 }],
      modelArtifacts: join(output, jobName, 'output', 'model.tar.gz'),
      outputArtifacts: join(output, jobName, 'output', 'output.tar.gz'),
      links: [],
    });
    expect(run.result.failureReason).toBeUndefined();
    expect(run.result.trainingSeconds).toBeGreaterThan(0);
    const configs = Object.fromEntries(
      outputOf(run, 'algo-1', 'CONFIG ').map((l): [string, unknown] => [
        l.split(' ')[0] as string,
        JSON.parse(l.slice(l.indexOf(' ') + 1)) as unknown,
      ]),
    );
    expect(configs).toEqual({
      'hyperparameters.json': { epochs: '10', lr: '0.05' },
      'inputdataconfig.json': {
        train: {
          TrainingInputMode: 'File',
          ContentType: 'text/csv',
          S3DistributionType: 'FullyReplicated',
          RecordWrapperType: 'None',
        },
      },
      'resourceconfig.json': {
        current_host: 'algo-1',
        current_instance_type: 'local',
        current_group_name: 'homogeneousCluster',
        hosts: ['algo-1'],
        instance_groups: [{ instance_group_name: 'homogeneousCluster', instance_type: 'local', hosts: ['algo-1'] }],
        network_interface_name: 'eth0',
      },
    });
    expect(outputOf(run, 'algo-1', 'ENV ')).toEqual([
      `TRAINING_JOB_NAME=${jobName}`,
      `TRAINING_JOB_ARN=arn:aws:sagemaker:eu-west-1:000000000000:training-job/${jobName.toLowerCase()}`,
      'AWS_REGION=eu-west-1',
      'MY_VAR=my value',
    ]);
    expect(outputOf(run, 'algo-1', 'ARGV ')).toEqual(['[]']);
    expect(outputOf(run, 'algo-1', 'HOSTNAME ')).toEqual(['algo-1']);
    expect(outputOf(run, 'algo-1', 'DATA ')).toEqual(['/opt/ml/input/data/train/rows.csv a,b']);
    expect(outputOf(run, 'algo-1', 'WRITABLE ')).toEqual([
      '/opt/ml/input/config no',
      '/opt/ml/input/data/train no',
      '/opt/ml/model yes',
      '/opt/ml/output yes',
      '/opt/ml/output/data yes',
    ]);
    expect(outputOf(run, 'algo-1', 'LS ')).toEqual(['input model output']);
    // The last line had no newline: it is still delivered, and logged with its host.
    expect(run.lines.at(-1)).toEqual(['algo-1', 'partial line without newline']);
    expect(run.logger.infos).toContain('algo-1 | partial line without newline');
    expect(run.result.logTail.at(-1)).toBe('algo-1 | partial line without newline');
    expect(run.result.logTail.length).toBeLessThanOrEqual(50);

    expect(await readTarGzFile(run.result.modelArtifacts as string)).toMatchObject([
      { name: 'model.txt', type: 'file', content: 'weights' },
    ]);
    expect(await readTarGzFile(run.result.outputArtifacts as string)).toMatchObject([
      { name: 'metrics.txt', type: 'file', content: 'accuracy=0.9' },
    ]);
    const containerStates = run.states.filter(([key]) => key === 'containers');
    expect(containerStates).toHaveLength(1);
    expect(containerStates[0]?.[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(run.states.some(([key]) => key === 'network')).toBe(false);
    await expectNothingLeft(jobName);
  });

  it('hands the containers AWS credentials only with local.aws-credentials, hidden from the log and its tail', async () => {
    const output = { kind: 'local' as const, path: join(root, 'creds-out') };
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN+/=';
    const regions: string[] = [];
    const credentials: CredentialSource = (region) => {
      regions.push(region);
      return Promise.resolve(() =>
        Promise.resolve({ accessKeyId: 'ASIAEXAMPLE123', secretAccessKey: secret, sessionToken: token }),
      );
    };
    const job = { environment: { SCENARIO: 'credentials' } };

    const without = await runJob({
      jobName: uniqueJobName('nocreds'),
      request: localRequest({ output, job }),
      credentials,
    });
    expect(without.result.status).toBe('Completed');
    expect(regions).toEqual([]);
    expect(outputOf(without, 'algo-1', 'CRED ')).toEqual([
      'AWS_ACCESS_KEY_ID=<unset>',
      'AWS_SECRET_ACCESS_KEY=<unset>',
      'AWS_SESSION_TOKEN=<unset>',
    ]);

    const jobName = uniqueJobName('creds');
    const withCreds = await runJob({
      jobName,
      request: localRequest({ output, job, local: { gpu: 'required', cancelGraceSeconds: 5, awsCredentials: true } }),
      credentials,
    });
    expect(withCreds.result.status).toBe('Completed');
    expect(regions).toEqual(['eu-west-1']);
    // The container had them…
    const [model] = await readTarGzFile(withCreds.result.modelArtifacts as string);
    expect(JSON.parse(model?.content ?? '{}')).toEqual({
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE123',
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
    });
    // …and neither the secret key nor the token reached the printed log or the tail that goes to GitHub.
    expect(withCreds.logger.masked).toEqual(expect.arrayContaining([secret, token]));
    const printed = [...withCreds.logger.infos, ...withCreds.result.logTail].join('\n');
    expect(printed).toContain('algo-1 | CRED AWS_SECRET_ACCESS_KEY=***');
    expect(printed).toContain('algo-1 | CRED AWS_SESSION_TOKEN=***');
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(token);
    expect(withCreds.logger.infos).toContain(
      'AWS credentials: the containers get access key ASIAEXAMPLE123 with a session token (local.aws-credentials)',
    );
    await expectNothingLeft(jobName);
  });

  it('fails before creating a container when local.aws-credentials is set and there are no credentials', async () => {
    const jobName = uniqueJobName('nocredsfail');
    const run = runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'creds-out') },
        local: { gpu: 'required', cancelGraceSeconds: 5, awsCredentials: true },
      }),
      credentials: () =>
        Promise.resolve(() => Promise.reject(new Error('Could not load credentials from any providers'))),
    });
    await expect(run).rejects.toThrow(
      /^local\.aws-credentials is true but no AWS credentials could be resolved \(Could not load credentials from any providers\)/,
    );
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  });

  it('runs the entrypoint with the arguments, and warns that arguments alone are not passed', async () => {
    const withEntrypoint = await runJob({
      jobName: uniqueJobName('entrypoint'),
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: {
          entrypoint: ['python3', '/usr/local/bin/train'],
          arguments: ['--epochs', '3'],
          environment: { SCENARIO: 'echo' },
        },
      }),
    });
    expect(withEntrypoint.result.status).toBe('Completed');
    expect(outputOf(withEntrypoint, 'algo-1', 'argv ')).toEqual(['--epochs 3']);

    const argumentsOnly = await runJob({
      jobName: uniqueJobName('args'),
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { arguments: ['--epochs', '3'], environment: { SCENARIO: 'echo' } },
      }),
    });
    expect(outputOf(argumentsOnly, 'algo-1', 'argv ')).toEqual(['']);
    expect(argumentsOnly.logger.warnings.join('\n')).toMatch(/job\.arguments .* are not passed/);
  });
});

describe('several hosts', () => {
  it('lets algo-1 and algo-2 reach each other by name and merges their model folders', async () => {
    const jobName = uniqueJobName('hosts');
    const output = join(root, jobName, 'out');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: output },
        job: { instanceCount: 2, instanceType: 'ml.m5.large', environment: { SCENARIO: 'contract' } },
      }),
    });
    expect(run.result.status).toBe('Completed');
    for (const host of ['algo-1', 'algo-2']) {
      const config = outputOf(run, host, 'CONFIG resourceconfig.json ')[0] as string;
      expect(JSON.parse(config)).toEqual({
        current_host: host,
        current_instance_type: 'ml.m5.large',
        current_group_name: 'homogeneousCluster',
        hosts: ['algo-1', 'algo-2'],
        instance_groups: [
          { instance_group_name: 'homogeneousCluster', instance_type: 'ml.m5.large', hosts: ['algo-1', 'algo-2'] },
        ],
        network_interface_name: 'eth0',
      });
      expect(outputOf(run, host, 'HOSTNAME ')).toEqual([host]);
    }
    expect(run.states.filter(([key]) => key === 'network')).toHaveLength(1);
    expect(
      run.states
        .filter(([key]) => key === 'containers')
        .at(-1)?.[1]
        .split(','),
    ).toHaveLength(2);
    await expectNothingLeft(jobName);
  });

  it('connects algo-2 to a server on algo-1; the last host wins a name clash in model.tar.gz', async () => {
    const jobName = uniqueJobName('tcp');
    const output = join(root, jobName, 'out');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: output },
        job: { instanceCount: 2, environment: { SCENARIO: 'tcp' } },
      }),
    });
    expect(run.result.status).toBe('Completed');
    expect(run.result.hosts).toEqual([
      { host: 'algo-1', exitCode: 0 },
      { host: 'algo-2', exitCode: 0 },
    ]);
    expect(run.logger.infos).toContain('algo-2 | received: hello from algo-1');
    expect(run.logger.infos).toContain('algo-1 | served a peer');
    const model = await readTarGzFile(run.result.modelArtifacts as string);
    const byName = Object.fromEntries(model.map((e) => [e.name, e.content ?? e.type]));
    expect(byName).toEqual({
      'algo-1.txt': 'algo-1',
      'algo-2.txt': 'algo-2',
      'shared/': 'directory',
      'shared/common.txt': 'written by algo-2',
    });
    const outputEntries = (await readTarGzFile(run.result.outputArtifacts as string)).map((e) => e.name).sort();
    expect(outputEntries).toEqual(['algo-1.log', 'algo-2.log']);
    await expectNothingLeft(jobName);
  });
});

describe('artifacts', () => {
  it('writes gzip archives whose files sit at the root: no model/ or ./ prefix, folders and symlinks kept', async () => {
    const jobName = uniqueJobName('layout');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { environment: { SCENARIO: 'model' } },
      }),
    });
    const file = run.result.modelArtifacts as string;
    expect((await readFile(file)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const entries = await readTarGzFile(file);
    expect(entries.map((e) => [e.name, e.type, e.content ?? e.linkname ?? ''])).toEqual([
      ['a.txt', 'file', 'A'],
      ['link-to-a', 'symlink', 'a.txt'],
      ['nested/', 'directory', ''],
      ['nested/deeper/', 'directory', ''],
      ['nested/deeper/b.txt', 'file', 'B'],
    ]);
    expect(await readTarGzFile(run.result.outputArtifacts as string)).toMatchObject([
      { name: 'report.json', content: '{"ok": true}' },
    ]);
  });
});

describe('failures', () => {
  it('takes the failure reason from /opt/ml/output/failure and still writes the artifacts', async () => {
    const jobName = uniqueJobName('fail');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { environment: { SCENARIO: 'fail' } },
      }),
    });
    expect(run.result).toMatchObject({
      status: 'Failed',
      failureReason: 'AlgorithmError: boom: learning rate must be positive',
      hosts: [{ host: 'algo-1', exitCode: 3 }],
    });
    expect(await readTarGzFile(run.result.modelArtifacts as string)).toMatchObject([
      { name: 'partial.txt', content: 'partial' },
    ]);
    expect(run.result.logTail).toContain('algo-1 | about to fail');
    await expectNothingLeft(jobName);
  });

  it('reports the exit code when there is no failure file, and stops the other hosts', async () => {
    const jobName = uniqueJobName('exit');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { environment: { SCENARIO: 'exit', EXIT_CODE: '4' } },
      }),
    });
    expect(run.result.status).toBe('Failed');
    expect(run.result.failureReason).toBe('AlgorithmError: algo-1 exited with code 4');
    await expectNothingLeft(jobName);
  });

  it('stops the surviving hosts when one host fails', async () => {
    const jobName = uniqueJobName('fail2');
    // Both hosts sleep; once both are ready (SIGTERM handlers installed) algo-1 is killed, and algo-2 must be stopped.
    const ready = new Set<string>();
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { instanceCount: 2, environment: { SCENARIO: 'sleep' } },
        local: { gpu: 'required', cancelGraceSeconds: 1 },
      }),
      onLogLine: (host, line) => {
        if (line === 'ready') ready.add(host);
        if (line === 'ready' && ready.size === 2)
          void docker.getContainer(`${jobName}-algo-1`).kill({ signal: 'SIGKILL' });
      },
    });
    expect(run.result.status).toBe('Failed');
    expect(run.result.failureReason).toBe('AlgorithmError: algo-1 exited with code 137');
    expect(run.result.hosts?.[1]?.exitCode).toBe(0); // algo-2 got SIGTERM and exited cleanly
    expect(run.logger.infos).toContain('algo-2 | got SIGTERM');
    await expectNothingLeft(jobName);
  });

  it('ends a run that reaches max runtime with SIGTERM: MaxRuntimeExceeded', async () => {
    const jobName = uniqueJobName('maxrt');
    const started = Date.now();
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { maxRuntimeSeconds: 2, environment: { SCENARIO: 'sleep' } },
      }),
    });
    expect(run.result).toMatchObject({ status: 'Failed', secondaryStatus: 'MaxRuntimeExceeded' });
    expect(run.result.failureReason).toMatch(/^MaxRuntimeExceeded: .*MaxRuntimeInSeconds.*\(2 s\)/);
    expect(run.logger.infos).toContain('algo-1 | got SIGTERM');
    expect(Date.now() - started).toBeLessThan(20_000);
    const names = (await readTarGzFile(run.result.modelArtifacts as string)).map((e) => e.name);
    expect(names.sort()).toEqual(['started.txt', 'stopped.txt']);
    await expectNothingLeft(jobName);
  });
});

describe('cancellation', () => {
  it('stops the containers, still writes model.tar.gz, removes everything and returns Stopped', async () => {
    const jobName = uniqueJobName('cancel');
    const controller = new AbortController();
    const ready = new Set<string>();
    const run = await runJob({
      jobName,
      signal: controller.signal,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { instanceCount: 2, environment: { SCENARIO: 'sleep' } },
      }),
      onLogLine: (host, line) => {
        if (line === 'ready') ready.add(host);
        if (line === 'ready' && ready.size === 2) controller.abort(new Error('cancelled by test'));
      },
    });
    expect(run.result.status).toBe('Stopped');
    expect(run.result.failureReason).toBeUndefined();
    const names = (await readTarGzFile(run.result.modelArtifacts as string)).map((e) => e.name).sort();
    expect(names).toEqual(['started.txt', 'stopped.txt']);
    await expectNothingLeft(jobName);
  });

  it('returns Stopped without creating anything when the signal is already aborted', async () => {
    const jobName = uniqueJobName('precancel');
    const run = await runJob({
      jobName,
      signal: AbortSignal.abort(),
      request: localRequest({ output: { kind: 'local', path: join(root, 'out') } }),
    });
    expect(run.result.status).toBe('Stopped');
    expect(run.result.modelArtifacts).toBeUndefined();
    expect(run.states).toEqual([]);
  });
});

describe('ownership', () => {
  it('leaves every file and folder it creates under output and checkpoints to the invoking user', async () => {
    const jobName = uniqueJobName('owner');
    const base = join(root, jobName);
    await mkdir(base, { recursive: true });
    const output = join(base, 'out');
    const checkpoints = join(base, 'ckpt', 'nested', 'run');
    const run = await runJob({
      jobName,
      hostUser: { uid: 1001, gid: 1001 },
      request: localRequest({
        output: { kind: 'local', path: output },
        job: {
          environment: { SCENARIO: 'checkpoint' },
          checkpoint: { containerPath: '/opt/ml/checkpoints', hostPath: checkpoints },
        },
      }),
    });
    expect(run.result.status).toBe('Completed');
    expect(outputOf(run, 'algo-1', 'CHECKPOINTCONFIG ').map((l) => JSON.parse(l) as unknown)).toEqual([
      { LocalPath: '/opt/ml/checkpoints' },
    ]);
    const paths = [...(await walk(output)), ...(await walk(join(base, 'ckpt')))];
    expect(paths).toContain(join(checkpoints, 'epoch-1', 'state.bin'));
    expect(paths).toContain(join(output, jobName, 'output', 'model.tar.gz'));
    const owners = await Promise.all(
      paths.map(async (path) => {
        const { uid, gid } = await stat(path);
        return `${path} ${uid}:${gid}`;
      }),
    );
    expect(owners).toEqual(paths.map((path) => `${path} 1001:1001`));
    await expectNothingLeft(jobName);
  });
});

describe('GPUs on an engine without a GPU runtime', () => {
  it('fails a GPU instance type when local.gpu is required: the engine refuses, nothing is left', async () => {
    const jobName = uniqueJobName('gpureq');
    await expect(runJob({ jobName, request: localRequest({ job: { instanceType: 'ml.g5.xlarge' } }) })).rejects.toThrow(
      /no GPU runtime.*set local\.gpu: optional.*The engine said: .*could not select device driver/,
    );
    await expectNothingLeft(jobName);
  });

  it('runs on CPU with a warning when local.gpu is optional', async () => {
    const jobName = uniqueJobName('gpuopt');
    const run = await runJob({
      jobName,
      request: localRequest({
        output: { kind: 'local', path: join(root, 'out') },
        job: { instanceType: 'ml.p3.2xlarge', environment: { SCENARIO: 'echo' } },
        local: { gpu: 'optional', cancelGraceSeconds: 5 },
      }),
    });
    expect(run.result.status).toBe('Completed');
    expect(run.logger.warnings.join('\n')).toMatch(/ml\.p3\.2xlarge has GPUs .* running on CPU/);
  });

  it('always refuses local_gpu', async () => {
    const jobName = uniqueJobName('localgpu');
    await expect(
      runJob({
        jobName,
        request: localRequest({
          job: { instanceType: 'local_gpu' },
          local: { gpu: 'optional', cancelGraceSeconds: 5 },
        }),
      }),
    ).rejects.toThrow(/local_gpu needs GPUs/);
    await expectNothingLeft(jobName);
  });
});
