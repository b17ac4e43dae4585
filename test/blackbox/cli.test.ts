// The built CLI as a user runs it, in the cases that need no Docker engine.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import pkg from '../../package.json' with { type: 'json' };
import {
  ensureBuilt,
  REPO_ROOT,
  runCliProcess,
  startRecordingServer,
  type RecordingServer,
} from '../helpers/actions-env.js';

let server: RecordingServer;

beforeAll(async () => {
  await ensureBuilt();
  server = await startRecordingServer();
}, 120_000);

afterAll(() => server.close());

describe('dist/cli.js', () => {
  it('prints its version and help', async () => {
    const version = await runCliProcess(['--version'], { cwd: REPO_ROOT });
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await runCliProcess(['--help'], { cwd: REPO_ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^sagemaker-train /);
    expect(help.stdout).toContain('--hyperparameter K=V');
  });

  it('rejects an unknown flag with exit 2 and a suggestion', async () => {
    const run = await runCliProcess(['run', '--hyperparamter', 'a=1'], { cwd: REPO_ROOT, env: server.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --hyperparamter; did you mean --hyperparameter?');
    expect(server.requests).toEqual([]);
  });

  it('validates the example configuration without calling anything', async () => {
    const run = await runCliProcess(['validate', '--config', 'examples/iris/sagemaker-training.yml'], {
      cwd: REPO_ROOT,
      env: server.env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('examples/iris/sagemaker-training.yml is valid.');
    expect(run.stdout).toMatch(/Metrics\s+accuracy \(maximize, threshold 0\.9\), loss \(minimize\)/);
    expect(server.requests).toEqual([]);
  });

  it('validates with --json on stdout and logs nothing else there', async () => {
    const run = await runCliProcess(['validate', '--json', '--config', 'examples/iris/sagemaker-training.yml'], {
      cwd: REPO_ROOT,
    });
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { valid: boolean; request: { mode: string } };
    expect(parsed).toMatchObject({ valid: true, request: { mode: 'local' } });
  });

  it('runs through a symlink, as npm installs its bin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smt-bin-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const { symlink } = await import('node:fs/promises');
    await symlink(join(REPO_ROOT, 'dist', 'cli.js'), join(dir, 'sagemaker-train'));
    const { runNode, cleanEnv } = await import('../helpers/actions-env.js');
    const run = await runNode([join(dir, 'sagemaker-train'), '--version'], { env: cleanEnv() });
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('reaches the SSH transport it loads only on demand when DOCKER_HOST is ssh://', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-ssh-'));
    onTestFinished(() => rm(ws, { recursive: true, force: true }));
    await mkdir(join(ws, 'data'));
    await writeFile(
      join(ws, 'training.yml'),
      'image: { uri: "example/train:1" }\nchannels: { training: data }\noutput: out\n',
    );
    // Port 1 refuses: the error must come from ssh2 connecting, not from a module missing from dist/.
    const run = await runCliProcess(['run', '--config', 'training.yml'], {
      cwd: ws,
      env: { DOCKER_HOST: 'ssh://nobody@127.0.0.1:1' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/ECONNREFUSED 127\.0\.0\.1:1/);
    expect(run.stderr).not.toMatch(/Cannot find module/);
  });

  it('exits 2 on an invalid configuration without calling Docker or AWS', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-cli-'));
    onTestFinished(() => rm(ws, { recursive: true, force: true }));
    await mkdir(join(ws, '.github'));
    await writeFile(join(ws, '.github', 'sagemaker-training.yml'), 'output: s3://bucket\nmode: sagemaker\n');
    const run = await runCliProcess(['run'], { cwd: ws, env: server.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Invalid configuration/);
    expect(run.stdout).toBe('');
    expect(server.requests).toEqual([]);
  });
});
