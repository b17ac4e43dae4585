// The image step given what the run cache already looked up of the same build (the content tag, the registry's
// answer): the context is not hashed again, and an image the registry has is neither asked for nor built.
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';

import type { ContextDigest } from '../../src/image/content-hash.js';
import { ensureImage, type EnsureImageOptions } from '../../src/image/ensure.js';
import type { BuildImageSpec } from '../../src/request.js';
import { MemoryLogger } from '../helpers/docker.js';

// A context that does not exist: hashing it would throw "is not a folder".
const gone = join(tmpdir(), `smt-looked-up-${process.pid}-missing`);
const spec: BuildImageSpec = {
  kind: 'build',
  context: gone,
  dockerfile: join(gone, 'Dockerfile'),
  buildArgs: {},
  platform: 'linux/amd64',
};
const content: ContextDigest = {
  digest: `sha256:${'ab'.repeat(32)}`,
  tag: `ctx-${'ab'.repeat(8)}`,
  files: 3,
  bytes: 10,
  readBytes: 10,
  gitFiles: 0,
  fingerprints: new Map(),
};
const DIGEST = `sha256:${'cd'.repeat(32)}`;

function options(extra: Partial<EnsureImageOptions>): EnsureImageOptions {
  return {
    docker: () => Promise.reject(new Error('the engine was asked')),
    spec,
    push: false,
    localRepository: 'smt-test/looked-up',
    logger: new MemoryLogger(),
    env: {},
    ...extra,
  };
}

describe('ensureImage with the run cache’s look-up', () => {
  it('does not hash the context again in local mode: the engine is asked for the given content tag', async () => {
    // Without the look-up, the image step hashes the context (here: missing).
    await expect(ensureImage(options({}))).rejects.toThrow(/is not a folder/);

    const inspected: string[] = [];
    const engine = {
      getImage: (ref: string) => ({
        inspect: () => {
          inspected.push(ref);
          return Promise.resolve({});
        },
        tag: () => Promise.resolve(),
      }),
    } as unknown as Dockerode;
    const logger = new MemoryLogger();
    const outcome = await ensureImage(options({ docker: engine, logger, localAlias: 'local', lookedUp: { content } }));
    expect(inspected).toEqual([`smt-test/looked-up:${content.tag}`]);
    expect(outcome).toMatchObject({ tag: content.tag, built: false, source: 'found', uri: 'smt-test/looked-up:local' });
    expect(logger.infos.join('\n')).toContain(`Content tag ${content.tag}: 3 file(s), hashed once for the run cache`);
  });

  it('reports an image the registry had when the cache asked, without asking the registry or the engine again', async () => {
    const asked: string[] = [];
    const outcome = await ensureImage(
      options({
        push: true,
        spec: { ...spec, repository: 'registry.example:5000/team/model' },
        fetch: (url) => {
          asked.push(url instanceof Request ? url.url : url.toString());
          return Promise.resolve(new Response(null, { status: 500 }));
        },
        lookedUp: { content, registry: { digest: DIGEST } },
      }),
    );
    expect(asked).toEqual([]);
    expect(outcome).toEqual({
      uri: `registry.example:5000/team/model@${DIGEST}`,
      tag: content.tag,
      digest: DIGEST,
      built: false,
      pushed: false,
      source: 'found',
    });
  });

  it('still builds with force-build, whatever the registry had (here: it goes on to the engine)', async () => {
    await expect(
      ensureImage(
        options({
          push: true,
          spec: { ...spec, repository: 'registry.example:5000/team/model', forceBuild: true },
          fetch: () => Promise.reject(new Error('registry unreachable')),
          lookedUp: { content, registry: { digest: DIGEST } },
        }),
      ),
    ).rejects.toThrow('the engine was asked');
  });
});
