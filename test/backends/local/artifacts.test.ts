import { createWriteStream } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { afterAll, describe, expect, it } from 'vitest';

import { packDirectoriesToTarGz, packDirectoryToTarGz } from '../../../src/backends/local/artifacts.js';
import { makeTempDir, readTar, readTarGzFile, removeTempDirs, writeFiles } from '../../helpers/docker.js';

afterAll(removeTempDirs);

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

describe('packDirectoriesToTarGz', () => {
  it('merges several folders into one archive, the first folder to hold a name winning', async () => {
    const dir = await makeTempDir();
    // Hosts in the order they are packed: algo-2 first, so it wins a clash (as the last host does in local mode).
    await writeFiles(join(dir, 'algo-2'), { 'b.txt': 'from 2', 'shared/c': '2' });
    await writeFiles(join(dir, 'algo-1'), { 'a.txt': 'from 1', 'b.txt': 'from 1', 'shared/c': '1', 'shared/d': '1' });
    const out = new PassThrough();
    const reading = readTar(out, true);
    await packDirectoriesToTarGz([join(dir, 'algo-2'), join(dir, 'algo-1')], out);
    const entries = await reading;
    expect(entries.map((e) => [e.name, e.content ?? e.type])).toEqual([
      ['b.txt', 'from 2'],
      ['shared/', 'directory'],
      ['shared/c', '2'],
      ['a.txt', 'from 1'],
      ['shared/d', '1'],
    ]);
  });

  it('writes a valid empty archive when every folder is empty', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    const file = join(dir, 'empty.tar.gz');
    await packDirectoriesToTarGz([join(dir, 'a'), join(dir, 'b')], createWriteStream(file));
    expect(await readTarGzFile(file)).toEqual([]);
  });
});
