// The action's steps with role-to-assume: the main step assumes the role before training (every AWS client the run
// creates signs with it) and fails fast when the role refuses; the post step stops a left job with the same role.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { runMainStep, type MainStepDeps } from '../../src/action/main-step.js';
import { runPostStep } from '../../src/action/post-step.js';
import { clientConfig, installedCredentials } from '../../src/aws/client-config.js';
import type { RunsTraining as Backend } from '../../src/backends/backend.js';
import { FakeCore } from '../action/fake-core.js';
import { REQUEST_TOKEN, startStandIn, SUBJECT, type StandIn } from './oidc-sts-stand-in.js';

const ROLE = 'arn:aws:iam::123456789012:role/github-training';
const INPUTS = {
  mode: 'sagemaker',
  'role-arn': 'arn:aws:iam::123456789012:role/SageMakerTraining',
  'instance-type': 'ml.m5.large',
  'image-uri': '123456789012.dkr.ecr.eu-west-1.amazonaws.com/iris:1',
  output: 's3://bucket/models/',
  region: 'eu-west-1',
  'role-to-assume': ROLE,
};

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn();
  vi.stubEnv('AWS_ENDPOINT_URL_STS', standIn.url);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-creds-'));
  tempDirs.push(dir);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), 'job:\n  name-prefix: creds\n');
  return dir;
}

/** A SageMaker backend stand-in that records the access key its clients would sign with. */
function backend(seen: string[]): Backend & { ran: boolean } {
  return {
    ran: false,
    async run(ctx) {
      this.ran = true;
      const provider = clientConfig('eu-west-1').credentials;
      seen.push(provider ? (await provider()).accessKeyId : 'default chain');
      return {
        mode: 'sagemaker',
        jobName: ctx.jobName,
        status: 'Completed',
        metrics: {},
        metricSeries: {},
        imageUri: ctx.imageUri,
        instanceType: 'ml.m5.large',
        instanceCount: 1,
        startedAt: '2026-01-01T00:00:00Z',
        endedAt: '2026-01-01T00:00:10Z',
        durationSeconds: 10,
        logTail: [],
        links: [],
      };
    },
  };
}

async function mainStep(core: FakeCore, b: Backend, env: Record<string, string> = {}): Promise<void> {
  const deps: MainStepDeps = {
    core,
    env: {
      GITHUB_WORKSPACE: await workspace(),
      GITHUB_RUN_ID: '31337',
      ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      ...env,
    },
    cwd: '/nowhere',
    createDocker: () => Promise.resolve({} as Dockerode),
    signals: new EventEmitter(),
    pipeline: { backendFor: () => b, now: () => new Date('2026-01-01T00:00:00Z'), random: () => 0 },
  };
  await runMainStep(deps);
}

describe('main step with role-to-assume', () => {
  it('assumes the role before training; the run signs with it; nothing secret is printed', async () => {
    const core = new FakeCore(INPUTS);
    const seen: string[] = [];
    await mainStep(core, backend(seen));
    expect(core.failed).toBeUndefined();
    expect(standIn.assumeCalls).toEqual([
      { roleArn: ROLE, sessionName: 'sagemaker-train-31337', durationSeconds: 3600, token: standIn.idTokens[0] },
    ]);
    expect(seen).toEqual([standIn.issued[0]?.accessKeyId]);
    expect(core.log).toContain(`info Assumed role ${ROLE} through GitHub's OIDC token`);
    for (const secret of [REQUEST_TOKEN, standIn.idTokens[0]!, standIn.issued[0]!.secretAccessKey]) {
      expect(core.secrets).toContain(secret);
      expect(core.log).not.toContain(secret);
    }
    // Removed at the end of the step.
    expect(installedCredentials()).toBeUndefined();
  });

  it('fails before training when the trust policy refuses, naming the role and the sub', async () => {
    standIn.stsError = {
      status: 403,
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    };
    const core = new FakeCore(INPUTS);
    const b = backend([]);
    await mainStep(core, b);
    expect(b.ran).toBe(false);
    expect(core.failed).toContain(
      `Could not assume role ${ROLE} with GitHub's OIDC token (the token's sub is "${SUBJECT}")`,
    );
    expect(core.failed).toContain('trust policy');
    expect(installedCredentials()).toBeUndefined();
  });

  it('fails before training without id-token: write', async () => {
    const core = new FakeCore(INPUTS);
    const b = backend([]);
    await mainStep(core, b, { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
    expect(b.ran).toBe(false);
    expect(core.failed).toContain('role-to-assume needs `permissions: id-token: write`');
  });
});

describe('post step with role-to-assume', () => {
  it('stops the left job with the same role, assumed in this process', async () => {
    const core = new FakeCore({ 'role-to-assume': ROLE }, { 'job-name': 'creds-1', 'sagemaker-region': 'eu-west-1' });
    const seen: string[] = [];
    await runPostStep({
      core,
      env: {
        GITHUB_RUN_ID: '31337',
        ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      },
      stopTrainingJob: async () => {
        const provider = clientConfig('eu-west-1').credentials;
        seen.push(provider ? (await provider()).accessKeyId : 'default chain');
        return true;
      },
    });
    expect(seen).toEqual([standIn.issued[0]?.accessKeyId]);
    expect(standIn.assumeCalls[0]?.sessionName).toBe('sagemaker-train-31337');
    expect(installedCredentials()).toBeUndefined();
    expect(core.failed).toBeUndefined();
  });

  it('falls back to the default chain, with a warning, when the role inputs are invalid', async () => {
    const core = new FakeCore(
      { 'role-to-assume': 'not-an-arn' },
      { 'job-name': 'creds-1', 'sagemaker-region': 'eu-west-1' },
    );
    const seen: string[] = [];
    await runPostStep({
      core,
      env: {},
      stopTrainingJob: () => (
        seen.push(clientConfig('eu-west-1').credentials ? 'role' : 'default chain'),
        Promise.resolve(true)
      ),
    });
    expect(seen).toEqual(['default chain']);
    expect(core.log).toContain(
      'warning Using the default AWS credentials: Input "role-to-assume" must be an IAM role ARN',
    );
  });
});
