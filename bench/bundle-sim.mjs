// Bundles a simulation script (bench/*-sim.mjs) the way scripts/build.mjs bundles the action (split chunks, lazy
// modules), so the simulated run loads what the action loads. Used by the *-wait benchmarks, which run the bundle as a
// child process so its peak RSS is the run's own.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LAZY_DIR, lazyEntryPoints, lazyModules } from '../scripts/lazy-modules.mjs';
import { ROOT } from './lib.mjs';

/** Bundles `bench/<script>` into `out` (emptied first); returns the path of the entry point to run. */
export async function bundleSimulation(script, out) {
  await rm(out, { recursive: true, force: true });
  await build({
    entryPoints: { sim: join(ROOT, 'bench', script) },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    keepNames: true, // the fake clients dispatch on the command's class name
    loader: { '.node': 'empty' },
    plugins: [lazyModules],
    logLevel: 'warning',
    banner: {
      js: [
        "import { createRequire as __smtCreateRequire } from 'node:module';",
        'const require = __smtCreateRequire(import.meta.url);',
        'const __filename = import.meta.filename;',
        'const __dirname = import.meta.dirname;',
      ].join(' '),
    },
  });
  await build({
    entryPoints: Object.fromEntries(Object.entries(lazyEntryPoints).map(([name, path]) => [name, join(ROOT, path)])),
    outdir: join(out, 'chunks', LAZY_DIR),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    loader: { '.node': 'empty' },
    logLevel: 'warning',
  });
  return join(out, 'sim.js');
}
