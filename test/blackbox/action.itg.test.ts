// The built action against the real Docker engine, run as the runner runs it: a training that completes, one that
// fails, and a post step that removes what a killed main step left behind.
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, runAction, runCliProcess } from '../helpers/actions-env.js';

const BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';
const docker = new Dockerode();
const engineEnv: Record<string, string> = process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {};
const prefixes: string[] = [];
const workspaces: string[] = [];

const DOCKERFILE = `FROM ${BASE_IMAGE}
ENV PATH=/opt/program:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PYTHONUNBUFFERED=1
COPY train /opt/program/train
RUN chmod 0755 /opt/program/train
`;

const SUCCEEDS = `#!/usr/bin/env python3
import json
hp = json.load(open('/opt/ml/input/config/hyperparameters.json'))
print('hyperparameters', hp)
print('accuracy=0.5 loss=0.9')
print('accuracy=0.9 loss=0.1')
with open('/opt/ml/model/model.txt', 'w') as f:
    f.write('weights')
`;

const FAILS = `#!/usr/bin/env python3
import sys
print('loading data')
print('accuracy=0.25')
with open('/opt/ml/output/failure', 'w') as f:
    f.write('ValueError: the data has no label column')
sys.exit(3)
`;

async function workspace(prefix: string, train: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-itg-'));
  workspaces.push(dir);
  prefixes.push(prefix);
  await writeFile(join(dir, 'Dockerfile'), DOCKERFILE);
  await writeFile(join(dir, 'train'), train);
  await chmod(join(dir, 'train'), 0o755);
  await mkdir(join(dir, '.github'));
  await writeFile(
    join(dir, '.github', 'sagemaker-training.yml'),
    `mode: local
image:
  dockerfile: Dockerfile
  context: .
job:
  name-prefix: ${prefix}
  instance-type: local
  max-runtime: 5m
output: out
hyperparameters:
  epochs: 2
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.8 }
  - { name: loss, regex: 'loss=([0-9.]+)', goal: minimize }
`,
  );
  return dir;
}

/** An empty workspace for the post step, removed with the others. */
async function postWorkspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-post-'));
  workspaces.push(dir);
  return dir;
}

beforeAll(async () => {
  await ensureBuilt();
  await docker.ping();
}, 180_000);

afterAll(async () => {
  for (const prefix of prefixes) {
    await docker
      .getImage(`sagemaker-train/${prefix}:local`)
      .remove({ force: true })
      .catch(() => undefined);
  }
  await Promise.all(workspaces.map((w) => rm(w, { recursive: true, force: true })));
});

describe('dist/main.js with an engine', () => {
  it('trains to completion: outputs, state, summary and the model on disk', async () => {
    const ws = await workspace('bbok', SUCCEEDS);
    const run = await runAction('main', { workspace: ws, env: engineEnv });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('::error');

    const jobName = run.outputs['job-name'] ?? '';
    expect(jobName).toMatch(/^bbok-4242-1-[0-9a-f]{6}$/);
    expect(run.outputs).toMatchObject({
      status: 'Completed',
      'failure-reason': '',
      'image-uri': 'sagemaker-train/bbok:local',
    });
    expect(JSON.parse(run.outputs.metrics ?? '')).toEqual({ accuracy: 0.9, loss: 0.1 });
    expect(Number(run.outputs['duration-seconds'])).toBeGreaterThanOrEqual(0);
    const model = run.outputs['model-artifacts'] ?? '';
    expect(model.startsWith(join(ws, 'out'))).toBe(true);
    expect(existsSync(model)).toBe(true);

    expect(run.state).toMatchObject({ 'job-name': jobName, finished: 'true' });
    expect(JSON.stringify(run.state)).not.toContain('ghs_');
    expect(run.stdout).toContain(`::group::Train ${jobName}`);
    expect(run.summary).toMatch(/^## ✅ Gate passed: accuracy \*\*0\.9\*\*\n/);
    expect(run.summary).toContain('| `accuracy` | **0.9** | ✅ ≥ 0.8 |');
    expect(run.summary).toContain(`- **Job:** \`${jobName}\``);

    // What the post step then does: nothing.
    const post = await runAction('post', { workspace: ws, state: run.state, env: engineEnv });
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('removing');
  });

  it('fails the step on a failed job, with outputs, the reason and the last log lines', async () => {
    const ws = await workspace('bbfail', FAILS);
    const run = await runAction('main', { workspace: ws, env: engineEnv });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^::error::Training job bbfail-\S+ failed: .*the data has no label column/m);
    expect(run.outputs.status).toBe('Failed');
    expect(run.outputs['failure-reason']).toContain('ValueError: the data has no label column');
    expect(JSON.parse(run.outputs.metrics ?? '')).toEqual({ accuracy: 0.25 });
    expect(run.outputs['model-artifacts']).toBeDefined();
    expect(run.summary).toContain('## ❌ Training failed');
    expect(run.summary).toMatch(/<details open><summary>Last \d+ log lines?<\/summary>/);
    expect(run.summary).not.toContain('not reported');
    expect(run.summary).toContain('loading data');
    expect(run.state.finished).toBe('true');
  });
});

const SLOW = `#!/usr/bin/env python3
import time
for step in range(600):
    print(f'step={step} loss=0.5', flush=True)
    time.sleep(0.1)
`;

describe('cancelling dist/main.js', () => {
  it('stops the job on SIGINT, still reports, and leaves no container behind', async () => {
    const ws = await workspace('bbcancel', SLOW);
    const started = Date.now();
    const run = await runAction('main', {
      workspace: ws,
      env: engineEnv,
      interrupt: { whenState: 'containers', signal: 'SIGINT' },
    });
    // GitHub kills a cancelled step 10 s after its SIGINT; the default grace period is shorter than that.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::warning::Received SIGINT');
    expect(run.outputs.status).toBe('Stopped');
    expect(run.stdout).toMatch(/^::error::Training job bbcancel-\S+ was stopped/m);
    expect(run.summary).toContain('Training stopped');
    expect(run.state.finished).toBe('true');
    const ids = (run.state.containers ?? '').split(',').filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('dist/cli.js with an engine', () => {
  it('runs the same configuration and exits 0 with the result table, or 1 when the job fails', async () => {
    const ok = await runCliProcess(['run', '--json'], { cwd: await workspace('bbcli', SUCCEEDS), env: engineEnv });
    expect(ok.code, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as { status: string; metrics: Record<string, number> };
    expect(result).toMatchObject({ status: 'Completed', metrics: { accuracy: 0.9, loss: 0.1 } });
    expect(ok.stderr).toContain('accuracy=0.9 loss=0.1');

    const failed = await runCliProcess(['run'], { cwd: await workspace('bbclifail', FAILS), env: engineEnv });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^Status\s+Failed/m);
  });
});

describe('dist/post.js with an engine', () => {
  it('removes the containers and the network a killed main step recorded', async () => {
    const label = { 'sagemaker-train.job': `bbpost-${Date.now()}` };
    const network = await docker.createNetwork({ Name: `smt-bbpost-${Date.now()}`, Labels: label });
    const container = await docker.createContainer({
      Image: BASE_IMAGE,
      Cmd: ['sleep', '300'],
      Labels: label,
      HostConfig: { NetworkMode: network.id },
    });
    await container.start();
    const stopped = await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['true'], Labels: label });
    try {
      const run = await runAction('post', {
        workspace: await postWorkspace(),
        state: {
          'job-name': label['sagemaker-train.job'],
          containers: `${container.id},${stopped.id}`,
          network: network.id,
        },
        env: engineEnv,
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('removing 2 container(s) and a network');
      const left = await docker.listContainers({
        all: true,
        filters: { label: [`sagemaker-train.job=${label['sagemaker-train.job']}`] },
      });
      expect(left).toEqual([]);
      await expect(network.inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
      await stopped.remove({ force: true }).catch(() => undefined);
      await network.remove().catch(() => undefined);
    }
  });

  it('exits 0 when the recorded containers and network are already gone', async () => {
    const run = await runAction('post', {
      workspace: await postWorkspace(),
      state: { containers: 'f00dfeedf00dfeedf00d', network: 'nonexistentnetwork123' },
      env: engineEnv,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::error');
  });
});
