// Shared by the image benchmarks: a context of a given size, the configuration that builds it, and a check that the
// CLI under test has the `build` command.
/* global fetch */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CLI, OFFLINE_BASE_IMAGE, run, skip } from './lib.mjs';

export const REGISTRY = process.env.BENCH_REGISTRY ?? '127.0.0.1:5000';

/** `load average 1.2 0.9 0.8`: printed beside a figure, as other work on the machine skews it. */
export function loadNote() {
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

/** Skips the benchmark when the CLI under test predates `sagemaker-train build` (dist/ not rebuilt yet). */
export function requireBuildCommand(label) {
  if (!existsSync(CLI)) skip(label, 'dist/cli.js does not exist yet (npm run build)');
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  if (!/sagemaker-train build/.test(help.stdout ?? '')) skip(label, `${CLI} has no build command yet (npm run build)`);
}

const MIB = 1024 * 1024;

/** A file of `mib` MiB of random bytes, written in 4 MiB pieces (never held whole). */
export function randomFile(file, mib) {
  const fd = openSync(file, 'w');
  for (let left = mib; left > 0; left -= 4) writeSync(fd, randomBytes(Math.min(4, left) * MIB));
  closeSync(fd);
}

/**
 * Removes the engine's tags of `repositories` by name (untagging, not by id: images of the benchmarks may share
 * parents).
 */
export function untagAll(...repositories) {
  const filters = repositories.flatMap((repository) => ['--filter', `reference=${repository}`]);
  const refs = run('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}', ...filters])
    .stdout.split('\n')
    .filter((ref) => ref && !ref.endsWith(':<none>'));
  if (refs.length) run('docker', ['rmi', ...new Set(refs)]);
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

/**
 * A registry of the benchmark's own (the docker-registry that scripts/setup-env.sh installs), on a free loopback port,
 * its storage and access log in `dir`. stop() ends it and deletes its storage: every blob the benchmark pushed goes
 * with it. (Deleting manifests in the shared registry would leave the blobs until a garbage collection, which is not
 * safe while other pushes may run.) Undefined when docker-registry is not installed.
 */
export async function startPrivateRegistry(dir) {
  const binary = ['/usr/bin/docker-registry', '/usr/local/bin/docker-registry'].find((file) => existsSync(file));
  if (!binary) return undefined;
  const port = await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolvePort(free));
    });
  });
  const root = join(dir, 'registry');
  mkdirSync(root, { recursive: true });
  const config = join(dir, 'registry.yml');
  const log = join(dir, 'registry.log');
  writeFileSync(
    config,
    [
      'version: 0.1',
      `storage: { filesystem: { rootdirectory: ${root} }, delete: { enabled: true } }`,
      `http: { addr: 127.0.0.1:${port} }`,
      'log: { accesslog: { disabled: false }, level: warn }',
      '',
    ].join('\n'),
  );
  const fd = openSync(log, 'a');
  const child = spawn(binary, ['serve', config], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
    rmSync(root, { recursive: true, force: true });
  };
  for (let i = 0; i < 80; i++) {
    const ok = await fetch(`http://${address}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { address, log, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 125));
  }
  await stop();
  throw new Error(`the benchmark's registry did not start; see ${log}`);
}
