// Every bad configuration of the shared table, through the built action and the built CLI: a non-zero exit, every
// expected message, and not a single request to Docker or AWS (both pointed at a recording server).
import { rm } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BAD_CONFIGS, CONFIG_PATH, MODE_GAP_CONFIGS, makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';
import {
  ensureBuilt,
  runAction,
  runCliProcess,
  startRecordingServer,
  type RecordingServer,
} from '../helpers/actions-env.js';

let server: RecordingServer;
const workspaces: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await startRecordingServer();
}, 120_000);

afterAll(async () => {
  await server.close();
  await Promise.all(workspaces.map((w) => rm(w, { recursive: true, force: true })));
});

async function prepare(yaml: string): Promise<string> {
  const workspace = await makeWorkspace();
  workspaces.push(workspace);
  await writeConfig(workspace, yaml);
  return workspace;
}

/** The text of the `::error::` workflow commands, decoded as the runner decodes them. */
function errorAnnotations(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) =>
      line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    )
    .join('\n');
}

describe.concurrent('bad configurations through dist/main.js', () => {
  it.each(BAD_CONFIGS)('$name', async ({ yaml, inputs, expect: patterns }) => {
    const workspace = await prepare(yaml);
    const run = await runAction('main', { workspace, inputs: inputs ?? {}, env: server.env, timeoutMs: 30_000 });
    expect(run.code, run.stdout + run.stderr).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).not.toBe('');
    for (const pattern of patterns) expect(errors).toMatch(pattern);
    expect(run.outputs).toEqual({});
    expect(server.requests).toEqual([]);
  });
});

describe.concurrent('bad configurations through dist/cli.js run', () => {
  it.each(BAD_CONFIGS)('$name', async ({ yaml, inputs, expect: patterns }) => {
    const workspace = await prepare(yaml);
    const flags = Object.entries(inputs ?? {}).flatMap(([name, value]) => [`--${name}`, value]);
    const run = await runCliProcess(['run', '--config', CONFIG_PATH, ...flags], {
      cwd: workspace,
      env: server.env,
      timeoutMs: 30_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
    expect(run.stdout).toBe('');
    expect(server.requests).toEqual([]);
  });
});

describe.concurrent('the mode gaps through dist/cli.js validate', () => {
  it.each(MODE_GAP_CONFIGS)('$name', async ({ yaml, expect: patterns }) => {
    const workspace = await prepare(yaml);
    const run = await runCliProcess(['validate', '--config', CONFIG_PATH], {
      cwd: workspace,
      env: server.env,
      timeoutMs: 30_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
    expect(run.stdout).toBe('');
    expect(server.requests).toEqual([]);
  });
});

describe('settings without effect in the mode, through dist/cli.js validate', () => {
  it('warns about each, naming the key and its line, and still validates', async () => {
    const workspace = await prepare(
      'job:\n  network-isolation: true\n  spot: { max-wait: 2d }\n  checkpoint: { s3-uri: s3://bucket/ckpt/ }\n' +
        '  vpc: { subnets: [subnet-0abc], security-groups: [sg-0abc] }\n',
    );
    const run = await runCliProcess(['validate', '--config', CONFIG_PATH], {
      cwd: workspace,
      env: server.env,
      timeoutMs: 30_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: job\.spot \(line 3\): has no effect in local mode/);
    expect(run.stderr).toMatch(/warning: job\.vpc \(line 5\): has no effect in local mode/);
    // Local mode honours these two (an internal network; checkpoints synced with S3): no warning.
    expect(run.stderr).not.toMatch(/job\.network-isolation/);
    expect(run.stderr).not.toMatch(/job\.checkpoint\.s3-uri/);
    expect(server.requests).toEqual([]);
  });
});

describe('the recording server', () => {
  it('saw no connection at all, and would have recorded one', async () => {
    expect(server.connections).toBe(0);
    const response = await fetch(`http://127.0.0.1:${server.port}/_ping`);
    expect(response.status).toBe(500);
    expect(server.requests).toEqual([{ method: 'GET', url: '/_ping' }]);
    server.requests.length = 0;
  });
});
