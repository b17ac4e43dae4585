import { createWriteStream } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';

import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';

import {
  appendRerootedArchive,
  packDirectoryToTarGz,
  readFirstFileText,
  rerootName,
  writeTarGz,
} from '../../../src/backends/local/artifacts.js';
import { makeTempDir, readTar, readTarGzFile, removeTempDirs } from '../../helpers/docker.js';

afterAll(removeTempDirs);

/** A tar like Docker's getArchive of /opt/ml/<root>. */
function dockerArchive(root: string, files: Record<string, string>): Readable {
  const pack = tar.pack();
  pack.entry({ name: `${root}/`, type: 'directory' });
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) pack.entry({ name: `${root}/${name}`, type: 'directory' });
    else pack.entry({ name: `${root}/${name}` }, content);
  }
  pack.finalize();
  return pack as unknown as Readable;
}

describe('rerootName', () => {
  it.each([
    ['model/', ''],
    ['model', ''],
    ['model/a.bin', 'a.bin'],
    ['model/sub/', 'sub/'],
    ['model/sub/b.txt', 'sub/b.txt'],
    ['./model/x', 'x'],
    ['/model/x', 'x'],
  ])('%s → %s', (name, expected) => expect(rerootName(name)).toBe(expected));
});

describe('packDirectoryToTarGz', () => {
  it('puts the folder content at the archive root, with folders, files and symlinks', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'model', 'nested'), { recursive: true });
    await writeFile(join(dir, 'model', 'weights.bin'), Buffer.alloc(70_000, 7));
    await writeFile(join(dir, 'model', 'nested', 'config.json'), '{"layers":3}');
    await symlink('weights.bin', join(dir, 'model', 'latest'));
    const file = join(dir, 'model.tar.gz');
    await packDirectoryToTarGz(join(dir, 'model'), createWriteStream(file));
    const entries = await readTarGzFile(file);
    expect(entries.map((e) => [e.name, e.type])).toEqual([
      ['latest', 'symlink'],
      ['nested/', 'directory'],
      ['nested/config.json', 'file'],
      ['weights.bin', 'file'],
    ]);
    expect(entries[0]?.linkname).toBe('weights.bin');
    expect(entries[2]?.content).toBe('{"layers":3}');
    expect(entries[3]?.content?.length).toBe(70_000);
  });

  it('writes a valid empty archive for an empty folder', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'empty.tar.gz');
    await mkdir(join(dir, 'empty'));
    await packDirectoryToTarGz(join(dir, 'empty'), createWriteStream(file));
    expect(await readTarGzFile(file)).toEqual([]);
  });

  it('rejects for a missing folder', async () => {
    const dir = await makeTempDir();
    await expect(packDirectoryToTarGz(join(dir, 'missing'), new PassThrough().resume())).rejects.toThrow(/ENOENT/);
  });
});

describe('appendRerootedArchive', () => {
  it('merges several archives, re-rooted, the first source of a name winning', async () => {
    const out = new PassThrough();
    const reading = readTar(out, true);
    await writeTarGz(out, async (pack) => {
      const seen = new Set<string>();
      await appendRerootedArchive(
        pack,
        dockerArchive('model', { 'b.txt': 'from 2', 'shared/': '', 'shared/c': '2' }),
        seen,
      );
      await appendRerootedArchive(
        pack,
        dockerArchive('model', { 'a.txt': 'from 1', 'b.txt': 'from 1', 'shared/': '' }),
        seen,
      );
    });
    const entries = await reading;
    expect(entries.map((e) => [e.name, e.content ?? e.type])).toEqual([
      ['b.txt', 'from 2'],
      ['shared/', 'directory'],
      ['shared/c', '2'],
      ['a.txt', 'from 1'],
    ]);
  });
});

describe('readFirstFileText', () => {
  it('reads the first file, capped', async () => {
    expect(await readFirstFileText(dockerArchive('output', { failure: 'x'.repeat(100) }), 10)).toBe('x'.repeat(10));
  });
  it('returns undefined without a file', async () => {
    expect(await readFirstFileText(dockerArchive('output', {}), 10)).toBeUndefined();
  });
});
