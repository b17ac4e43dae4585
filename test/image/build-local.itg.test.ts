// buildLocalImage against the real engine: .dockerignore, build args, target, labels, a Dockerfile outside the
// context, and what a failing RUN reports.
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildLocalImage } from '../../src/image/build-local.js';
import type { BuildImageSpec } from '../../src/request.js';
import { BASE_IMAGE, createDocker, makeTempDir, MemoryLogger, writeFiles, removeTempDirs } from '../helpers/docker.js';

afterAll(removeTempDirs);

const docker = createDocker();
const tags: string[] = [];
let root: string;

function spec(context: string, overrides: Partial<BuildImageSpec> = {}): BuildImageSpec {
  return { kind: 'build', context, dockerfile: join(context, 'Dockerfile'), buildArgs: {}, platform: '', ...overrides };
}

function tag(name: string): string {
  const t = `smt-test/build-${name}:${process.pid}`;
  tags.push(t);
  return t;
}

/** Lines the build printed between two markers of a RUN step (the classic builder echoes RUN output). */
function between(logger: MemoryLogger, start: string, end: string): string[] {
  const from = logger.infos.indexOf(start);
  const to = logger.infos.indexOf(end, from + 1);
  return logger.infos.slice(from + 1, to);
}

beforeAll(async () => {
  root = await makeTempDir('smt-build-itg-');
});

afterAll(async () => {
  await Promise.all(
    tags.map((t) =>
      docker
        .getImage(t)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
});

describe('buildLocalImage', () => {
  it('honours .dockerignore (with exceptions), passes build args, target and labels', async () => {
    const context = join(root, 'ignore');
    await writeFiles(context, {
      Dockerfile: [
        `FROM ${BASE_IMAGE} AS base`,
        'ARG GREETING=unset',
        'COPY . /ctx',
        'RUN echo "greeting=$GREETING" && echo BEGIN && cd /ctx && find . -type f | sort && echo END',
        'FROM base AS never',
        'RUN echo "the never stage ran"',
      ].join('\n'),
      '.dockerignore': '# comment\nsecret.txt\nlogs\n*.tmp\ndata/*\n!data/keep.csv\n',
      'app.py': 'print(1)',
      'secret.txt': 'hunter2',
      'logs/run.log': 'noise',
      'scratch.tmp': 'tmp',
      'data/keep.csv': 'a,b',
      'data/drop.csv': 'c,d',
      'sub/scratch.tmp': 'kept: *.tmp only matches at the root',
    });
    const logger = new MemoryLogger();
    const t = tag('ignore');
    const built = await buildLocalImage({
      docker,
      spec: spec(context, { buildArgs: { GREETING: 'hello' }, target: 'base', platform: 'linux/amd64' }),
      tag: t,
      logger,
      labels: { 'sagemaker-train.test': 'yes' },
    });
    expect(built.tag).toBe(t);
    expect(built.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(logger.groups).toEqual([`Build image ${t}`]);
    expect(logger.infos).toContain('greeting=hello');
    expect(between(logger, 'BEGIN', 'END')).toEqual([
      './.dockerignore',
      './Dockerfile',
      './app.py',
      './data/keep.csv',
      './sub/scratch.tmp',
    ]);
    expect(logger.infos.join('\n')).not.toContain('the never stage ran');
    const image = await docker.getImage(t).inspect();
    expect(image.Id).toBe(built.imageId);
    expect(image.Config.Labels).toMatchObject({ 'sagemaker-train.test': 'yes' });
  });

  it('builds with a Dockerfile outside the context, which COPY . does not see', async () => {
    const context = join(root, 'outside-ctx');
    const elsewhere = join(root, 'outside-df');
    await writeFiles(context, { 'model.py': 'print(2)' });
    await writeFiles(elsewhere, {
      'train.Dockerfile': `FROM ${BASE_IMAGE}\nCOPY . /ctx\nRUN echo BEGIN && ls -A /ctx && echo END\n`,
    });
    const logger = new MemoryLogger();
    await buildLocalImage({
      docker,
      spec: spec(context, { dockerfile: join(elsewhere, 'train.Dockerfile') }),
      tag: tag('outside'),
      logger,
    });
    // Like the docker CLI: a .dockerignore naming the generated Dockerfile is sent, the Dockerfile itself is not copied.
    expect(between(logger, 'BEGIN', 'END')).toEqual(['.dockerignore', 'model.py']);
  });

  it('reports a failing RUN with its step, the engine message and the step output', async () => {
    const context = join(root, 'failing');
    await writeFiles(context, {
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo "step one ok"\nRUN echo "preparing data" && echo "oops: no such dataset" >&2 && exit 3\n`,
    });
    const error = await buildLocalImage({
      docker,
      spec: spec(context),
      tag: tag('failing'),
      logger: new MemoryLogger(),
    }).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(
      'failed at Step 3/3: RUN echo "preparing data" && echo "oops: no such dataset" >&2 && exit 3',
    );
    expect(message).toContain('returned a non-zero code: 3');
    // stdout and stderr of a step may come in either order
    const tail = message.slice(message.indexOf('Last output lines:\n')).split('\n').slice(1).sort();
    expect(tail).toEqual(['  oops: no such dataset', '  preparing data']);
    expect(message).not.toContain('step one ok');
    expect(message).not.toMatch(/\n\s+at /); // no stack trace in the message
  });

  it('reports a Dockerfile the engine cannot parse', async () => {
    const context = join(root, 'unparsable');
    await writeFiles(context, { Dockerfile: `FROM ${BASE_IMAGE}\nFROBNICATE everything\n` });
    await expect(
      buildLocalImage({ docker, spec: spec(context), tag: tag('unparsable'), logger: new MemoryLogger() }),
    ).rejects.toThrow(/unknown instruction: FROBNICATE/i);
  });
});
