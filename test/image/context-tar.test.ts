import { symlink } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { contextFilter, parseDockerignore, walkContext } from '../../src/image/build-context.js';
import { createContextTar } from '../../src/image/context-tar.js';
import { makeTempDir, readTar, writeFiles, removeTempDirs } from '../helpers/docker.js';

afterAll(removeTempDirs);

describe('parseDockerignore', () => {
  it('drops comments and blank lines and trims', () => {
    expect(parseDockerignore('# c\n\n  node_modules  \r\n!keep\n*.log\n')).toEqual(['node_modules', '!keep', '*.log']);
  });
});

describe('contextFilter', () => {
  it.each<[string[], string, boolean]>([
    [['secret.txt'], 'secret.txt', true],
    [['secret.txt'], 'sub/secret.txt', false],
    [['*.log'], 'a.log', true],
    [['*.log'], 'sub/a.log', false],
    [['**/*.log'], 'sub/deep/a.log', true],
    [['data'], 'data/x.csv', true],
    [['data/*', '!data/keep.csv'], 'data/keep.csv', false],
    [['data/*', '!data/keep.csv'], 'data/drop.csv', true],
    [['*', '!src'], 'src/main.py', false],
    [['*'], '.dockerignore', false],
    [['*'], 'Dockerfile', false],
    [['*'], 'docker/Dockerfile', true],
  ])('%j excludes %s: %s', (patterns, path, expected) => {
    expect(contextFilter(patterns, 'Dockerfile').excludes(path)).toBe(expected);
  });

  it('knows whether excluded folders must still be walked', () => {
    expect(contextFilter(['logs'], 'Dockerfile').hasExceptions).toBe(false);
    expect(contextFilter(['data', '!data/keep'], 'Dockerfile').hasExceptions).toBe(true);
  });

  it.each<[string[], string, boolean]>([
    [['data', '!data/keep.csv'], 'data', true],
    [['src/**', '!src/**/*.py'], 'src', true],
    [['src/**', '!src/**/*.py'], 'src/lib', false],
    [['*', '!/src/lib/./util.py'], 'src/lib', true],
    [['logs'], 'logs', false],
  ])('%j enters the excluded folder %s as the docker CLI does: %s', (patterns, dir, expected) => {
    expect(contextFilter(patterns, 'Dockerfile').entersExcluded(dir)).toBe(expected);
  });
});

describe('walkContext', () => {
  it('yields a folder of more entries than one lstat batch whole, in name order, each with its own size and type', async () => {
    const dir = await makeTempDir();
    // 600 entries: three batches of lstat calls; sizes differ so that a stat given to the wrong name shows.
    const files = Object.fromEntries(
      Array.from({ length: 599 }, (_, i) => [`f${String(i).padStart(3, '0')}.txt`, 'x'.repeat(i)]),
    );
    await writeFiles(dir, { ...files, 'sub/inner.txt': 'inner' });
    const entries = [];
    for await (const entry of walkContext({ dir, filter: contextFilter([]), skip: new Set() })) entries.push(entry);
    expect(entries.map((e) => e.rel)).toEqual([...Object.keys(files), 'sub', 'sub/inner.txt']);
    expect(entries.filter((e) => e.type === 'file').map((e) => e.size)).toEqual([
      ...Array.from({ length: 599 }, (_, i) => i),
      5,
    ]);
    expect(entries.find((e) => e.rel === 'sub')?.type).toBe('directory');
  });
});

describe('createContextTar', () => {
  it('sends what .dockerignore keeps, owners 0:0, the Dockerfile and .dockerignore even when excluded', async () => {
    const dir = await makeTempDir();
    await writeFiles(dir, {
      Dockerfile: 'FROM x',
      '.dockerignore': '*\n!src\n!run.sh\n',
      'src/app.py': 'print(1)',
      'run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
      'big/blob.bin': 'x',
      'notes.md': 'n',
    });
    await symlink('src/app.py', join(dir, 'link.py'));
    const { stream, dockerfileName } = await createContextTar({ context: dir, dockerfile: 'Dockerfile' });
    expect(dockerfileName).toBe('Dockerfile');
    const entries = await readTar(stream, false);
    expect(entries.map((e) => e.name)).toEqual(['.dockerignore', 'Dockerfile', 'run.sh', 'src/', 'src/app.py']);
    expect(entries.find((e) => e.name === 'run.sh')?.mode).toBe(0o755);
  });

  it('adds a Dockerfile from outside the context under a generated name hidden by .dockerignore', async () => {
    const dir = await makeTempDir();
    await writeFiles(dir, {
      'ctx/.dockerignore': 'tmp\n',
      'ctx/a.py': 'a',
      'ctx/tmp/x': 'x',
      'build/Dockerfile.gpu': 'FROM y',
    });
    const { stream, dockerfileName } = await createContextTar({
      context: join(dir, 'ctx'),
      dockerfile: join(dir, 'build', 'Dockerfile.gpu'),
    });
    expect(dockerfileName).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    const entries = await readTar(stream, false);
    expect(entries.map((e) => e.name)).toEqual(['a.py', dockerfileName, '.dockerignore']);
    expect(entries[1]?.content).toBe('FROM y');
    expect(entries[2]?.content).toBe(`tmp\n\n${dockerfileName}\n`);
  });

  it('resolves a relative Dockerfile against the context and names missing files clearly', async () => {
    const dir = await makeTempDir();
    await writeFiles(dir, { 'docker/train.Dockerfile': 'FROM z' });
    await expect(createContextTar({ context: dir, dockerfile: 'docker/train.Dockerfile' })).resolves.toMatchObject({
      dockerfileName: 'docker/train.Dockerfile',
    });
    await expect(createContextTar({ context: dir, dockerfile: 'Dockerfile' })).rejects.toThrow(
      `Cannot read the Dockerfile ${join(dir, 'Dockerfile')}: ENOENT`,
    );
    await expect(createContextTar({ context: join(dir, 'nope'), dockerfile: 'Dockerfile' })).rejects.toThrow(
      /is not a folder/,
    );
  });
});
