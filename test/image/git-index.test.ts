// Reading git's index directly must give every file the answer git itself gives (git ls-files -m, through
// cleanBlobIds), and must step aside (asking git) wherever it could not be sure. Real repositories, real git.
import { execFileSync } from 'node:child_process';
import type { BigIntStats } from 'node:fs';
import { appendFile, chmod, chown, lstat, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { hashBuildContext } from '../../src/image/content-hash.js';
import { byStatData, indexBlobIds, parseIndex, type IndexEntry } from '../../src/image/git-index.js';
import { cleanBlobIds, gitBlobIds, runGit, usableBlobId } from '../../src/image/git-ids.js';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/docker.js';

let home: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  // A home of the tests' own, for git and for the index reader alike; no GIT_ variable that moves the repository.
  home = await makeTempDir('smt-gitindex-home-');
  vi.stubEnv('HOME', home);
  vi.stubEnv('XDG_CONFIG_HOME', '');
  env = { PATH: process.env['PATH'], HOME: home };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await removeTempDirs();
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, HOME: home },
  });
}

const FILES = {
  Dockerfile: 'FROM x\nCOPY . /app\n',
  'app.py': 'print(1)\n',
  'same-size.py': 'print(2)\n',
  'longer.py': 'print(3)\n',
  'touched.py': 'print(4)\n',
  'exec.sh': 'echo 5\n',
  'assumed.py': 'print(6)\n',
  'skipped.py': 'print(7)\n',
  'data/a.csv': '1,2\n',
  'data/deep/b.csv': '3,4\n',
};

/** A committed repository whose context is `images/train`; returns the context. */
async function repo(files: Record<string, string> = FILES): Promise<{ root: string; dir: string }> {
  const root = await makeTempDir('smt-gitindex-');
  const dir = join(root, 'images', 'train');
  git(root, 'init', '-q');
  await writeFiles(dir, files);
  await writeFiles(root, { 'README.md': '# r\n' });
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'init');
  return { root, dir };
}

/** Every file under `dir`, relative, with `/`. */
function filesUnder(dir: string): string[] {
  return execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.git/*'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((p) => p.slice(2))
    .sort();
}

/** Each file's answer from the index read directly, and from git itself. */
async function answers(
  dir: string,
): Promise<{ direct: Record<string, string | null>; git: Record<string, string | null> }> {
  const viaIndex = await indexBlobIds(dir, env);
  if (!('blobIdOf' in viaIndex)) throw new Error(`the index was not read: ${viaIndex.why}`);
  const viaGit = await cleanBlobIds(dir);
  if (!viaGit) throw new Error('git gave no ids');
  const direct: Record<string, string | null> = {};
  const fromGit: Record<string, string | null> = {};
  for (const rel of filesUnder(dir)) {
    const full = join(dir, rel);
    const { size } = await lstat(full);
    direct[rel] = (await viaIndex.blobIdOf(rel, full, size)) ?? null;
    fromGit[rel] = usableBlobId(viaGit.get(rel), size) ?? null;
  }
  return { direct, git: fromGit };
}

const blobId = (dir: string, rel: string) => git(dir, 'hash-object', rel).trim();

describe('indexBlobIds, against git itself', () => {
  it('vouches for exactly the files git says are clean, in every state a file can be in', async () => {
    const { root, dir } = await repo();
    await writeFile(join(dir, 'same-size.py'), 'print(9)\n');
    await appendFile(join(dir, 'longer.py'), '# more\n');
    await writeFile(join(dir, 'touched.py'), 'print(4)\n'); // same bytes, new stat data
    await chmod(join(dir, 'exec.sh'), 0o755);
    await writeFiles(dir, { 'untracked.py': 'x\n', 'staged.py': 'staged\n', 'staged-then-changed.py': 'a\n' });
    git(dir, 'add', 'staged.py', 'staged-then-changed.py');
    await writeFile(join(dir, 'staged-then-changed.py'), 'b\n');
    git(dir, 'update-index', '--assume-unchanged', 'assumed.py');
    git(dir, 'update-index', '--skip-worktree', 'skipped.py'); // an extended flag: the index is now version 3
    await writeFiles(dir, { 'intent.py': 'later\n' });
    git(dir, 'add', '-N', 'intent.py');
    await rm(join(dir, 'data', 'a.csv'));

    const { direct, git: fromGit } = await answers(dir);
    expect(direct).toEqual(fromGit);
    expect(
      Object.entries(direct)
        .filter(([, id]) => id !== null)
        .map(([rel]) => rel),
    ).toEqual(['Dockerfile', 'app.py', 'data/deep/b.csv', 'staged.py', 'touched.py']);
    expect(direct['app.py']).toBe(blobId(dir, 'app.py'));
    expect((await readFile(join(root, '.git', 'index'))).readUInt32BE(4)).toBe(3);
  });

  it('agrees with git under core.filemode false, with index version 4, and for a context at the top', async () => {
    const { root, dir } = await repo();
    git(root, 'config', 'core.filemode', 'false');
    git(root, 'update-index', '--index-version', '4');
    await chmod(join(dir, 'exec.sh'), 0o755);
    await writeFile(join(dir, 'same-size.py'), 'print(9)\n');
    const { direct, git: fromGit } = await answers(dir);
    expect(direct).toEqual(fromGit);
    expect(direct['exec.sh']).toBe(blobId(dir, 'exec.sh'));
    expect(direct['same-size.py']).toBeNull();
    expect((await readFile(join(root, '.git', 'index'))).readUInt32BE(4)).toBe(4);
    const top = await answers(root);
    expect(top.direct).toEqual(top.git);
    expect(top.direct['README.md']).toBe(blobId(root, 'README.md'));
  });

  it('reads a racy entry by its bytes: clean when they match, modified when they do not', async () => {
    const { root, dir } = await repo();
    // The index file's time set before the files': every entry may have changed since git looked at it.
    await utimes(join(root, '.git', 'index'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    await writeFile(join(dir, 'same-size.py'), 'print(9)\n');
    const racy = await answers(dir);
    expect(racy.direct).toEqual(racy.git);
    expect(racy.direct['app.py']).toBe(blobId(dir, 'app.py'));
    expect(racy.direct['same-size.py']).toBeNull();
  });

  it('gives the build context the same tag as asking git does, in one run after another', async () => {
    const { dir } = await repo();
    await writeFile(join(dir, 'same-size.py'), 'print(9)\n');
    await writeFile(join(dir, 'touched.py'), 'print(4)\n');
    const spec = { context: dir, dockerfile: 'Dockerfile', buildArgs: {}, platform: 'linux/amd64' };
    const debug: string[] = [];
    const direct = await hashBuildContext(spec, { debug: (m) => debug.push(m) });
    const asked = await hashBuildContext(spec, { git: runGit });
    expect(direct.digest).toBe(asked.digest);
    expect(direct.gitFiles).toBe(asked.gitFiles);
    expect(direct.readBytes).toBe(asked.readBytes);
    expect(debug.filter((m) => m.includes('git is asked'))).toEqual([]);
  });
});

describe('indexBlobIds steps aside where it could not be sure', () => {
  const why = async (dir: string, vars: NodeJS.ProcessEnv = env) => {
    const answer = await indexBlobIds(dir, vars);
    return 'why' in answer ? answer.why : 'read';
  };

  it('for an attributes file git would read, in the work tree, only in the index, or in .git/info', async () => {
    const top = await repo();
    await writeFile(join(top.root, '.gitattributes'), '*.py text eol=crlf\n');
    expect(await why(top.dir)).toMatch(/\/\.gitattributes exists$/);

    const inIndex = await repo({ ...FILES, 'data/.gitattributes': '*.csv -text\n' });
    await rm(join(inIndex.dir, 'data', '.gitattributes'));
    expect(await why(inIndex.dir)).toMatch(/images\/train\/data\/\.gitattributes exists$/);

    const info = await repo();
    await writeFile(join(info.root, '.git', 'info', 'attributes'), '* -text\n');
    expect(await why(info.dir)).toMatch(/\.git\/info\/attributes exists$/);

    const elsewhere = await repo();
    await writeFiles(elsewhere.root, { 'docs/.gitattributes': '*.md text\n' }); // applies to no file of the context
    expect(await why(elsewhere.dir)).toBe('read');
  });

  it('for settings that convert bytes or move the work tree, in any configuration file or what it includes', async () => {
    const local = await repo();
    git(local.root, 'config', 'core.autocrlf', 'input');
    expect(await why(local.dir)).toMatch(/^core\.autocrlf is set in .*\.git\/config$/);
    git(local.root, 'config', 'core.autocrlf', 'false');
    expect(await why(local.dir)).toBe('read');

    const included = await repo();
    await writeFile(join(home, 'extra.config'), '[core]\n\teol = crlf\n');
    await writeFile(join(home, '.gitconfig'), '[includeIf "gitdir:/nowhere/"]\n\tpath = ~/extra.config\n');
    try {
      expect(await why(included.dir)).toBe(`core.eol is set in ${join(home, 'extra.config')}`);
    } finally {
      await rm(join(home, '.gitconfig'));
    }

    const unreadable = await repo();
    await appendFile(join(unreadable.root, '.git', 'config'), '[core\n');
    expect(await why(unreadable.dir)).toMatch(/config:\d+: /);
  });

  it('for variables that move the repository, a linked work tree, a split index, another owner, or no repository', async () => {
    const { root, dir } = await repo();
    expect(await why(dir, { ...env, GIT_INDEX_FILE: '/elsewhere' })).toBe('GIT_INDEX_FILE is set');
    expect(await why(dir, { ...env, GIT_SSL_CAINFO: '/etc/ssl/certs/ca.crt' })).toBe('read');

    const linked = join(await makeTempDir('smt-gitindex-wt-'), 'wt');
    git(root, 'worktree', 'add', '-q', linked);
    expect(await why(join(linked, 'images', 'train'))).toBe('no .git folder found as git would find it');

    git(root, 'update-index', '--split-index');
    expect(await why(dir)).toBe('the index has the link extension');
    const split = await gitBlobIds(dir, { env });
    expect(await split?.('app.py', join(dir, 'app.py'), 9)).toBe(blobId(dir, 'app.py')); // git was asked instead

    expect(await why(await makeTempDir('smt-gitindex-none-'))).toBe('no .git folder found as git would find it');

    if (process.getuid?.() === 0) {
      const other = await repo();
      await chown(other.root, 4321, 4321);
      expect(await why(other.dir)).toBe('the repository is owned by another user');
    }
  });
});

describe('byStatData', () => {
  const entry: IndexEntry = {
    path: 'f',
    ctimeSec: 100,
    ctimeNsec: 5,
    mtimeSec: 100,
    mtimeNsec: 5,
    ino: 7,
    mode: 0o100644,
    uid: 1,
    gid: 2,
    size: 10,
    id: 'aa',
    stage: 0,
    assumeValid: false,
    skipWorktree: false,
    intentToAdd: false,
  };
  type StatData = 'mtimeNs' | 'ctimeNs' | 'ino' | 'uid' | 'gid' | 'size' | 'mode';
  const stat = (over: Partial<Record<StatData, bigint>> = {}): BigIntStats =>
    ({
      isFile: () => true,
      mtimeNs: 100_000_000_005n,
      ctimeNs: 100_000_000_005n,
      ino: 7n,
      uid: 1n,
      gid: 2n,
      size: 10n,
      mode: 0o100644n,
      ...over,
    }) as unknown as BigIntStats;
  const opts = { indexTime: 200_000_000_000n, fileMode: true };

  it.each([
    ['the same stat data, older than the index', entry, stat(), opts, 'clean'],
    ['the same stat data, as new as the index (racy)', entry, stat(), { ...opts, indexTime: 100_000_000_005n }, 'read'],
    ['another nanosecond', entry, stat({ mtimeNs: 100_000_000_006n }), opts, 'read'],
    ['another ctime', entry, stat({ ctimeNs: 150_000_000_000n }), opts, 'read'],
    ['another inode', entry, stat({ ino: 8n }), opts, 'read'],
    ['another size', entry, stat({ size: 11n }), opts, 'modified'],
    ['another size, the entry zeroed as racily clean', { ...entry, size: 0 }, stat({ size: 11n }), opts, 'read'],
    ['the executable bit set', entry, stat({ mode: 0o100755n }), opts, 'modified'],
    [
      'the executable bit set, core.filemode false',
      entry,
      stat({ mode: 0o100755n }),
      { ...opts, fileMode: false },
      'clean',
    ],
    ['a size past 4 GiB, equal in its low 32 bits', entry, stat({ size: 2n ** 32n + 10n }), opts, 'clean'],
  ] as const)('%s', (_name, e, st, o, expected) => {
    expect(byStatData(e, st, o)).toBe(expected);
  });
});

describe('parseIndex', () => {
  it.each([
    ['not an index', Buffer.from('nope'), /not an index file/],
    [
      'version 5',
      Buffer.concat([Buffer.from('DIRC'), Buffer.from([0, 0, 0, 5, 0, 0, 0, 0]), Buffer.alloc(20)]),
      /version 5/,
    ],
    [
      'entries past the end',
      Buffer.concat([Buffer.from('DIRC'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 1]), Buffer.alloc(20)]),
      /past the end/,
    ],
  ])('refuses %s', (_name, buf, message) => {
    expect(() => parseIndex(buf)).toThrow(message);
  });

  it('reads what git writes: paths in order, modes, stages and ids', async () => {
    const { root, dir } = await repo();
    await mkdir(join(dir, 'empty'));
    const entries = parseIndex(await readFile(join(root, '.git', 'index')));
    const listed = git(root, 'ls-files', '-s').trim().split('\n');
    expect(entries.map((e) => `${e.mode.toString(8)} ${e.id} ${e.stage}\t${e.path}`)).toEqual(listed);
  });
});
