import { createHash, randomBytes } from 'node:crypto';
import { chmod, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { hashBuildContext, hashFile } from '../../src/image/content-hash.js';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/docker.js';

afterAll(removeTempDirs);

async function context(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir('smt-hash-');
  await writeFiles(dir, {
    Dockerfile: 'FROM x\nCOPY . /app\n',
    '.dockerignore': 'ignored\n*.log\n',
    'app.py': 'print(1)\n',
    'data/a.csv': '1,2\n',
    ...files,
  });
  return dir;
}

const spec = (dir: string, extra: object = {}) => ({
  context: dir,
  dockerfile: join(dir, 'Dockerfile'),
  buildArgs: {},
  platform: 'linux/amd64',
  ...extra,
});

describe('hashBuildContext', () => {
  it('gives a stable ctx- tag that ignores what .dockerignore excludes and modification times', async () => {
    const dir = await context();
    const first = await hashBuildContext(spec(dir));
    expect(first.tag).toMatch(/^ctx-[0-9a-f]{16}$/);
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.digest.slice(7, 23)).toBe(first.tag.slice(4));
    await writeFiles(dir, { 'ignored/x': 'anything', 'run.log': 'noise' });
    await writeFile(join(dir, 'app.py'), 'print(1)\n'); // same bytes, new mtime
    expect((await hashBuildContext(spec(dir))).digest).toBe(first.digest);
    expect((await hashBuildContext(spec(dir), { concurrency: 1 })).digest).toBe(first.digest);
  });

  it.each<[string, (dir: string) => Promise<object | void>]>([
    ['a byte of a file', (dir) => writeFile(join(dir, 'data/a.csv'), '1,3\n')],
    ['a new file', (dir) => writeFile(join(dir, 'new.txt'), '')],
    ['a removed file', (dir) => rm(join(dir, 'data/a.csv'))],
    ['a mode', (dir) => chmod(join(dir, 'app.py'), 0o755)],
    ['a symlink', (dir) => symlink('app.py', join(dir, 'link'))],
    ['the Dockerfile', (dir) => writeFile(join(dir, 'Dockerfile'), 'FROM y\n')],
    ['.dockerignore', (dir) => writeFile(join(dir, '.dockerignore'), 'ignored\n')],
    ['a build arg', () => Promise.resolve({ buildArgs: { A: '1' } })],
    ['the target', () => Promise.resolve({ target: 'train' })],
    ['the platform', () => Promise.resolve({ platform: 'linux/arm64' })],
  ])('changes with %s', async (_what, change) => {
    const dir = await context();
    const before = await hashBuildContext(spec(dir));
    const extra = (await change(dir)) ?? {};
    expect((await hashBuildContext(spec(dir, extra))).digest).not.toBe(before.digest);
  });

  it('counts files and bytes, and names a missing Dockerfile or context', async () => {
    const dir = await context();
    const digest = await hashBuildContext(spec(dir));
    expect(digest.files).toBe(4); // .dockerignore, Dockerfile, app.py, data/a.csv
    await expect(hashBuildContext(spec(dir, { dockerfile: join(dir, 'nope') }))).rejects.toThrow(
      /Cannot read the Dockerfile .*nope: ENOENT/,
    );
    await expect(hashBuildContext(spec(join(dir, 'missing')))).rejects.toThrow(/is not a folder/);
    await expect(hashBuildContext(spec(join(dir, 'app.py')))).rejects.toThrow(/is not a folder/);
  });
});

describe('hashFile', () => {
  it('gives the sha256 of the bytes, across reads and with many files at once (read buffers are reused)', async () => {
    const dir = await makeTempDir('smt-hashfile-');
    const bodies = [0, 1, 1024 * 1024 - 1, 1024 * 1024, 3 * 1024 * 1024 + 7, ...Array<number>(20).fill(70_000)].map(
      (n: number) => randomBytes(n),
    );
    await Promise.all(bodies.map((body, i) => writeFile(join(dir, `f${i}`), body)));
    const hashes = await Promise.all(bodies.map((_, i) => hashFile(join(dir, `f${i}`))));
    expect(hashes).toEqual(bodies.map((body) => createHash('sha256').update(body).digest('hex')));
  });

  it('names the file and the reason when it cannot be read', async () => {
    const dir = await makeTempDir('smt-hashfile-');
    await expect(hashFile(join(dir, 'gone'))).rejects.toThrow(
      `Cannot read ${join(dir, 'gone')} in the build context: ENOENT`,
    );
    await expect(hashFile(dir)).rejects.toThrow(`Cannot read ${dir} in the build context: EISDIR`);
  });
});
