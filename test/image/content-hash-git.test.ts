import { execFileSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { hashBuildContext } from '../../src/image/content-hash.js';
import { cleanBlobIds, conversionOf, LS_FILES, runGit, usableBlobId, type GitRunner } from '../../src/image/git-ids.js';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/docker.js';

afterAll(removeTempDirs);
beforeAll(async () => {
  // The machine's own git configuration (core.autocrlf, say) stays out of these tests.
  const empty = join(await makeTempDir('smt-gitcfg-'), 'config');
  await writeFile(empty, '');
  vi.stubEnv('GIT_CONFIG_GLOBAL', empty);
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
});
afterAll(() => vi.unstubAllEnvs());

const FILES = {
  Dockerfile: 'FROM x\nCOPY . /app\n',
  '.dockerignore': 'ignored\n*.log\n',
  'app.py': 'print(1)\n',
  'data/a.csv': '1,2\n',
};
const TRACKED_BYTES = Object.values(FILES).reduce((n, text) => n + Buffer.byteLength(text), 0);

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** A committed repository holding the context in `sub` (at the top, Docker would send .git too). */
async function repo(files: Record<string, string> = {}, opts: { sub?: string; before?: string[][] } = {}) {
  const root = await makeTempDir('smt-githash-');
  const dir = join(root, opts.sub ?? 'image');
  git(root, 'init', '-q');
  for (const args of opts.before ?? []) git(root, ...args);
  await writeFiles(dir, { ...FILES, ...files });
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'init');
  return dir;
}

const spec = (dir: string) => ({ context: dir, dockerfile: 'Dockerfile', buildArgs: {}, platform: 'linux/amd64' });
const hash = (dir: string, opts: Parameters<typeof hashBuildContext>[1] = {}) => hashBuildContext(spec(dir), opts);

describe('hashBuildContext in a git work tree', () => {
  it('fingerprints clean tracked files by blob id without reading them, with a stable tag', async () => {
    const dir = await repo({}, { sub: 'images/train' });
    const first = await hash(dir);
    expect(first).toMatchObject({ files: 4, bytes: TRACKED_BYTES, readBytes: 0, gitFiles: 4 });
    expect(first.tag).toMatch(/^ctx-[0-9a-f]{16}$/);
    await writeFile(join(dir, 'app.py'), 'print(1)\n'); // same bytes, new mtime: git's own check says clean
    expect((await hash(dir)).digest).toBe(first.digest);
    expect((await hash(dir, { concurrency: 1 })).digest).toBe(first.digest);
  });

  it('changes the tag when a tracked file changes, committed or not (even same size, same second)', async () => {
    const dir = await repo();
    const before = await hash(dir);
    await writeFile(join(dir, 'data/a.csv'), '1,3\n');
    const dirty = await hash(dir);
    expect(dirty.digest).not.toBe(before.digest);
    expect(dirty.readBytes).toBe(4); // the modified file, by content
    git(dir, 'commit', '-q', '-am', 'change');
    const committed = await hash(dir);
    expect(committed).toMatchObject({ readBytes: 0, gitFiles: 4 });
    expect(committed.digest).not.toBe(before.digest);
  });

  it('hashes by content a file staged, then modified again in the work tree', async () => {
    const dir = await repo();
    await writeFile(join(dir, 'app.py'), 'print(2)\n');
    git(dir, 'add', 'app.py');
    const staged = await hash(dir);
    expect(staged).toMatchObject({ readBytes: 0, gitFiles: 4 });
    await writeFile(join(dir, 'app.py'), 'print(3)\n');
    const modified = await hash(dir);
    expect(modified.readBytes).toBe(9);
    expect(modified.digest).not.toBe(staged.digest);
  });

  it('hashes untracked and git-ignored files by content; .dockerignore-d files change nothing', async () => {
    const dir = await repo({ '.gitignore': 'secret.bin\n' });
    const before = await hash(dir);
    await writeFiles(dir, { 'new.txt': 'abc', 'secret.bin': 'hidden!', 'ignored/x': 'no', 'run.log': 'no' });
    const after = await hash(dir);
    expect(after).toMatchObject({ readBytes: 3 + 7, gitFiles: 5 });
    expect(after.digest).not.toBe(before.digest);
    expect((await hash(dir)).digest).toBe(after.digest);
    await writeFile(join(dir, 'secret.bin'), 'HIDDEN!');
    expect((await hash(dir)).digest).not.toBe(after.digest);
    await writeFiles(dir, { 'ignored/x': 'other', 'run.log': 'other' });
    git(dir, 'add', '-f', 'ignored/x');
    const again = await hash(dir);
    await writeFiles(dir, { 'ignored/x': 'changed', 'run.log': 'changed' });
    expect((await hash(dir)).digest).toBe(again.digest);
  });

  it.each<[string, Record<string, string>, string[][]]>([
    ['eol=crlf', { '.gitattributes': '*.py eol=crlf\n' }, []],
    ['text with core.autocrlf=true', { '.gitattributes': '*.py text\n' }, [['config', 'core.autocrlf', 'true']]],
    ['core.autocrlf=true alone', {}, [['config', 'core.autocrlf', 'true']]],
    ['core.autocrlf=input', {}, [['config', 'core.autocrlf', 'input']]],
    ['text=auto', { '.gitattributes': '* text=auto\n' }, []],
  ])(
    'with %s, hashes by content a file whose bytes are not the blob, and sees a conversion of its line ends',
    async (_what, files, before) => {
      const dir = await repo({ ...files, 'app.py': 'print(1)\r\n' }, { before });
      const first = await hash(dir);
      expect(first.readBytes).toBe(10); // app.py: CRLF on disk, LF in the blob
      expect((await hash(dir)).digest).toBe(first.digest);
      await writeFile(join(dir, 'app.py'), 'print(1)\n');
      git(dir, 'add', 'app.py');
      expect(git(dir, 'status', '--porcelain')).toBe(''); // the same blob as before, and clean
      const lf = await hash(dir);
      expect(lf.readBytes).toBe(0);
      expect(lf.digest).not.toBe(first.digest);
    },
  );

  it.each<[string, string]>([
    ['ident', '*.py ident\n'],
    ['a filter', '*.py filter=custom\n'],
    ['working-tree-encoding', '*.py working-tree-encoding=ISO-8859-1\n'],
  ])('hashes by content a file with %s', async (_what, attributes) => {
    const dir = await repo({ '.gitattributes': attributes });
    const digest = await hash(dir);
    expect(digest.readBytes).toBe(9); // app.py
    expect(digest.gitFiles).toBe(4);
  });

  it('gives the same folder inside and outside git a tag each, both stable (they differ: blob ids vs bytes)', async () => {
    const dir = await repo();
    const outside = await makeTempDir('smt-plain-');
    await cp(dir, outside, { recursive: true, filter: (src) => !src.endsWith('.git') });
    const debug = vi.fn<(message: string) => void>();
    const plain = await hash(outside, { debug });
    expect(plain).toMatchObject({ readBytes: TRACKED_BYTES, gitFiles: 0 });
    expect(debug).toHaveBeenCalledWith(expect.stringMatching(/no git ids .*hashed by content/));
    expect((await hash(outside)).digest).toBe(plain.digest);
    expect((await hash(outside, { git: false })).digest).toBe(plain.digest);
    const inGit = await hash(dir);
    expect((await hash(dir)).digest).toBe(inGit.digest);
    expect(inGit.digest).not.toBe(plain.digest);
    expect((await hash(dir, { git: false })).digest).toBe(plain.digest);
  });

  it('falls back to hashing everything when git fails', async () => {
    const dir = await repo();
    const missing: GitRunner = () => Promise.reject(new Error('spawn git ENOENT'));
    const debug = vi.fn<(message: string) => void>();
    const digest = await hash(dir, { git: missing, debug });
    expect(digest).toMatchObject({ readBytes: TRACKED_BYTES, gitFiles: 0 });
    expect(digest.digest).toBe((await hash(dir, { git: false })).digest);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('spawn git ENOENT'));
  });
});

describe('cleanBlobIds', () => {
  const id = (n: number): string => String(n).repeat(40);
  it('keeps only clean stage-0 regular files that git checks', async () => {
    const staged = [
      `H 100644 ${id(1)} 0\tkeep.txt`,
      `H 100755 ${id(2)} 0\tdir/run.sh`,
      `H 100644 ${id(3)} 0\tmodified.txt`,
      `M 100644 ${id(4)} 1\tconflict.txt`,
      `M 100644 ${id(5)} 2\tconflict.txt`,
      `h 100644 ${id(6)} 0\tassumed.txt`,
      `S 100644 ${id(7)} 0\tsparse.txt`,
      `H 120000 ${id(8)} 0\tlink`,
      `H 160000 ${id(9)} 0\tsubmodule`,
      `H 100644 ${id(10)} 0\tdeleted.txt`,
      // git's dirty check, in the same listing: modified, deleted.
      `C 100644 ${id(3)} 0\tmodified.txt`,
      `R 100644 ${id(10)} 0\tdeleted.txt`,
    ];
    const git: GitRunner = async (args, opts) => {
      if (args.join(' ') === LS_FILES.join(' ')) return `${staged.join('\0')}\0`;
      if (args[0] === 'check-attr') {
        const paths = ((await opts.input) ?? '').split('\0').filter(Boolean);
        return paths.map((p) => `${p}\0text\0unspecified\0`).join('');
      }
      throw new Error('exit 1');
    };
    const ids = await cleanBlobIds('/ctx', { git });
    expect(Object.fromEntries(ids ?? [])).toEqual({ 'keep.txt': { id: id(1) }, 'dir/run.sh': { id: id(2) } });
  });
});

describe('runGit', () => {
  it('gives git its input once a promised input resolves', async () => {
    let give = (_: string): void => undefined;
    const input = new Promise<string>((resolve) => (give = resolve));
    const id = runGit(['hash-object', '--stdin'], { cwd: process.cwd(), input });
    setTimeout(() => give('hello\n'), 50);
    expect((await id).trim()).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // git's id of the blob "hello\n"
  });

  it('gives git an empty stdin when there is no input, and names the command and its status when it fails', async () => {
    const empty = await runGit(['hash-object', '--stdin'], { cwd: process.cwd() });
    expect(empty.trim()).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'); // the empty blob: nothing inherited
    await expect(runGit(['config', '--get', 'smt.unset'], { cwd: process.cwd() })).rejects.toThrow(
      'git config: exit status 1',
    );
  });

  it('stops git, and fails, when its input cannot be had', async () => {
    const input = Promise.reject(new Error('ls-files failed'));
    await expect(runGit(['hash-object', '--stdin'], { cwd: process.cwd(), input })).rejects.toThrow(/git hash-object/);
  });
});

describe('conversionOf and usableBlobId', () => {
  it.each<[Record<string, string>, string, string]>([
    [{}, 'false', 'none'],
    [{ text: 'unset' }, 'true', 'none'],
    [{}, 'true', 'eol'],
    [{}, 'input', 'eol'],
    [{ text: 'auto' }, 'false', 'eol'],
    [{ eol: 'lf' }, 'false', 'eol'],
    [{ filter: 'lfs', text: 'unset' }, 'true', 'lfs'],
    [{ filter: 'crypt' }, 'false', 'unsafe'],
    [{ ident: 'set' }, 'false', 'unsafe'],
    [{ 'working-tree-encoding': 'UTF-16' }, 'false', 'unsafe'],
  ])('%j with core.autocrlf=%s: %s', (attrs, autocrlf, expected) => {
    expect(conversionOf(new Map(Object.entries(attrs)), autocrlf)).toBe(expected);
  });

  it('uses an id with a size condition only when the size says the bytes are the blob', () => {
    expect(usableBlobId({ id: 'a' }, 5)).toBe('a');
    expect(usableBlobId({ id: 'a', sizeCheck: { blob: 5, equal: true } }, 5)).toBe('a');
    expect(usableBlobId({ id: 'a', sizeCheck: { blob: 5, equal: true } }, 6)).toBeUndefined();
    expect(usableBlobId({ id: 'a', sizeCheck: { blob: 130, equal: false } }, 1 << 20)).toBe('a'); // LFS content
    expect(usableBlobId({ id: 'a', sizeCheck: { blob: 130, equal: false } }, 130)).toBeUndefined(); // the pointer?
    expect(usableBlobId(undefined, 5)).toBeUndefined();
  });
});
