// Shared helpers of the benchmarks: scratch folder, timed child processes, medians and the one-line report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI under test: dist/cli.js, or another build named by SAGEMAKER_TRAIN_CLI. */
export const CLI = process.env.SAGEMAKER_TRAIN_CLI ?? join(ROOT, 'dist', 'cli.js');
export const OFFLINE_BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';

/** bench/.work/<name>, created; git-ignored scratch space. */
export function workDir(name) {
  const dir = join(ROOT, 'bench', '.work', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs a command to completion; throws with its output when it fails. Returns stdout and the wall time in seconds. */
export function run(command, args, options = {}) {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  const seconds = (performance.now() - started) / 1000;
  if (child.error) throw child.error;
  if (child.status !== 0) {
    const output = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited ${child.status ?? child.signal}:\n${output}`);
  }
  return { stdout: child.stdout, seconds };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints `label: figure (target …) ok|MISSED` and returns whether the target was met. */
export function report(label, figure, target, met) {
  console.log(`${label}: ${figure} (target ${target}) ${met ? 'ok' : 'MISSED'}`);
  return met;
}

/** Exits with a `skipped` line when a prerequisite another part of the project provides is missing. */
export function skip(label, why) {
  console.log(`${label}: skipped, ${why}`);
  process.exit(0);
}

export function requireCli(label) {
  if (!existsSync(CLI)) skip(label, 'dist/cli.js does not exist yet (npm run build)');
}

/**
 * Bundles one TypeScript module from src/ into a CommonJS file a benchmark can import (dist/ bundles only the entry
 * points). esbuild is imported here, on first use, so that a benchmark's child processes stay lean.
 */
export async function bundleModule(entry, outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader: { '.node': 'empty' },
    logLevel: 'warning',
  });
  return outfile;
}
