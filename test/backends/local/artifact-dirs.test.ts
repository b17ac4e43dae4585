// Which artifact folders a non-root process could not pack or delete (so a helper container must give them back).
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { artifactDirsOf, firstBlockedPath, makeArtifactDirs } from '../../../src/backends/local/artifact-dirs.js';
import { makeTempDir, removeTempDirs } from '../../helpers/docker.js';

afterAll(removeTempDirs);

const RUNNER = { uid: 1001, gid: 1001 };
const isRoot = process.getuid?.() === 0;

/** A host's folders as the runner's user made them, with what a root container (this root process) wrote. */
async function hostFolders(): Promise<{ root: string; model: string; outputData: string }> {
  const work = await makeTempDir('smt-artifact-dirs-');
  const dirs = artifactDirsOf(work, 'algo-1');
  await makeArtifactDirs(dirs);
  const root = join(work, 'artifacts');
  for (const path of [root, join(root, 'algo-1'), dirs.model, dirs.output, dirs.outputData])
    await chown(path, RUNNER.uid, RUNNER.gid);
  return { root, model: dirs.model, outputData: dirs.outputData };
}

describe('artifactDirsOf', () => {
  it('puts every host under one folder of the work folder', () => {
    expect(artifactDirsOf('/tmp/w', 'algo-2')).toEqual({
      model: '/tmp/w/artifacts/algo-2/model',
      output: '/tmp/w/artifacts/algo-2/output',
      outputData: '/tmp/w/artifacts/algo-2/output-data',
    });
  });
});

describe('makeArtifactDirs', () => {
  it('makes the three folders 0755 whatever the umask, as an anonymous volume has them', async () => {
    const work = await makeTempDir('smt-artifact-dirs-');
    const dirs = artifactDirsOf(work, 'algo-1');
    const before = process.umask(0o077);
    try {
      await makeArtifactDirs(dirs);
    } finally {
      process.umask(before);
    }
    const { stat } = await import('node:fs/promises');
    for (const dir of [dirs.model, dirs.output, dirs.outputData]) expect((await stat(dir)).mode & 0o777).toBe(0o755);
  });
});

describe.runIf(isRoot)('firstBlockedPath', () => {
  it('finds nothing for root, who can read and delete anything', async () => {
    const { root, model } = await hostFolders();
    await mkdir(join(model, 'sub'));
    await writeFile(join(model, 'sub', 'a.bin'), 'a');
    expect(await firstBlockedPath(root, { uid: 0, gid: 0 })).toBeUndefined();
  });

  it('lets pass files of another owner that the user may read, in the folders it owns', async () => {
    const { root, model, outputData } = await hostFolders();
    await writeFile(join(model, 'model.txt'), 'weights', { mode: 0o644 });
    await writeFile(join(outputData, 'report.json'), '{}', { mode: 0o644 });
    expect(await firstBlockedPath(root, RUNNER)).toBeUndefined();
  });

  it('lets pass an empty folder of another owner (its parent is the user’s: it can be removed)', async () => {
    const { root, model } = await hostFolders();
    await mkdir(join(model, 'empty'));
    expect(await firstBlockedPath(root, RUNNER)).toBeUndefined();
  });

  it('stops at a folder of another owner that holds anything: its entries cannot be unlinked', async () => {
    const { root, model } = await hostFolders();
    await mkdir(join(model, 'sub'));
    await writeFile(join(model, 'sub', 'deep.txt'), 'deep');
    expect(await firstBlockedPath(root, RUNNER)).toBe(join(model, 'sub'));
  });

  it('does not follow a link out of the folders', async () => {
    const { root, model } = await hostFolders();
    const { symlink } = await import('node:fs/promises');
    await symlink('/etc', join(model, 'etc'));
    expect(await firstBlockedPath(root, RUNNER)).toBeUndefined();
  });
});
