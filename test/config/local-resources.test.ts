// local.shm-size, local.gpus-per-host and local.ulimits: what the configuration accepts, and the clear error (YAML
// path, line, what is allowed) for anything else.
import { rm } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/config/errors.js';
import { loadRequest } from '../../src/config/load.js';
import { parseSize } from '../../src/config/local-resources.js';
import { overridesFromInputs } from '../../src/config/overrides.js';
import type { LocalSpec } from '../../src/request.js';
import { makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';

let workspace: string;
beforeAll(async () => {
  workspace = await makeWorkspace();
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

async function load(local: string): Promise<LocalSpec> {
  await writeConfig(workspace, `mode: local\nlocal:\n${local}\n`);
  const request = await loadRequest({ workspace, overrides: overridesFromInputs(() => ''), env: {} });
  return request.local;
}

async function problem(local: string): Promise<string> {
  try {
    await load(local);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSize', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['8g', 8 * 1024 ** 3],
    ['8GiB', 8 * 1024 ** 3],
    ['1.5g', 1.5 * 1024 ** 3],
    ['64k', 65_536],
    [1_048_576, 1_048_576],
    ['2048', 2048],
  ])('%s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'big', '8 gigabytes', '-1g', '1e9', 1.5, -3])('%s is not a size', (text) =>
    expect(parseSize(text)).toBeUndefined(),
  );
});

describe('local resources in the configuration', () => {
  it('leaves every setting absent when not written (the backend applies its defaults)', async () => {
    const local = await load('  gpu: optional');
    expect(local).toEqual({ gpu: 'optional', cancelGraceSeconds: 5 });
  });

  it('reads shm-size, gpus-per-host and ulimits', async () => {
    const local = await load('  shm-size: 2g\n  gpus-per-host: 2\n  ulimits: { memlock: unlimited, nofile: 65536 }');
    expect(local).toMatchObject({
      shmSizeBytes: 2 * 1024 ** 3,
      gpusPerHost: 2,
      ulimits: { memlock: 'unlimited', nofile: 65536 },
    });
    expect(await load('  gpus-per-host: all\n  ulimits: { memlock: 64m }')).toMatchObject({
      gpusPerHost: 'all',
      ulimits: { memlock: 64 * 1024 ** 2 },
    });
  });

  it.each([
    ['  shm-size: lots', /local\.shm-size \(line 3\): must be a size such as 512m, 8g .*at least 1 MiB \(got "lots"\)/],
    ['  shm-size: 10k', /local\.shm-size \(line 3\): .*at least 1 MiB \(got "10k"\)/],
    ['  gpus-per-host: 0', /local\.gpus-per-host \(line 3\): must be a whole number of GPUs from 1 to 64, or all/],
    ['  gpus-per-host: half', /local\.gpus-per-host \(line 3\): .*\(got "half"\)/],
    ['  ulimits: { nofile: 0 }', /local\.ulimits\.nofile \(line 3\): must be a whole number from 1 to 1048576/],
    ['  ulimits: { nofile: unlimited }', /local\.ulimits\.nofile \(line 3\): .*\(got "unlimited"\)/],
    ['  ulimits: { memlock: lots }', /local\.ulimits\.memlock \(line 3\): must be a size/],
    [
      '  ulimits: { stack: 1 }',
      /local\.ulimits\.stack \(line 3\): unknown setting "stack".*allowed in local\.ulimits: memlock, nofile/,
    ],
    ['  shm: 1g', /local\.shm \(line 3\): unknown setting "shm"; allowed in local: .*shm-size/],
  ])('refuses %s', async (yaml, expected) => {
    expect(await problem(yaml)).toMatch(expected);
  });
});
