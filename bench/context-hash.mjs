// Hashing a 1 GiB build context (the content tag): time, and the hashing process's peak RSS, which must stay small
// whatever the context's size (files are streamed, a few at a time).
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT, report, run, workDir } from './lib.mjs';
import { makeContext } from './image-lib.mjs';

const LABEL = 'context-hash';
const TARGET_MB = 150;

const dir = workDir('context-hash');
const context = makeContext(join(dir, 'ctx'), { megabytes: 1024, files: 64 });
// A child that only hashes, bundled from the sources so the figure is the hashing code's own.
const entry = join(dir, 'hash-entry.mjs');
const bundle = join(dir, 'hash.mjs');
await build({
  stdin: {
    contents: [
      `import { hashBuildContext } from ${JSON.stringify(join(ROOT, 'src/image/content-hash.ts'))};`,
      'const started = performance.now();',
      `const digest = await hashBuildContext({ context: process.argv[2], dockerfile: 'Dockerfile', buildArgs: {}, platform: 'linux/amd64' });`,
      'const seconds = (performance.now() - started) / 1000;',
      'console.log(JSON.stringify({ ...digest, seconds, maxRssKiB: process.resourceUsage().maxRSS }));',
    ].join('\n'),
    resolveDir: ROOT,
    sourcefile: entry,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require: give the ESM bundle one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const result = JSON.parse(run(process.execPath, [bundle, context]).stdout);
const rssMb = result.maxRssKiB / 1024;
const gib = result.bytes / 1024 ** 3;
report(
  `${LABEL}: peak RSS hashing a ${gib.toFixed(2)} GiB context (${result.files} files, ${result.seconds.toFixed(2)} s, ${(result.bytes / 1024 ** 2 / result.seconds).toFixed(0)} MiB/s)`,
  `${rssMb.toFixed(0)} MB`,
  `≤ ${TARGET_MB} MB`,
  rssMb <= TARGET_MB,
);
