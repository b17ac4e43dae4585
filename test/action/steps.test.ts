import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';

import { runMainStep, type MainStepDeps } from '../../src/action/main-step.js';
import { runPostStep } from '../../src/action/post-step.js';
import type { RunsTraining as Backend, RunContext } from '../../src/backends/backend.js';
import type { TrainingResult } from '../../src/result.js';
import { State } from '../../src/state.js';
import { readRunIdentity } from '../../src/run-identity.js';
import { FakeCore } from './fake-core.js';

const CONFIG = `
mode: local
image:
  uri: local/img:1
job:
  name-prefix: unit
  instance-type: local
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.5 }
`;

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(yaml = CONFIG): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-steps-'));
  tempDirs.push(dir);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), yaml);
  return dir;
}

function backend(
  outcome: Partial<TrainingResult> = {},
  during?: (ctx: RunContext) => Promise<void>,
): Backend & { ran: boolean } {
  return {
    ran: false,
    async run(ctx) {
      this.ran = true;
      ctx.onState?.(State.Containers, 'c1');
      ctx.onState?.('github-token' as State, 'should-never-be-saved');
      ctx.onLogLine?.('algo-1', 'accuracy=0.75');
      await during?.(ctx);
      return {
        mode: 'local',
        jobName: ctx.jobName,
        status: 'Completed',
        metrics: {},
        metricSeries: {},
        modelArtifacts: '/out/model.tar.gz',
        imageUri: ctx.imageUri,
        instanceType: 'local',
        instanceCount: 1,
        startedAt: '2025-01-01T00:00:00Z',
        endedAt: '2025-01-01T00:00:10Z',
        durationSeconds: 10,
        logTail: ['accuracy=0.75'],
        links: [],
        ...outcome,
      };
    },
  };
}

function deps(core: FakeCore, ws: string, b: Backend, extra: Partial<MainStepDeps> = {}): MainStepDeps {
  return {
    core,
    env: { GITHUB_WORKSPACE: ws },
    cwd: '/nowhere',
    createDocker: () => Promise.resolve({} as Dockerode),
    signals: new EventEmitter(),
    pipeline: { backendFor: () => b, now: () => new Date('2025-01-01T00:00:00Z'), random: () => 0 },
    ...extra,
  };
}

describe('main step', () => {
  it('trains, saves state as it appears, sets every output and the summary, and passes', async () => {
    const ws = await workspace();
    const core = new FakeCore({ 'github-token': 'ghs_x', config: '.github/sagemaker-training.yml' });
    await runMainStep(deps(core, ws, backend()));
    expect(core.failed).toBeUndefined();
    expect(core.secrets).toEqual(['ghs_x']);
    expect(core.saved).toEqual({ 'job-name': 'unit-20250101-000000-0000', containers: 'c1', finished: 'true' });
    expect(core.log).not.toContain('ghs_x');
    expect(core.outputs).toMatchObject({
      'job-name': 'unit-20250101-000000-0000',
      status: 'Completed',
      metrics: '{"accuracy":0.75}',
      'model-artifacts': '/out/model.tar.gz',
      'image-uri': 'local/img:1',
      'duration-seconds': '10',
    });
    expect(core.summaries).toHaveLength(1);
    expect(core.summaries[0]).toMatch(/^## ✅ Gate passed: accuracy \*\*0\.75\*\*/);
    expect(core.summaries[0]).toContain('| `accuracy` | **0.75** | ✅ ≥ 0.5 |');
    // Phases are grouped; the job name is saved before the training starts.
    const groups = core.events.filter((e) => e.startsWith('group '));
    expect(groups).toEqual(['group Configuration', 'group Train unit-20250101-000000-0000', 'group Report']);
    expect(core.events.indexOf('saveState job-name=unit-20250101-000000-0000')).toBeLessThan(
      core.events.indexOf('group Train unit-20250101-000000-0000'),
    );
  });

  it('fails the step when the job failed, after setting outputs and the summary', async () => {
    const ws = await workspace();
    const core = new FakeCore();
    await runMainStep(deps(core, ws, backend({ status: 'Failed', failureReason: 'AlgorithmError: exit 1' })));
    expect(core.failed).toBe('Training job unit-20250101-000000-0000 failed: AlgorithmError: exit 1');
    expect(core.outputs.status).toBe('Failed');
    expect(core.outputs['failure-reason']).toBe('AlgorithmError: exit 1');
    expect(core.summaries[0]).toContain('❌ Training failed');
  });

  it('aborts the run on SIGINT and reports it stopped', async () => {
    const ws = await workspace();
    const core = new FakeCore();
    const signals = new EventEmitter();
    let sawAbort = false;
    const b = backend({}, async (ctx) => {
      signals.emit('SIGINT', 'SIGINT');
      sawAbort = ctx.signal.aborted;
      await Promise.resolve();
    });
    const realRun = b.run.bind(b);
    b.run = async (ctx) => ({ ...(await realRun(ctx)), status: ctx.signal.aborted ? 'Stopped' : 'Completed' });
    await runMainStep(deps(core, ws, b, { signals }));
    expect(sawAbort).toBe(true);
    expect(core.outputs.status).toBe('Stopped');
    expect(core.failed).toMatch(/was stopped/);
    expect(signals.listenerCount('SIGINT')).toBe(0);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('reports every configuration problem at once and never touches Docker', async () => {
    const ws = await workspace('mode: nowhere\njob:\n  instance-count: zero\n');
    const core = new FakeCore();
    let dockerCreated = false;
    const b = backend();
    await runMainStep(
      deps(core, ws, b, {
        createDocker: () => {
          dockerCreated = true;
          return Promise.resolve({} as Dockerode);
        },
      }),
    );
    expect(core.failed).toMatch(/Invalid configuration \(\d+ problems\)/);
    expect(core.failed).toMatch(/mode/);
    expect(core.failed).toMatch(/instance-count/);
    expect(dockerCreated).toBe(false);
    expect(b.ran).toBe(false);
    expect(core.outputs).toEqual({});
  });

  it('fails with the message of anything thrown, Error or not', async () => {
    const ws = await workspace();
    const core = new FakeCore();
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error on purpose
    const broken: Backend = { run: () => Promise.reject('engine gone') };
    await runMainStep(deps(core, ws, broken));
    expect(core.failed).toBe('engine gone');
    expect(core.saved.finished).toBeUndefined();
  });

  it('runs mode fargate by default, and fails clearly without its settings', async () => {
    const ws = await workspace();
    const core = new FakeCore({
      mode: 'fargate',
      'role-arn': 'arn:aws:iam::123456789012:role/R',
      'instance-type': 'ml.m5.large',
      'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1',
      output: 's3://bucket/models/',
    });
    const d = deps(core, ws, backend());
    delete d.pipeline?.backendFor;
    await runMainStep(d);
    expect(core.failed).toMatch(/fargate/);
    expect(core.failed).not.toContain('not available');
  });

  it('sets the task-arn output the moment the runner task exists, even when the run then breaks', async () => {
    const ws = await workspace();
    const core = new FakeCore();
    const arn = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';
    const b: Backend = {
      run: (ctx) => {
        ctx.onState?.(State.TaskArn, arn);
        return Promise.reject(new Error('DescribeTasks: AccessDeniedException'));
      },
    };
    await runMainStep(deps(core, ws, b));
    expect(core.failed).toBe('DescribeTasks: AccessDeniedException');
    expect(core.outputs['task-arn']).toBe(arn);
    expect(core.saved['task-arn']).toBe(arn);
  });

  it('still sets outputs and the verdict when the summary cannot be written', async () => {
    const ws = await workspace();
    const core = new FakeCore();
    core.summaryError = new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    await runMainStep(deps(core, ws, backend()));
    expect(core.failed).toBeUndefined();
    expect(core.outputs.status).toBe('Completed');
    expect(core.log).toContain('warning Could not write the job summary');
  });
});

describe('post step', () => {
  function fakeDocker(removed: string[], failWith?: Error): Dockerode {
    return {
      getContainer: (id: string) => ({
        remove: () => (failWith ? Promise.reject(failWith) : (removed.push(`container ${id}`), Promise.resolve())),
      }),
      getNetwork: (id: string) => ({ remove: () => (removed.push(`network ${id}`), Promise.resolve()) }),
    } as unknown as Dockerode;
  }

  it('removes the recorded containers and network when the main step did not finish', async () => {
    const removed: string[] = [];
    const core = new FakeCore({}, { 'job-name': 'j', containers: 'c1,c2', network: 'n1' });
    await runPostStep({ core, createDocker: () => Promise.resolve(fakeDocker(removed)) });
    expect(removed).toEqual(['container c1', 'container c2', 'network n1']);
    expect(core.failed).toBeUndefined();
  });

  it('does nothing when the main step finished', async () => {
    let created = false;
    const core = new FakeCore({}, { containers: 'c1', finished: 'true' });
    await runPostStep({
      core,
      createDocker: () => {
        created = true;
        return Promise.resolve(fakeDocker([]));
      },
    });
    expect(created).toBe(false);
  });

  it('stops the SageMaker job the main step created and did not see to its end', async () => {
    const stopped: { jobName: string; region: string }[] = [];
    const core = new FakeCore({}, { 'job-name': 'iris-123-1-abcdef', 'sagemaker-region': 'eu-west-1' });
    await runPostStep({
      core,
      env: { GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '1' },
      stopTrainingJob: ({ jobName, region }) => (stopped.push({ jobName, region }), Promise.resolve(true)),
    });
    expect(stopped).toEqual([{ jobName: 'iris-123-1-abcdef', region: 'eu-west-1' }]);
    expect(core.log).toContain('stopping training job iris-123-1-abcdef (eu-west-1)');
    expect(core.failed).toBeUndefined();
  });

  it('leaves a SageMaker job alone when the main step finished, and ignores a malformed region', async () => {
    const stopped: string[] = [];
    const stopTrainingJob = ({ jobName }: { jobName: string }): Promise<boolean> => (
      stopped.push(jobName),
      Promise.resolve(true)
    );
    await runPostStep({
      core: new FakeCore({}, { 'job-name': 'j1', 'sagemaker-region': 'us-east-1', finished: 'true' }),
      stopTrainingJob,
    });
    const odd = new FakeCore({}, { 'job-name': 'j2', 'sagemaker-region': 'us-east-1; rm -rf /' });
    await runPostStep({ core: odd, stopTrainingJob });
    expect(stopped).toEqual([]);
    expect(odd.log).toContain('warning Ignoring saved state that is not well-formed: sagemaker-region');
  });

  const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';

  it('stops the runner task and its job that the main step left running (fargate)', async () => {
    const calls: unknown[] = [];
    const core = new FakeCore(
      {},
      { 'job-name': 'smt-7-1-abc', 'sagemaker-region': 'eu-west-1', 'task-arn': TASK, 'fargate-cluster': 'ml-ci' },
    );
    let jobStopped = false;
    await runPostStep({
      core,
      env: { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' },
      stopTask: ({ logger: _logger, ...opts }) => (calls.push(opts), Promise.resolve(true)),
      stopTrainingJob: () => ((jobStopped = true), Promise.resolve(true)),
    });
    // With the run's variables, so the job is stopped only if this run created it (its run tag).
    expect(calls).toEqual([
      {
        taskArn: TASK,
        cluster: 'ml-ci',
        jobName: 'smt-7-1-abc',
        sagemakerRegion: 'eu-west-1',
        identity: readRunIdentity({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' }),
      },
    ]);
    // The job goes with the task, not through the sagemaker-mode stop.
    expect(jobStopped).toBe(false);
    expect(core.log).toContain(`stopping runner task ${TASK}`);
    expect(core.failed).toBeUndefined();
  });

  it('only warns when the runner task cannot be stopped', async () => {
    const core = new FakeCore({}, { 'job-name': 'j', 'sagemaker-region': 'eu-west-1', 'task-arn': TASK });
    await runPostStep({
      core,
      stopTask: () => Promise.reject(new Error('AccessDeniedException: not authorized to perform ecs:StopTask')),
    });
    expect(core.failed).toBeUndefined();
    expect(core.log).toContain(`warning Could not stop runner task ${TASK}: AccessDeniedException`);
  });

  it('leaves a runner alone once the main step handed the run over (detached), check run included', async () => {
    let stopped = false;
    let github = false;
    const core = new FakeCore(
      { 'github-token': 'ghs_x' },
      { 'task-arn': TASK, finished: 'true', 'check-run-id': '777', 'check-run-done': 'true' },
    );
    await runPostStep({
      core,
      env: { GITHUB_REPOSITORY: 'octo/repo' },
      stopTask: () => ((stopped = true), Promise.resolve(true)),
      createGithub: () => ((github = true), Promise.reject(new Error('not expected'))),
    });
    expect(stopped).toBe(false);
    expect(github).toBe(false);
    expect(core.failed).toBeUndefined();
  });

  it('only warns when Docker cannot be reached or the state is garbage', async () => {
    const core = new FakeCore({}, { containers: 'ok1,$(rm -rf /)', network: '../x' });
    await runPostStep({ core, createDocker: () => Promise.reject(new Error('connect ECONNREFUSED')) });
    expect(core.failed).toBeUndefined();
    expect(core.log).toContain('warning Cleanup failed: connect ECONNREFUSED');
    expect(core.log).toContain('warning Ignoring saved state');
  });
});

describe('main step: the configuration’s warnings', () => {
  it('repeats each setting without effect in the job summary, with its key and line, after the log', async () => {
    const ws = await workspace(
      CONFIG.replace('  instance-type: local\n', '  instance-type: local\n  volume-size-gb: 50\n'),
    );
    const core = new FakeCore({ 'github-token': 'ghs_x', config: '.github/sagemaker-training.yml' });
    await runMainStep(deps(core, ws, backend()));
    expect(core.failed).toBeUndefined();
    expect(core.log).toMatch(/warning job\.volume-size-gb \(line 8\): has no effect in local mode/);
    expect(core.summaries).toHaveLength(1);
    const summary = core.summaries[0] ?? '';
    expect(summary).toContain('#### ⚠️ Configuration warnings');
    expect(summary).toMatch(/- `job\.volume-size-gb \(line 8\): has no effect in local mode[^`]*`/);
  });

  it('adds no section when there is nothing to warn about', async () => {
    const ws = await workspace();
    const core = new FakeCore({ 'github-token': 'ghs_x', config: '.github/sagemaker-training.yml' });
    await runMainStep(deps(core, ws, backend()));
    expect(core.summaries[0]).not.toContain('Configuration warnings');
  });
});
