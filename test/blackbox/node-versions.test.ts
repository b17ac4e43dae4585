// The bundles on every Node.js they must run on: GitHub runs the action on node24 (action.yml), and the CLI supports
// Node 20 (package.json's engines). scripts/setup-env.sh installs Node 24 from the npm registry; in CI it must be
// there, so a fresh machine cannot pass by testing one version only. (scripts/test.sh also runs the action's
// black-box tests again with NODE_BIN set to it.)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import {
  cleanEnv,
  DIST,
  ensureBuilt,
  NODE24_BIN,
  nodeBinaries,
  REPO_ROOT,
  runAction,
  runNode,
} from '../helpers/actions-env.js';

const dirs: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the Node.js versions', () => {
  it('action.yml runs on node24, and Node 24 is installed to test it (required in CI)', async () => {
    const action = parse(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } };
    expect(action.runs.using).toBe('node24');
    if (process.env.CI) expect(existsSync(NODE24_BIN), `${NODE24_BIN}: run scripts/setup-env.sh`).toBe(true);
    if (!existsSync(NODE24_BIN)) return;
    const version = await runNode(['-p', 'process.versions.node'], { env: cleanEnv(), node: NODE24_BIN });
    expect(version.stdout.trim()).toMatch(/^24\./);
  });
});

describe.each(nodeBinaries())('the bundles on $label', ({ path }) => {
  it('dist/cli.js validates the example configuration', async () => {
    const run = await runNode([join(DIST, 'cli.js'), 'validate', '--config', 'examples/iris/sagemaker-training.yml'], {
      env: cleanEnv(),
      node: path,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('sagemaker-training.yml is valid.');
  });

  it('dist/main.js refuses a bad configuration naming the key and line, and dist/post.js has nothing to do', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-node-'));
    dirs.push(ws);
    await mkdir(join(ws, '.github'));
    await writeFile(join(ws, '.github', 'sagemaker-training.yml'), 'mode: local\njob:\n  instance-count: many\n');
    const main = await runAction('main', { workspace: ws, node: path });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/^::error::.*job\.instance-count.*line 3/m);
    const post = await runAction('post', { workspace: ws, node: path, state: main.state });
    expect(post.code, post.stdout + post.stderr).toBe(0);
  });
});
