// Shared by the image benchmarks: a context of a given size, the configuration that builds it, and a check that the
// CLI under test has the `build` command.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CLI, OFFLINE_BASE_IMAGE, skip } from './lib.mjs';

export const REGISTRY = process.env.BENCH_REGISTRY ?? '127.0.0.1:5000';

/** Skips the benchmark when the CLI under test predates `sagemaker-train build` (dist/ not rebuilt yet). */
export function requireBuildCommand(label) {
  if (!existsSync(CLI)) skip(label, 'dist/cli.js does not exist yet (npm run build)');
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  if (!/sagemaker-train build/.test(help.stdout ?? '')) skip(label, `${CLI} has no build command yet (npm run build)`);
}

/**
 * Writes `files` files of random bytes adding up to `megabytes` MiB (once: kept between runs), plus a Dockerfile
 * FROM the offline base image that copies everything.
 */
export function makeContext(dir, { megabytes, files }) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const size = Math.floor((megabytes * 1024 * 1024) / files);
  for (let i = 0; i < files; i++) {
    const file = join(dir, 'data', `part-${String(i).padStart(4, '0')}.bin`);
    if (existsSync(file) && statSync(file).size === size) continue;
    const chunk = 4 * 1024 * 1024;
    const buffers = [];
    for (let left = size; left > 0; left -= chunk) buffers.push(randomBytes(Math.min(chunk, left)));
    writeFileSync(file, Buffer.concat(buffers));
  }
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${OFFLINE_BASE_IMAGE}\nCOPY . /ctx\n`);
  writeFileSync(join(dir, '.dockerignore'), 'sagemaker-training.yml\n');
  return dir;
}

/** A remote-mode configuration (in `dir`, the workspace) that builds `context` and pushes to `repository` (nothing is trained). */
export function writeConfig(dir, context, repository) {
  const file = join(dir, `config-${repository.replace(/[^a-z0-9]+/g, '-')}.yml`);
  writeFileSync(
    file,
    [
      'mode: sagemaker',
      `image: { context: ${relative(dir, context)}, repository: ${repository} }`,
      "job: { role-arn: 'arn:aws:iam::123456789012:role/Bench', instance-type: ml.m5.large }",
      'output: s3://bench-bucket/models/',
      '',
    ].join('\n'),
  );
  return file;
}

/** Runs `sagemaker-train build --json` and returns its answer. */
export function buildWithCli(config, run) {
  const args = [CLI, 'build', '--workspace', dirname(config), '--config', config, '--json'];
  const { stdout, seconds } = run(process.execPath, args, {
    env: { ...process.env, GITHUB_SHA: '' },
  });
  return { ...JSON.parse(stdout), seconds };
}
