import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { hashBuildContext } from '../../../src/image/content-hash.js';
import { resolveContext } from '../../../src/image/build-context.js';
import { parseDockerfile } from '../../../src/image/dockerfile/parse.js';
import { buildStages } from '../../../src/image/dockerfile/stages.js';
import { copyContext } from '../../../src/image/steps/copy-context.js';
import { stepKeys } from '../../../src/image/steps/keys.js';
import { globMatch, matchSource } from '../../../src/image/steps/sources.js';
import { symlink } from 'node:fs/promises';

import { makeTempDir, removeTempDirs, writeFiles } from '../../helpers/docker.js';

afterAll(removeTempDirs);

describe('globMatch (Go filepath.Match)', () => {
  it.each([
    ['*.py', 'a.py', true],
    ['*.py', 'src/a.py', false],
    ['src/*.py', 'src/a.py', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'bx', false],
    ['\\*x', '*x', true],
    ['*', 'dir', true],
  ])('%s on %s: %s', (pattern, name, expected) => {
    expect(globMatch(pattern, name)).toBe(expected);
  });
});

async function keysOf(dir: string, dockerfile: string, buildArgs: Record<string, string> = {}): Promise<string[]> {
  await writeFiles(dir, { Dockerfile: dockerfile });
  const resolved = await resolveContext({ context: dir, dockerfile: join(dir, 'Dockerfile') });
  const context = await copyContext(resolved, { wholeDigest: 'sha256:whole', git: false });
  const stages = buildStages(parseDockerfile(dockerfile), { buildArgs });
  return stepKeys({ stages, platform: 'linux/amd64', context });
}

describe('stepKeys', () => {
  const dockerfile = [
    'FROM base:1',
    'ARG V=1',
    'COPY requirements.txt /app/',
    'RUN pip install -r /app/requirements.txt',
    'COPY src/ /app/src/',
    'CMD ["python3"]',
  ].join('\n');

  it('changes from the first step whose own input changed, and only from there', async () => {
    const dir = await makeTempDir('smt-keys-');
    await writeFiles(dir, { 'requirements.txt': 'numpy\n', 'src/a.py': 'one\n', 'notes.md': 'x' });
    const before = await keysOf(dir, dockerfile);
    expect(before).toHaveLength(6);
    expect(new Set(before).size).toBe(6);

    // A file no step copies: nothing changes.
    await writeFiles(dir, { 'notes.md': 'y' });
    expect(await keysOf(dir, dockerfile)).toEqual(before);

    // The code: from the second COPY on.
    await writeFiles(dir, { 'src/a.py': 'two\n' });
    const code = await keysOf(dir, dockerfile);
    expect(code.slice(0, 4)).toEqual(before.slice(0, 4));
    expect(code[4]).not.toBe(before[4]);

    // A build arg: from the ARG on.
    const arg = await keysOf(dir, dockerfile, { V: '2' });
    expect(arg[0]).toBe(code[0]);
    expect(arg[1]).not.toBe(code[1]);

    // The requirements: the first COPY and everything after.
    await writeFiles(dir, { 'requirements.txt': 'torch\n' });
    const deps = await keysOf(dir, dockerfile);
    expect(deps[1]).toBe(code[1]);
    expect(deps[2]).not.toBe(code[2]);
  });

  it('follows .dockerignore, as the build does', async () => {
    const dir = await makeTempDir('smt-keys-');
    await writeFiles(dir, { 'src/a.py': 'one\n', 'src/cache.pyc': 'x', '.dockerignore': '**/*.pyc\n' });
    const file = 'FROM base\nCOPY . /app\n';
    const before = await keysOf(dir, file);
    await writeFiles(dir, { 'src/cache.pyc': 'y' });
    expect(await keysOf(dir, file)).toEqual(before);
    await writeFiles(dir, { '.dockerignore': '**/*.pyc\n!src/cache.pyc\n' });
    expect((await keysOf(dir, file))[1]).not.toBe(before[1]);
  });

  it('matches wildcard sources and refuses a source outside the context set', async () => {
    const dir = await makeTempDir('smt-src-');
    await writeFiles(dir, { 'a.py': '', 'b.py': '', 'c.txt': '', 'lib/x.py': '' });
    const resolved = await resolveContext({ context: dir, dockerfile: 'Dockerfile' }).catch(async () => {
      await writeFiles(dir, { Dockerfile: 'FROM x\n' });
      return resolveContext({ context: dir, dockerfile: 'Dockerfile' });
    });
    const context = await copyContext(resolved, { wholeDigest: '', git: false });
    expect(matchSource(context.entries, context.byPath, '*.py').map((m) => m.root)).toEqual(['a.py', 'b.py']);
    expect(matchSource(context.entries, context.byPath, '../lib').map((m) => m.entries.map((e) => e.rel))).toEqual([
      ['lib/x.py'],
    ]);
    expect(() => matchSource(context.entries, context.byPath, 'nope.txt')).toThrow(/not in the build context/);
  });

  it('reuses the content hash’s fingerprints: the same keys, without asking git or reading a file again', async () => {
    const dir = await makeTempDir('smt-known-');
    const dockerfile = 'FROM base\nCOPY req.txt /app/\nRUN x\nCOPY . /app/\n';
    await writeFiles(dir, { Dockerfile: dockerfile, 'req.txt': 'numpy\n', 'src/a.py': 'one\n' });
    const spec = { context: dir, dockerfile: join(dir, 'Dockerfile'), buildArgs: {}, platform: 'linux/amd64' };
    const content = await hashBuildContext(spec, { git: false });
    expect([...content.fingerprints.keys()].sort()).toEqual(['Dockerfile', 'req.txt', 'src/a.py']);
    const stages = buildStages(parseDockerfile(dockerfile), { buildArgs: {} });
    const resolved = await resolveContext(spec);
    const fresh = await copyContext(resolved, { wholeDigest: content.digest, git: false });
    const git = (): Promise<string> => Promise.reject(new Error('git was asked again'));
    const reused = await copyContext(resolved, { wholeDigest: content.digest, git, known: content.fingerprints });
    const entry = reused.byPath.get('src/a.py');
    if (!entry) throw new Error('src/a.py is not in the context');
    // A fingerprint the hash took is the one handed back: a file removed since would be read, and fail, otherwise.
    await writeFiles(dir, { 'src/a.py': 'changed after the hash\n' });
    expect(await reused.fingerprint(entry)).toBe(content.fingerprints.get('src/a.py'));
    await writeFiles(dir, { 'src/a.py': 'one\n' });
    expect(await stepKeys({ stages, platform: 'linux/amd64', context: reused })).toEqual(
      await stepKeys({ stages, platform: 'linux/amd64', context: fresh }),
    );
  });

  it('follows a source that is a link, inside the context: what is behind it is keyed and copied', async () => {
    const dir = await makeTempDir('smt-links-');
    await writeFiles(dir, { 'real/a.txt': 'one\n', 'real/sub/b.txt': 'b\n', Dockerfile: 'FROM x\n' });
    await symlink('real/a.txt', join(dir, 'file-link'));
    await symlink('/real', join(dir, 'dir-link'));
    await symlink('../../outside', join(dir, 'real/up'));
    await symlink('nowhere', join(dir, 'dangling'));
    const resolved = await resolveContext({ context: dir, dockerfile: join(dir, 'Dockerfile') });
    const context = await copyContext(resolved, { wholeDigest: '', git: false });
    const [fileMatch] = matchSource(context.entries, context.byPath, 'file-link');
    expect(fileMatch).toMatchObject({ root: 'file-link', resolved: 'real/a.txt', type: 'file' });
    expect(fileMatch?.entries.map((e) => e.rel)).toEqual(['real/a.txt']);
    const [dirMatch] = matchSource(context.entries, context.byPath, 'dir-link');
    expect(dirMatch).toMatchObject({ root: 'dir-link', resolved: 'real', type: 'directory' });
    expect(dirMatch?.entries.map((e) => e.rel)).toContain('real/sub/b.txt');
    // `..` stops at the context's root, as the builder's scope does: real/up leads to /outside, not in the context.
    expect(() => matchSource(context.entries, context.byPath, 'real/up')).toThrow(/outside, which is not in/);
    expect(() => matchSource(context.entries, context.byPath, 'dangling')).toThrow(/not in the build context/);

    const file = 'FROM base\nCOPY file-link /app/\n';
    const before = await keysOf(dir, file);
    await writeFiles(dir, { 'real/a.txt': 'two\n' });
    expect((await keysOf(dir, file))[1]).not.toBe(before[1]);
  });
});
