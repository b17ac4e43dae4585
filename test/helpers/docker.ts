// Shared helpers for tests that use the real Docker engine (and a few that only need a logger or a tar reader).
// Test images are built FROM the offline Python base image and tagged smt-test/...; nothing is ever pulled.
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';

import Dockerode from 'dockerode';
import tar from 'tar-stream';

import { buildLocalImage } from '../../src/image/build-local.js';
import type { Logger } from '../../src/logger.js';

export const BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';
export const JOB_LABEL = 'sagemaker-train.job';

export function createDocker(): Dockerode {
  return new Dockerode({ socketPath: process.env.DOCKER_SOCKET ?? '/var/run/docker.sock' });
}

/** A Logger that keeps everything, for assertions. */
export class MemoryLogger implements Logger {
  readonly infos: string[] = [];
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  readonly debugs: string[] = [];
  readonly groups: string[] = [];
  /** Secrets given to mask (the action hides them through core.setSecret). */
  readonly masked: string[] = [];
  constructor(private readonly echo = process.env.TEST_ECHO_LOGS === '1') {}
  mask(secret: string): void {
    this.masked.push(secret);
  }
  info(message: string): void {
    this.infos.push(message);
    if (this.echo) process.stderr.write(`${message}\n`);
  }
  warning(message: string): void {
    this.warnings.push(message);
    if (this.echo) process.stderr.write(`warning: ${message}\n`);
  }
  error(message: string): void {
    this.errors.push(message);
    if (this.echo) process.stderr.write(`error: ${message}\n`);
  }
  debug(message: string): void {
    this.debugs.push(message);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(title);
    return fn();
  }
}

const tempDirs: string[] = [];

/** A new folder under the system temp folder, removed by removeTempDirs (call it in afterAll). */
export async function makeTempDir(prefix = 'smt-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder makeTempDir created in this test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes files (path relative to dir → content, or content and mode) creating folders as needed. */
export async function writeFiles(
  dir: string,
  files: Record<string, string | { content: string; mode: number }>,
): Promise<void> {
  for (const [rel, value] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    const { content, mode } = typeof value === 'string' ? { content: value, mode: 0o644 } : value;
    await writeFile(path, content);
    await chmod(path, mode);
  }
}

/** Builds a test image from files written to a temporary context (a `Dockerfile` among them). */
export async function buildTestImage(opts: {
  docker: Dockerode;
  tag: string;
  files: Record<string, string | { content: string; mode: number }>;
  logger?: Logger;
}): Promise<string> {
  const context = await makeTempDir('smt-ctx-');
  await writeFiles(context, opts.files);
  await buildLocalImage({
    docker: opts.docker,
    spec: { kind: 'build', context, dockerfile: join(context, 'Dockerfile'), buildArgs: {}, platform: '' },
    tag: opts.tag,
    logger: opts.logger ?? new MemoryLogger(),
  });
  return opts.tag;
}

/** Ids of the containers and networks labelled with the job. */
export async function listJobResources(
  docker: Dockerode,
  jobName: string,
): Promise<{ containers: string[]; networks: string[] }> {
  const filters = JSON.stringify({ label: [`${JOB_LABEL}=${jobName}`] });
  const [containers, networks] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
  ]);
  return { containers: containers.map((c) => c.Id), networks: networks.map((n) => n.Id) };
}

/** Removes whatever a test left behind for a job (containers first, then networks). */
export async function removeJobResources(docker: Dockerode, jobName: string): Promise<void> {
  const { containers, networks } = await listJobResources(docker, jobName);
  await Promise.all(
    containers.map((id) =>
      docker
        .getContainer(id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  await Promise.all(
    networks.map((id) =>
      docker
        .getNetwork(id)
        .remove()
        .catch(() => undefined),
    ),
  );
}

/** Every path under dir (dir itself first), depth first, not following symlinks. */
export async function walk(dir: string): Promise<string[]> {
  const out = [dir];
  const stat = await lstat(dir);
  if (!stat.isDirectory()) return out;
  for (const name of (await readdir(dir)).sort()) out.push(...(await walk(join(dir, name))));
  return out;
}

export interface TarEntry {
  name: string;
  type: string;
  mode: number;
  content?: string;
  linkname?: string;
}

/** The entries of a (gzip) tar stream, contents as UTF-8 text. */
export async function readTar(source: Readable, gzip: boolean): Promise<TarEntry[]> {
  const extract = tar.extract();
  (gzip ? source.pipe(createGunzip()) : source).pipe(extract);
  const entries: TarEntry[] = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    const { name, type, mode, linkname } = entry.header;
    entries.push({
      name,
      type,
      mode,
      ...(type === 'file' ? { content: Buffer.concat(chunks).toString('utf8') } : {}),
      ...(linkname ? { linkname } : {}),
    });
  }
  return entries;
}

export function readTarGzFile(file: string): Promise<TarEntry[]> {
  return readTar(createReadStream(file), true);
}
