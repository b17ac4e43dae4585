// The built action run as the runner runs it, in the cases that need no Docker engine: nothing may reach Docker or
// AWS (both point at a recording server), the token is masked first, and the post step never fails.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  ACTION_DEFAULT_INPUTS,
  ensureBuilt,
  runAction,
  startRecordingServer,
  type RecordingServer,
} from '../helpers/actions-env.js';

let server: RecordingServer;

beforeAll(async () => {
  await ensureBuilt();
  server = await startRecordingServer();
}, 120_000);

afterAll(() => server.close());

beforeEach(() => {
  server.requests.length = 0;
});

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(yaml?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-'));
  tempDirs.push(dir);
  if (yaml !== undefined) {
    await mkdir(join(dir, '.github'));
    await writeFile(join(dir, '.github', 'sagemaker-training.yml'), yaml);
  }
  return dir;
}

describe('dist/main.js without an engine', () => {
  it('masks the token before anything else, then reports every problem in one error', async () => {
    const ws = await workspace('mode: nowhere\njob:\n  instance-count: 0\n');
    const run = await runAction('main', { workspace: ws, env: server.env });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`::add-mask::${ACTION_DEFAULT_INPUTS['github-token']}`);
    const errors = lines.filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Invalid configuration \(\d+ problems\):%0A- mode \(line 1\)/);
    expect(errors[0]).toContain('job.instance-count (line 3)');
    expect(run.outputs).toEqual({});
    expect(run.state).toEqual({});
    expect(server.requests).toEqual([]);
  });

  it('groups the configuration phase', async () => {
    const ws = await workspace('mode: nowhere\n');
    const run = await runAction('main', { workspace: ws, env: server.env });
    expect(run.stdout).toContain('::group::Configuration\n');
    expect(run.stdout).toContain('::endgroup::\n');
  });

  it('needs an explicitly named configuration file to exist', async () => {
    const ws = await workspace();
    const run = await runAction('main', { workspace: ws, inputs: { config: 'ml/missing.yml' }, env: server.env });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*missing\.yml/);
    expect(server.requests).toEqual([]);
  });

  it('validates a remote-mode configuration, then fails clearly before building or calling anything', async () => {
    const ws = await workspace('image:\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1\n');
    const run = await runAction('main', {
      workspace: ws,
      inputs: {
        mode: 'fargate',
        'instance-type': 'ml.m5.large',
        'role-arn': 'arn:aws:iam::123456789012:role/Training',
        output: 's3://bucket/models/',
      },
      env: server.env,
    });
    expect(run.code).toBe(1);
    // Without its fargate settings the run stops at the fargate checks, before any call.
    expect(run.stdout).toMatch(/::error::.*fargate/);
    expect(run.stdout).not.toContain('not available');
    expect(server.requests).toEqual([]);
  });
});

describe('dist/post.js', () => {
  it('exits 0 and calls nothing when the main step finished', async () => {
    const run = await runAction('post', {
      workspace: await workspace(),
      state: { 'job-name': 'j', containers: 'abc123', finished: 'true' },
      env: server.env,
    });
    expect(run.code).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('exits 0 and calls nothing when there is no state at all', async () => {
    const run = await runAction('post', { workspace: await workspace(), env: server.env });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::error');
    expect(server.requests).toEqual([]);
  });

  it('exits 0 with garbage state, ignoring what is not a Docker id', async () => {
    const run = await runAction('post', {
      workspace: await workspace(),
      state: { containers: '$(reboot),--force,../../x', network: 'a b', finished: 'maybe', 'job-name': 'x\ty' },
      env: server.env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::Ignoring saved state');
    expect(run.stdout).not.toContain('::error');
    expect(server.requests).toEqual([]);
  });

  it('exits 0 with a warning when the engine answers with errors', async () => {
    const run = await runAction('post', {
      workspace: await workspace(),
      state: { containers: 'abc123', network: 'net123' },
      env: server.env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::');
    expect(run.stdout).not.toContain('::error');
  });

  it('exits 0 with a warning when the engine cannot be reached', async () => {
    const run = await runAction('post', {
      workspace: await workspace(),
      state: { containers: 'abc123' },
      env: { DOCKER_HOST: 'tcp://127.0.0.1:1' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::');
  });
});
