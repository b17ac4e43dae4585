// ensureImage against the real engine and the local registry on 127.0.0.1:5000 (scripts/setup-env.sh): build, push,
// a second run that neither builds nor pushes, a pull by digest that runs; local mode's skip; bad input.
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureImage, type EnsureImageOptions } from '../../src/image/ensure.js';
import type { BuildImageSpec } from '../../src/request.js';
import { BASE_IMAGE, createDocker, makeTempDir, MemoryLogger, removeTempDirs, writeFiles } from '../helpers/docker.js';
import { readRunIdentity } from '../../src/run-identity.js';

const REGISTRY = process.env.TEST_REGISTRY ?? '127.0.0.1:5000';
const docker = createDocker();
const run = `${process.pid}-${Date.now().toString(36)}`;
const refs: string[] = [];
let root: string;

beforeAll(async () => {
  root = await makeTempDir('smt-ensure-itg-');
});

afterAll(async () => {
  const images = await docker.listImages({ filters: JSON.stringify({ reference: refs }) });
  await Promise.all(
    images.map((i) =>
      docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  await removeTempDirs();
});

async function context(name: string, files: Record<string, string> = {}): Promise<BuildImageSpec> {
  const dir = join(root, name);
  await writeFiles(dir, {
    Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n`,
    'main.py': `print("hello from ${name}")\n`,
    ...files,
  });
  return { kind: 'build', context: dir, dockerfile: join(dir, 'Dockerfile'), buildArgs: {}, platform: 'linux/amd64' };
}

function options(
  spec: BuildImageSpec,
  logger: MemoryLogger,
  extra: Partial<EnsureImageOptions> = {},
): EnsureImageOptions {
  return {
    docker,
    spec,
    push: true,
    localRepository: 'smt-test/ensure',
    logger,
    env: {},
    identity: readRunIdentity({
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/r',
    }),
    sleep: () => Promise.resolve(),
    ...extra,
  };
}

async function runImage(uri: string): Promise<string> {
  const container = await docker.createContainer({ Image: uri });
  try {
    await container.start();
    await container.wait();
    const logs = await container.logs({ stdout: true, stderr: true });
    return logs.toString('utf8');
  } finally {
    await container.remove({ force: true });
  }
}

describe('ensureImage with a registry', () => {
  it('builds and pushes once, then skips both; the digest pulls and runs', async () => {
    const repository = `${REGISTRY}/smt-test/ensure-${run}`;
    refs.push(`${repository}:*`, `${repository}@*`);
    const spec = { ...(await context('push')), repository };

    const first = new MemoryLogger();
    const pushed = await ensureImage(options(spec, first));
    expect(pushed).toMatchObject({ built: true, pushed: true });
    expect(pushed.tag).toMatch(/^ctx-[0-9a-f]{16}$/);
    expect(pushed.uri).toBe(`${repository}@${pushed.digest}`);
    expect(first.groups).toContain(`Push ${repository}:${pushed.tag}`);
    expect(first.infos.some((l) => /^layer [0-9a-f]+: (pushed|already present)/.test(l))).toBe(true);
    expect(first.infos.length).toBeLessThan(60);
    const inspect = await docker.getImage(`${repository}:${pushed.tag}`).inspect();
    expect(inspect.Config.Labels).toMatchObject({
      'org.opencontainers.image.revision': 'a'.repeat(40),
      'org.opencontainers.image.source': 'https://github.com/o/r',
    });

    const second = new MemoryLogger();
    const build = (): never => {
      throw new Error('must not build');
    };
    const skipped = await ensureImage(options(spec, second, { build }));
    expect(skipped).toEqual({
      uri: pushed.uri,
      tag: pushed.tag,
      built: false,
      pushed: false,
      digest: pushed.digest,
      source: 'found',
    });
    expect(second.infos.join('\n')).toContain('is already in the registry');
    expect(second.groups.filter((g) => g.startsWith('Push'))).toEqual([]);

    // The commit tag was pushed too and points at the same manifest.
    const res = await fetch(`http://${REGISTRY}/v2/smt-test/ensure-${run}/manifests/${'a'.repeat(40)}`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(res.headers.get('docker-content-digest')).toBe(pushed.digest);

    // Pull by digest after removing every local copy, then run it.
    const images = await docker.listImages({ filters: JSON.stringify({ reference: [`${repository}`] }) });
    await Promise.all(images.map((i) => docker.getImage(i.Id).remove({ force: true })));
    const pull = await docker.pull(pushed.uri);
    await new Promise((resolve, reject) =>
      docker.modem.followProgress(pull, (err) => (err ? reject(err) : resolve(null))),
    );
    expect(await runImage(pushed.uri)).toContain('hello from push');

    // force-build builds and pushes again.
    const forced = await ensureImage(options({ ...spec, forceBuild: true }, new MemoryLogger()));
    expect(forced).toMatchObject({ built: true, pushed: true, tag: pushed.tag });
  });

  it('local mode: builds into the engine once, then reuses the content tag', async () => {
    const spec = await context('local');
    const localRepository = `smt-test/ensure-local-${run}`;
    refs.push(`${localRepository}:*`);
    const first = await ensureImage(
      options(spec, new MemoryLogger(), { push: false, localRepository, localAlias: 'local' }),
    );
    expect(first).toMatchObject({ uri: `${localRepository}:local`, built: true, pushed: false });
    const logger = new MemoryLogger();
    const build = (): never => {
      throw new Error('must not build');
    };
    const second = await ensureImage(
      options(spec, logger, { push: false, localRepository, localAlias: 'local', build }),
    );
    expect(second).toEqual({ ...first, built: false, source: 'found' });
    expect(logger.infos.join('\n')).toContain('is already in the engine');
    expect(await runImage(second.uri)).toContain('hello from local');
  });

  it('local mode: pulls the image the registry has for the same content instead of building it', async () => {
    const repository = `${REGISTRY}/smt-test/ensure-pull-${run}`;
    refs.push(`${repository}:*`, `${repository}@*`);
    const spec = { ...(await context('pull')), repository };
    const pushed = await ensureImage(options(spec, new MemoryLogger()));
    expect(pushed.source).toBe('built');
    await docker.getImage(`${repository}:${pushed.tag}`).remove({ force: true });

    const localRepository = `smt-test/ensure-pull-local-${run}`;
    refs.push(`${localRepository}:*`);
    const logger = new MemoryLogger();
    const build = (): never => {
      throw new Error('must not build');
    };
    const local = await ensureImage(
      options(spec, logger, { push: false, localRepository, localAlias: 'local', build }),
    );
    expect(local).toMatchObject({ uri: `${localRepository}:local`, built: false, source: 'found' });
    expect(logger.infos.join('\n')).toContain('instead of building it');
    expect(await runImage(local.uri)).toContain('hello from pull');
  });

  it('fails clearly on a Dockerfile that fails, a malformed repository and a missing Dockerfile', async () => {
    const failing = await context('fails');
    await writeFiles(failing.context, { Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo about to fail && false\n` });
    await expect(
      ensureImage(options({ ...failing, repository: `${REGISTRY}/smt-test/fails-${run}` }, new MemoryLogger())),
    ).rejects.toThrow(/failed at Step 2\/\d+: RUN echo about to fail && false[\s\S]*about to fail/);
    await expect(ensureImage(options({ ...failing, repository: 'Not A Repo' }, new MemoryLogger()))).rejects.toThrow(
      /The image repository "Not A Repo"/,
    );
    await expect(ensureImage(options({ ...failing, repository: 'team/iris' }, new MemoryLogger()))).rejects.toThrow(
      /must include the registry host/,
    );
    await expect(
      ensureImage(
        options(
          { ...failing, dockerfile: join(failing.context, 'nope'), repository: `${REGISTRY}/x` },
          new MemoryLogger(),
        ),
      ),
    ).rejects.toThrow(/Cannot read the Dockerfile .*nope: ENOENT/);
  });
});
