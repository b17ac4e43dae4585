// Assembly against the real engine and registry: for each Dockerfile of the table, the first build goes through the
// engine, a code change is assembled in the registry, and the assembled image is compared with what `docker build`
// makes of the same context (filesystem: paths, types, modes, owners, file digests, link targets; config: Env,
// WorkingDir, User, Entrypoint, Cmd, ExposedPorts, Labels). The assembled image runs.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildLocalImage } from '../../../src/image/build-local.js';
import { ensureImage } from '../../../src/image/ensure.js';
import { readRunIdentity } from '../../../src/run-identity.js';
import type { BuildImageSpec } from '../../../src/request.js';
import {
  BASE_IMAGE,
  createDocker,
  makeTempDir,
  MemoryLogger,
  removeTempDirs,
  writeFiles,
} from '../../helpers/docker.js';

const REGISTRY = process.env.TEST_REGISTRY ?? '127.0.0.1:5000';
const docker = createDocker();
const run = `${process.pid}-${Date.now().toString(36)}`;
const localRefs: string[] = [];
let root: string;

beforeAll(async () => {
  root = await makeTempDir('smt-assemble-itg-');
});

afterAll(async () => {
  for (const ref of localRefs)
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined);
  await removeTempDirs();
});

type Files = Record<string, string | { content: string; mode: number }>;

interface FsEntry {
  type: string;
  mode: string;
  owner: string;
  digest?: string;
  link?: string;
}

/** The filesystem of an image: `docker export` of a container created from it (never started). */
async function filesystem(image: string): Promise<Map<string, FsEntry>> {
  const container = await docker.createContainer({ Image: image, Entrypoint: ['/bin/true'], Cmd: [] });
  try {
    const stream = (await container.export()) as unknown as Readable;
    const extract = tar.extract();
    stream.pipe(extract);
    const out = new Map<string, FsEntry>();
    for await (const entry of extract) {
      const hash = createHash('sha256');
      for await (const chunk of entry as AsyncIterable<Buffer>) hash.update(chunk);
      const h = entry.header;
      out.set(h.name.replace(/\/$/, ''), {
        type: h.type ?? '',
        mode: (h.mode ?? 0).toString(8),
        owner: `${h.uid}:${h.gid}`,
        ...(h.type === 'file' ? { digest: hash.digest('hex') } : {}),
        ...(h.linkname ? { link: h.linkname } : {}),
      });
    }
    return out;
  } finally {
    await container.remove({ force: true });
  }
}

async function configOf(image: string): Promise<Record<string, unknown>> {
  const { Config } = await docker.getImage(image).inspect();
  const c = Config as unknown as Record<string, unknown>;
  const pick = ['Env', 'WorkingDir', 'User', 'Entrypoint', 'Cmd', 'ExposedPorts', 'Labels', 'StopSignal', 'Shell'];
  return Object.fromEntries(pick.map((k) => [k, c[k] ?? null]));
}

async function output(image: string): Promise<string> {
  const container = await docker.createContainer({ Image: image });
  try {
    await container.start();
    await container.wait();
    return (await container.logs({ stdout: true, stderr: true })).toString('utf8');
  } finally {
    await container.remove({ force: true });
  }
}

async function pull(ref: string): Promise<void> {
  const stream = (await docker.pull(ref)) as Readable;
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(),
    ),
  );
}

interface Case {
  name: string;
  dockerfile: string;
  files: Files;
  change: Files;
  /** Binary files, written before the first build and again (new bytes) with the change. */
  binary?: Record<string, () => Buffer>;
  links?: Record<string, string>;
  /** Empty folders of the context. */
  folders?: string[];
  /** Paths the image must hold (so the comparison is not of two empty lists). */
  expectPaths: string[];
  /** What the assembled image prints when run. */
  prints?: string;
}

const CASES: Case[] = [
  {
    name: 'code-last',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'WORKDIR /opt/ml/code',
      'COPY requirements.txt .',
      'RUN echo deps > /deps.txt',
      'COPY . .',
      'ENV APP_HOME=/opt/ml/code PYTHONUNBUFFERED=1',
      'ENTRYPOINT ["python3", "train.py"]',
    ].join('\n'),
    files: { 'requirements.txt': 'numpy\n', 'train.py': 'print("v1")\n', 'lib/util.py': 'x = 1\n' },
    change: { 'train.py': 'print("v2")\n' },
    expectPaths: ['opt/ml/code/train.py', 'opt/ml/code/lib/util.py', 'deps.txt'],
    prints: 'v2\n',
  },
  {
    name: 'owners-modes-links',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'RUN mkdir -p /srv',
      'COPY --chown=1000:1000 src/ /srv/app/',
      'COPY --chown=nobody:nogroup tools /home/tools/',
      'USER 1000',
      'CMD ["python3", "/srv/app/main.py"]',
    ].join('\n'),
    files: {
      'src/main.py': 'print("one")\n',
      'src/run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
      'src/secret.txt': { content: 's\n', mode: 0o600 },
      'src/empty/.keep': '',
      'tools/t.py': 'x\n',
    },
    links: { 'src/link.py': 'main.py' },
    change: { 'src/main.py': 'print("two")\n' },
    expectPaths: ['srv/app/main.py', 'srv/app/link.py', 'srv/app/empty', 'home/tools/t.py'],
    prints: 'two',
  },
  {
    name: 'ignore-env-workdir-user',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'ARG FLAVOUR=plain',
      'ENV APP=/srv/app MODE=$FLAVOUR',
      'WORKDIR $APP/run',
      'RUN touch /ran',
      'COPY . $APP/',
      'ENV CONFIG=$APP/conf.txt PATH=$APP/bin:$PATH',
      'WORKDIR $APP',
      'LABEL app.mode=$MODE "app.name"="train"',
      'EXPOSE 8080 9000-9001/udp',
      'STOPSIGNAL SIGINT',
      'USER nobody',
      'CMD python3 -c "print(\'three\')"',
    ].join('\n'),
    files: { '.dockerignore': '*.log\n!keep.log\n', 'a.log': 'no\n', 'keep.log': 'yes\n', 'conf.txt': 'a=1\n' },
    change: { 'conf.txt': 'a=2\n', 'b.log': 'ignored\n' },
    expectPaths: ['srv/app/conf.txt', 'srv/app/keep.log', 'srv/app/run', 'ran'],
    prints: 'three',
  },
  {
    name: 'into-base-file-and-folder',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'RUN touch /ran',
      'COPY motd.txt /etc/',
      'COPY version.txt /etc/debian_version',
      'COPY app.py /usr/local/bin/app.py',
      'ENTRYPOINT ["python3", "/usr/local/bin/app.py"]',
    ].join('\n'),
    files: { 'motd.txt': 'hello\n', 'version.txt': '99\n', 'app.py': 'print("four")\n' },
    change: { 'motd.txt': 'hello again\n', 'version.txt': '100\n' },
    expectPaths: ['etc/motd.txt', 'etc/debian_version', 'usr/local/bin/app.py'],
    prints: 'four',
  },
  {
    name: 'globs-links-empty-folders',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'RUN mkdir -p /app',
      'COPY *.py /app/',
      'COPY conf/*.txt /app/conf/',
      'COPY current.txt /app/',
      'COPY data /app/data/',
      'CMD ["python3", "/app/main.py"]',
    ].join('\n'),
    files: {
      'main.py': 'print(open("/app/current.txt").read())\n',
      'util.py': 'x = 1\n',
      'conf/a.txt': 'a\n',
      'conf/b.md': 'not copied\n',
      'releases/v1.txt': 'release one\n',
      'data/rows.csv': '1,2\n',
    },
    links: { 'current.txt': 'releases/v1.txt', 'data/latest.csv': 'rows.csv' },
    folders: ['data/empty', 'data/nested/deeper'],
    change: { 'releases/v1.txt': 'release two\n', 'conf/a.txt': 'a2\n' },
    expectPaths: ['app/main.py', 'app/util.py', 'app/conf/a.txt', 'app/current.txt', 'app/data/empty'],
    prints: 'release two',
  },
  {
    // The new layer is several of assembly's 1 MiB gzip members, deflated (text) and stored (random bytes).
    name: 'large-files-in-gzip-members',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'RUN touch /ran',
      'COPY . /opt/ml/code/',
      'ENTRYPOINT ["python3", "/opt/ml/code/train.py"]',
    ].join('\n'),
    files: { 'train.py': 'print("large v1")\n', 'notes.txt': 'a line of notes that deflate shrinks\n'.repeat(60_000) },
    binary: { 'weights.bin': () => randomBytes(2_500_000) },
    change: { 'train.py': 'print("large v2")\n' },
    expectPaths: ['opt/ml/code/weights.bin', 'opt/ml/code/notes.txt', 'opt/ml/code/train.py'],
    prints: 'large v2',
  },
  {
    name: 'chown-by-name-new-step',
    dockerfile: [
      `FROM ${BASE_IMAGE}`,
      'RUN touch /ran',
      'COPY --chown=nobody:nogroup a.txt /home/app/',
      'CMD ["cat", "/home/app/a.txt"]',
    ].join('\n'),
    files: { 'a.txt': 'one\n', 'b.txt': 'bee\n' },
    change: {
      'a.txt': 'two\n',
      Dockerfile: [
        `FROM ${BASE_IMAGE}`,
        'RUN touch /ran',
        'COPY --chown=nobody:nogroup a.txt /home/app/',
        'CMD ["cat", "/home/app/a.txt"]',
        'COPY --chown=nobody:nogroup b.txt /home/app/',
      ].join('\n'),
    },
    expectPaths: ['home/app/a.txt', 'home/app/b.txt'],
    prints: 'two',
  },
];

describe('assembled images are the images docker build makes', () => {
  it.each(CASES)('$name', async (c) => {
    const dir = join(root, c.name);
    await writeFiles(dir, { Dockerfile: c.dockerfile, ...c.files });
    const writeBinary = async (): Promise<void> => {
      for (const [name, bytes] of Object.entries(c.binary ?? {})) await writeFile(join(dir, name), bytes());
    };
    await writeBinary();
    for (const [link, target] of Object.entries(c.links ?? {})) await symlink(target, join(dir, link));
    for (const folder of c.folders ?? []) await mkdir(join(dir, folder), { recursive: true });
    const repository = `${REGISTRY}/smt-test/assemble-${c.name}-${run}`;
    const spec: BuildImageSpec = {
      kind: 'build',
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      buildArgs: {},
      platform: '',
      repository,
    };
    const env = { GITHUB_SHA: 'b'.repeat(40), GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' };
    const identity = readRunIdentity(env);
    const opts = {
      docker,
      spec,
      push: true,
      localRepository: 'smt-test/x',
      env: {},
      identity,
      sleep: () => Promise.resolve(),
    };
    const first = await ensureImage({ ...opts, logger: new MemoryLogger() });
    localRefs.push(`${repository}:${first.tag}`);
    expect(first.source).toBe('built');

    await writeFiles(dir, c.change);
    await writeBinary();
    const logger = new MemoryLogger();
    const second = await ensureImage({
      ...opts,
      identity: readRunIdentity({ ...env, GITHUB_SHA: 'c'.repeat(40) }),
      logger,
    });
    expect(second.source, logger.infos.join('\n')).toBe('assembled');
    expect(second.note).toMatch(/steps reused/);

    // The reference: the engine's build of the same context with the same build labels.
    await pull(second.uri);
    localRefs.push(second.uri);
    const assembledConfig = await configOf(second.uri);
    const reference = `smt-test/assemble-ref-${c.name}:${run}`;
    localRefs.push(reference);
    await buildLocalImage({
      docker,
      spec,
      tag: reference,
      logger: new MemoryLogger(),
      labels: Object.fromEntries(
        Object.entries((assembledConfig.Labels ?? {}) as Record<string, string>).filter(
          ([k]) => k.startsWith('org.opencontainers') || k.startsWith('dev.sagemaker-train'),
        ),
      ),
    });
    expect(assembledConfig).toEqual(await configOf(reference));
    const [mine, theirs] = await Promise.all([filesystem(second.uri), filesystem(reference)]);
    expect(mine.size).toBeGreaterThan(100);
    for (const path of c.expectPaths) expect(mine.has(path), path).toBe(true);
    expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(theirs));
    if (c.prints !== undefined) expect(await output(second.uri)).toContain(c.prints);
  });
});

// docker 20.10's classic builder, which this engine builds with, refuses --chmod ("requires BuildKit") and --link
// ("Unknown flag"), so there is no engine image to compare with: the assembled image's own filesystem is checked
// against what BuildKit makes of these flags, and it runs.
describe('--chmod and --link, which only BuildKit builds', () => {
  it('gives the files --chmod’s mode and makes --link’s folders itself', async () => {
    const dir = join(root, 'chmod-link');
    const first = [`FROM ${BASE_IMAGE}`, 'RUN touch /ran', 'CMD ["run.sh"]', 'COPY run.sh /usr/local/bin/'];
    // The new steps come last: a changed step before a config step (the CMD) would need the engine.
    await writeFiles(dir, {
      Dockerfile: first.join('\n'),
      'run.sh': { content: '#!/bin/sh\necho four\n', mode: 0o755 },
      'app/main.py': 'print(1)\n',
      'app/lib/util.py': 'x = 1\n',
    });
    const repository = `${REGISTRY}/smt-test/assemble-chmod-link-${run}`;
    const spec: BuildImageSpec = {
      kind: 'build',
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      buildArgs: {},
      platform: '',
      repository,
    };
    const opts = { docker, spec, push: true, localRepository: 'smt-test/x', env: {}, sleep: () => Promise.resolve() };
    const built = await ensureImage({ ...opts, logger: new MemoryLogger() });
    localRefs.push(`${repository}:${built.tag}`);
    expect(built.source).toBe('built');

    await writeFiles(dir, {
      Dockerfile: [
        `FROM ${BASE_IMAGE}`,
        'RUN touch /ran',
        'CMD ["run.sh"]',
        'COPY run.sh /usr/local/bin/',
        'COPY --chmod=0750 tool.sh /usr/local/bin/',
        'COPY --link --chown=1000:1000 app/ /srv/linked/',
      ].join('\n'),
      // The changed script: its COPY is made again here, so the folders the next COPY writes into are known.
      'run.sh': { content: '#!/bin/sh\necho five\n', mode: 0o755 },
      'tool.sh': { content: '#!/bin/sh\necho tool\n', mode: 0o644 },
    });
    const logger = new MemoryLogger();
    const assembled = await ensureImage({ ...opts, logger });
    expect(assembled.source, logger.infos.join('\n')).toBe('assembled');
    await pull(assembled.uri);
    localRefs.push(assembled.uri);
    const fs = await filesystem(assembled.uri);
    expect(fs.get('usr/local/bin/tool.sh')).toMatchObject({ type: 'file', mode: '100750', owner: '0:0' });
    expect(fs.get('usr/local/bin/run.sh')).toMatchObject({ type: 'file', mode: '100755', owner: '0:0' });
    expect(fs.get('usr/local/bin')).toMatchObject({ type: 'directory', mode: '40755', owner: '0:0' });
    expect(fs.get('srv')).toMatchObject({ type: 'directory', mode: '40755', owner: '1000:1000' });
    expect(fs.get('srv/linked')).toMatchObject({ type: 'directory', mode: '40755', owner: '1000:1000' });
    expect(fs.get('srv/linked/lib/util.py')).toMatchObject({ type: 'file', mode: '100644', owner: '1000:1000' });
    expect(fs.has('ran')).toBe(true);
    expect(await output(assembled.uri)).toContain('five');

    // The engine here cannot build it, which is why the check above is not a comparison.
    const refused = buildLocalImage({ docker, spec, tag: `smt-test/chmod-ref:${run}`, logger: new MemoryLogger() });
    await expect(refused).rejects.toThrow(/--chmod option requires BuildKit|Unknown flag: link/);
  });
});
