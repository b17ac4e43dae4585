// The layer rule (.dependency-cruiser.cjs) holds for src/, and refuses an upward import: shown on a small tree with
// one, cruised with the same configuration.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { makeTempDir, removeTempDirs } from '../helpers/docker.js';

afterAll(removeTempDirs);

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const CRUISER = join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(CRUISER, ['--config', CONFIG, 'src'], { cwd });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir();
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext' } }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

// Each cruise starts TypeScript: seconds, more on a busy machine.
describe('the layer rule', { timeout: 120_000 }, () => {
  it('holds for src/', async () => {
    const { code, out } = await cruise(ROOT);
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it.each([
    ['logic-above', 'src/gate/verdict.ts', "import { x } from '../pipeline/path.js';\nexport const y = x;\n"],
    ['capability-above', 'src/report/page.ts', "import { x } from '../pipeline/path.js';\nexport const y = x;\n"],
    ['vocabulary-above', 'src/request.ts', "import { x } from './pipeline/path.js';\nexport const y = x;\n"],
    ['pipeline-above', 'src/pipeline/other.ts', "import { z } from '../action/step.js';\nexport const y = z;\n"],
    ['runner-apart', 'src/runner/index.ts', "import { z } from '../action/step.js';\nexport const y = z;\n"],
    ['action-apart', 'src/action/other.ts', "import { w } from '../cli/command.js';\nexport const y = w;\n"],
    ['cli-apart', 'src/cli/other.ts', "import { z } from '../action/step.js';\nexport const y = z;\n"],
    // The shared patterns sit with the vocabulary, below config and aws, which both import them.
    ['vocabulary-above', 'src/patterns.ts', "import { v } from './config/read.js';\nexport const y = v;\n"],
  ])('refuses an upward import (%s)', async (rule, path, text) => {
    const dir = await tree({
      'src/pipeline/path.ts': 'export const x = 1;\n',
      'src/action/step.ts': 'export const z = 2;\n',
      'src/cli/command.ts': 'export const w = 3;\n',
      'src/config/read.ts': 'export const v = 4;\n',
      [path]: text,
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toContain(`error ${rule}: ${path}`);
  });
});
