// dist/ is CommonJS (scripts/build.mjs): no command starts Node's ES module loader, which costs every run ~10 ms to
// start and ~0.35 ms for each of the ~40 files a local run loads. One top-level await or one import() left in a chunk
// would bring it back (and the first would not even build); this shows it stays out on the paths users run.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanEnv, DIST, ensureBuilt, NODE24_BIN, runNode } from '../helpers/actions-env.js';

let dir: string;
let probe: string;
let config: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'smt-dist-cjs-'));
  // Preloaded with --require: prints, as the process exits, whether Node's ES module loader was ever loaded.
  probe = join(dir, 'esm-probe.cjs');
  await writeFile(
    probe,
    [
      'const loaded = (name) => process.moduleLoadList.includes(`NativeModule ${name}`);',
      "process.on('exit', () => process.stderr.write(`\\nESM loader: ${loaded('internal/modules/esm/loader')} crypto: ${loaded('crypto')}\\n`));",
      '',
    ].join('\n'),
  );
  config = join(dir, 'sagemaker-training.yml');
  await writeFile(
    config,
    `mode: local\nimage: { uri: train:1 }\njob: { instance-type: local }\nchannels: { training: ${dir} }\noutput: ${join(dir, 'out')}\n`,
  );
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a dist/ entry point with the probe and returns its output and whether the ES module loader was loaded. */
async function esmLoaderLoaded(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ loaded: string; crypto: string; code: number | null; output: string }> {
  const result = await runNode(['--require', probe, ...args], { env: { ...cleanEnv(), ...env }, cwd: dir });
  const probed = /ESM loader: (true|false) crypto: (true|false)/.exec(result.stderr);
  const [loaded, crypto] = [probed?.[1] ?? 'no probe output', probed?.[2] ?? 'no probe output'];
  return { loaded, crypto, code: result.code, output: result.stdout + result.stderr };
}

describe('dist/ as Node loads it', () => {
  it('is read as CommonJS (its own package.json), whatever the repository declares', async () => {
    const result = await runNode(['-p', `typeof require(${JSON.stringify(join(DIST, 'cli.js'))}).runCli`], {
      env: cleanEnv(),
    });
    expect(result.stdout.trim()).toBe('function');
  });

  it('validates a configuration without the ES module loader', async () => {
    const { loaded, code, output } = await esmLoaderLoaded([join(DIST, 'cli.js'), 'validate', '--config', config]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/is valid/);
    expect(loaded).toBe('false');
  });

  it('loads a local run (the run, pipeline, Docker and local-mode chunks) without it, nor node:crypto', async () => {
    // No engine at this socket: the run loads its chunks, asks the engine, and fails there. Outside GitHub Actions
    // nothing on the way hashes (src/naming.ts requires crypto on its first hash: ~7 ms of a start).
    const { loaded, crypto, code, output } = await esmLoaderLoaded([join(DIST, 'cli.js'), 'run', '--config', config], {
      DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}`,
    });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/no-engine\.sock/);
    expect(loaded).toBe('false');
    expect(crypto).toBe('false');
  });

  it("runs the action's main step without it", async () => {
    // No inputs: the step fails on its configuration after loading its chunks.
    const { loaded, output } = await esmLoaderLoaded([join(DIST, 'main.js')], { GITHUB_WORKSPACE: dir });
    expect(output).toMatch(/::error/);
    expect(loaded).toBe('false');
  });
});

describe("the command line's compile cache (Node 22.1+)", () => {
  /** The files `sagemaker-train validate` leaves in <TMPDIR>/node-compile-cache, run on Node 24 with `env`. */
  async function cachedAfterValidate(name: string, env: Record<string, string>): Promise<string[]> {
    const tmp = join(dir, name);
    await mkdir(tmp);
    const { NODE_COMPILE_CACHE: _set, ...clean } = cleanEnv();
    const result = await runNode([join(DIST, 'cli.js'), 'validate', '--config', config], {
      env: { ...clean, TMPDIR: tmp, ...env },
      node: NODE24_BIN,
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const cache = join(tmp, 'node-compile-cache');
    return existsSync(cache) ? await readdir(cache, { recursive: true }) : [];
  }

  it.skipIf(!existsSync(NODE24_BIN))('keeps compiled code in the temporary folder, unless turned off', async () => {
    expect((await cachedAfterValidate('on', {})).length).toBeGreaterThan(0);
    expect(await cachedAfterValidate('off', { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([]);
  });
});
