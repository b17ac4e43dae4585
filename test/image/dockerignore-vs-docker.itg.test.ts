// .dockerignore semantics checked against Docker itself: for each case, what `docker build` (the CLI) copies into
// the image with `COPY . /ctx` must be exactly what our context tar holds (and so what the content hash covers).
import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContextTar } from '../../src/image/context-tar.js';
import { BASE_IMAGE, makeTempDir, readTar, removeTempDirs, writeFiles } from '../helpers/docker.js';

const exec = promisify(execFile);
const DOCKERFILE = `FROM ${BASE_IMAGE}\nCOPY . /ctx\nRUN echo BEGIN && cd /ctx && find . -mindepth 1 ! -type d | sort && echo END\n`;
const TREE: Record<string, string> = {
  'secret.txt': 's',
  'a.txt': 'a',
  'ab.txt': 'ab',
  'app.log': 'l',
  'sub/app.log': 'l',
  'sub/deep/x.log': 'l',
  'sub/build/out.bin': 'b',
  'data/keep.csv': 'k',
  'data/drop.csv': 'd',
  'src/app.py': 'p',
  'src/lib/util.py': 'u',
  'src/lib/readme.md': 'r',
  'docs/a.md': 'a',
  'docs/x/y.md': 'y',
  'logs/run.txt': 'r',
  'build/out.bin': 'b',
  '.git/HEAD': 'ref: refs/heads/main',
};

const CASES: [string, string][] = [
  ['no .dockerignore patterns', ''],
  ['a file at the root', 'secret.txt'],
  ['a root-only glob', '*.log'],
  ['** across folders', '**/*.log'],
  ['a folder, then a file re-included', 'data\n!data/keep.csv'],
  ['a folder glob with an exception', 'data/*\n!data/keep.csv'],
  ['everything but one folder', '*\n!src'],
  ['everything but one deep file', '*\n!src/lib/util.py'],
  ['** inside a path', 'docs/**/*.md'],
  ['comments, blanks and spaces', '# a comment\n\n   logs   \n'],
  ['a leading slash', '/build'],
  ['folder contents with a ** exception', 'src/**\n!src/**/*.py'],
  ['a dot folder', '.git'],
  ['single-character wildcard', '?.txt'],
  ['an exception undone by a later pattern', '*.txt\n!a.txt\na.txt'],
];

let root: string;
beforeAll(async () => {
  root = await makeTempDir('smt-dockerignore-');
});
afterAll(removeTempDirs);

async function caseContext(index: number, ignore: string): Promise<string> {
  const dir = join(root, `case-${index}`);
  await writeFiles(dir, { ...TREE, Dockerfile: DOCKERFILE, '.dockerignore': `${ignore}\n` });
  await symlink('src/app.py', join(dir, 'link.py'));
  await mkdir(join(dir, 'empty'));
  return dir;
}

/** What Docker copied: the non-folder paths under /ctx, without .dockerignore and the Dockerfile. */
async function dockerSees(dir: string): Promise<string[]> {
  const { stdout } = await exec('docker', ['build', '--no-cache', '--rm', '--force-rm', dir], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    maxBuffer: 16 << 20,
  });
  const lines = stdout.split('\n').map((l) => l.trim());
  const id = /Successfully built ([0-9a-f]+)/.exec(stdout)?.[1];
  if (id) await exec('docker', ['rmi', id]).catch(() => undefined);
  return lines
    .slice(lines.indexOf('BEGIN') + 1, lines.indexOf('END'))
    .map((l) => l.replace(/^\.\//, ''))
    .filter((p) => p !== '.dockerignore' && p !== 'Dockerfile');
}

async function weSend(dir: string): Promise<string[]> {
  const { stream } = await createContextTar({ context: dir, dockerfile: 'Dockerfile' });
  return (await readTar(stream, false))
    .filter((e) => e.type !== 'directory' && e.name !== '.dockerignore' && e.name !== 'Dockerfile')
    .map((e) => e.name)
    .sort();
}

describe('.dockerignore: our context against the docker CLI', () => {
  it.each(CASES.map(([name, ignore], i) => [name, ignore, i] as const))('%s', async (_name, ignore, index) => {
    const dir = await caseContext(index, ignore);
    const [docker, ours] = await Promise.all([dockerSees(dir), weSend(dir)]);
    expect(ours).toEqual([...docker].sort());
  });
});

// Guard against a vacuous comparison: the fixture really is copied by Docker.
it('the fixture has files Docker copies', async () => {
  const dir = join(root, 'guard');
  await writeFiles(dir, { Dockerfile: DOCKERFILE, 'x.txt': 'x' });
  await writeFile(join(dir, '.dockerignore'), '');
  expect(await dockerSees(dir)).toEqual(['x.txt']);
});
