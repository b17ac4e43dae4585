// `npm run bench [-- NAME...]`: runs the benchmarks one after another and prints one line per figure with its target.
// Figures, not tests: a missed target prints MISSED and the exit code stays 0; a benchmark that cannot run exits 1.
// Sets up what they need: Docker and the offline base image (scripts/setup-env.sh, idempotent) and dist/ when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT } from './lib.mjs';

const BENCHES = {
  startup: 'startup.mjs',
  'local-overhead': 'local-overhead.mjs',
  'artifact-packing': 'artifact-packing.mjs',
  'image-skip': 'image-skip.mjs',
  'image-cold': 'image-cold.mjs',
  'fresh-code-change': 'fresh-code-change.mjs',
  'large-code-change': 'large-code-change.mjs',
  'context-hash': 'context-hash.mjs',
  'sagemaker-wait': 'sagemaker-wait.mjs',
  'fargate-wait': 'fargate-wait.mjs',
  runner: 'runner.mjs',
  reuse: 'reuse.mjs',
  serve: 'serve.mjs',
};
const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const step = (command, args) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
if (!step('bash', ['scripts/setup-env.sh'])) process.exit(1);
if (!existsSync(CLI) && !step('npm', ['run', '-s', 'build'])) process.exit(1);

let failed = false;
for (const name of selected.length ? selected : Object.keys(BENCHES)) {
  if (!step(process.execPath, [join(ROOT, 'bench', BENCHES[name])])) {
    console.error(`${name}: the benchmark failed (see above)`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
