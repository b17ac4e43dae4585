// Packing /opt/ml/model into model.tar.gz: the project's streaming packer against `tar -czf` on a 1 GiB model folder
// (a few large float32 weight files, which gzip only partly compresses, and thousands of small files).
// `node bench/artifact-packing.mjs --pack BUNDLE DIR OUT` is the child process that packs once and prints its peak
// RSS, so the figure is the packer's alone.
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ROOT, bundleModule, median, report, run, skip, workDir } from './lib.mjs';

const LABEL = 'artifact packing';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RATIO = 1.2;
const TARGET_RSS_MB = 150;
const MiB = 1 << 20;

const dir = workDir('artifact-packing');
const model = join(dir, 'model');
const packer = join(dir, 'packer.cjs');

/** The packer, bundled from src/ with esbuild (dist/ bundles only the entry points). */
async function bundlePacker() {
  const local = join(ROOT, 'src', 'backends', 'local');
  const source = existsSync(local)
    ? readdirSync(local)
        .filter((f) => f.endsWith('.ts'))
        .find((f) => /export (async )?function packDirectoryToTarGz\b/.test(readFileSync(join(local, f), 'utf8')))
    : undefined;
  if (!source) skip(LABEL, 'src/backends/local does not export packDirectoryToTarGz yet');
  await bundleModule(join(local, source), packer);
}

/** Fills buf with float32 values like trained weights (normal, σ 0.02): the mantissas are noise to gzip. */
function weights(buf, seed) {
  const floats = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength >> 2);
  let s = seed >>> 0 || 1;
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 1) / 4294967297;
  for (let i = 0; i < floats.length; i++) {
    floats[i] = 0.02 * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  }
  return buf;
}

/** 1 GiB: 4 weight files of 192 MiB, and 4096 files of 64 KiB in 64 folders (half weights, half JSON-like text). */
function makeModel() {
  const done = join(dir, 'model.complete');
  if (existsSync(done)) return;
  console.log(`${LABEL}: writing the 1 GiB model folder in ${model} (kept for later runs)`);
  rmSync(model, { recursive: true, force: true });
  mkdirSync(model, { recursive: true });
  const pool = weights(Buffer.alloc(16 * MiB), 7);
  const chunk = (size, offset) => pool.subarray(offset % (pool.length - size), (offset % (pool.length - size)) + size);
  for (let f = 0; f < 4; f++) {
    const parts = [];
    for (let i = 0; i < 192 / 8; i++) parts.push(chunk(8 * MiB, (f * 24 + i) * 1_048_573));
    writeFileSync(join(model, `weights-${f}.bin`), Buffer.concat(parts));
  }
  const text = Buffer.from(
    Array.from({ length: 4096 }, (_, i) => `{"token":"tok${i}","id":${i},"score":${(i * 0.37) % 1}}`).join('\n'),
  );
  for (let d = 0; d < 64; d++) {
    const sub = join(model, 'shards', `part-${String(d).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (let i = 0; i < 64; i++) {
      const n = d * 64 + i;
      const body = n % 2 ? chunk(64 * 1024, n * 65_537) : text.subarray(n % 1024, (n % 1024) + 64 * 1024);
      writeFileSync(join(sub, `${n}.${n % 2 ? 'bin' : 'json'}`), body);
    }
  }
  writeFileSync(done, '');
}

/** Number of files and their bytes under path. */
function measure(path) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

/** Alternates the packer and tar -czf on the same folder; checks the packer's archive once. */
function compare(out) {
  const { files, bytes } = measure(model);
  // Warm the page cache (through a pipe: GNU tar reads nothing when it sees its archive is /dev/null).
  run('sh', ['-c', 'tar -cf - -C "$1" . | cat >/dev/null', 'sh', model]);
  const packs = [];
  const tars = [];
  let rssKiB = 0;
  for (let i = 0; i < RUNS; i++) {
    const pack = run(process.execPath, [fileURLToPath(import.meta.url), '--pack', packer, model, out]);
    packs.push(pack.seconds);
    rssKiB = Math.max(rssKiB, JSON.parse(pack.stdout.trim().split('\n').pop()).maxRssKiB);
    if (i === 0) {
      // The archive must be whole: every file, readable by tar.
      const listed = spawnSync('tar', ['-tzf', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const entries = listed.stdout.split('\n').filter((l) => l && !l.endsWith('/')).length;
      if (listed.status !== 0 || entries !== files) {
        throw new Error(`the packer's archive lists ${entries} files, the folder has ${files}: ${listed.stderr}`);
      }
    }
    tars.push(run('tar', ['-czf', out, '-C', model, '.']).seconds);
  }
  return { files, bytes, packs, tars, rssKiB, packSize: statSync(out).size };
}

/** The child: packs DIR into OUT once with the bundled packer and prints its peak RSS. */
async function packOnce([bundle, folder, archive]) {
  const { packDirectoryToTarGz } = createRequire(import.meta.url)(bundle);
  const dest = createWriteStream(archive);
  await packDirectoryToTarGz(folder, dest);
  if (!dest.writableFinished) await finished(dest);
  console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
}

async function main() {
  const out = join(dir, 'model.tar.gz');
  await bundlePacker();
  let figures;
  try {
    makeModel();
    figures = compare(out);
  } finally {
    // Both are remade on every run; a stray .cjs bundle would also be in ESLint's way.
    rmSync(packer, { force: true });
    rmSync(out, { force: true });
  }
  const { files, bytes, packs, tars, rssKiB, packSize } = figures;

  const ratio = median(packs) / median(tars);
  const rssMb = (rssKiB * 1024) / 1e6;
  const gib = (bytes / 2 ** 30).toFixed(2);
  report(
    `${LABEL} time`,
    `packer median ${median(packs).toFixed(1)} s vs tar -czf ${median(tars).toFixed(1)} s = ${ratio.toFixed(2)}× ` +
      `over ${RUNS} runs (${gib} GiB, ${files} files, archive ${(packSize / 2 ** 30).toFixed(2)} GiB)`,
    `≤ ${TARGET_RATIO}×`,
    ratio <= TARGET_RATIO,
  );
  report(`${LABEL} memory`, `packer peak RSS ${rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, rssMb <= TARGET_RSS_MB);
}

if (process.argv[2] === '--pack') await packOnce(process.argv.slice(3));
else await main();
