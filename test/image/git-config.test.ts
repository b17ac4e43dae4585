import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { gitBoolean, parseGitConfig, readGitConfig } from '../../src/image/git-config.js';
import { makeTempDir, removeTempDirs } from '../helpers/docker.js';

afterAll(removeTempDirs);

const pairs = (text: string) => parseGitConfig(text, 'cfg').map((e) => [e.key, e.value]);

describe('parseGitConfig', () => {
  it.each([
    ['[core]\n\tautocrlf = true\n', [['core.autocrlf', 'true']]],
    ['[Core]\n  AutoCRLF=input', [['core.autocrlf', 'input']]],
    ['[core]\n\tbare\n', [['core.bare', null]]],
    ['[includeIf "gitdir:/a/B/"]\n\tpath = /x.config\n', [['includeif.gitdir:/a/B/.path', '/x.config']]],
    ['[http "https://github.com/"]\n\textraheader = AUTH x', [['http.https://github.com/.extraheader', 'AUTH x']]],
    ['[Branch.Main]\nremote = o', [['branch.main.remote', 'o']]],
    [
      '# top\n; also\n[a]\nk = v # comment\nl = "q # not" ; comment',
      [
        ['a.k', 'v'],
        ['a.l', 'q # not'],
      ],
    ],
    ['[a]\nk = one \\\n  two\n', [['a.k', 'one   two']]],
    ['[a]\nk = "tab\\there" trailing  \n', [['a.k', 'tab\there trailing']]],
    ['[a]\nk =\n', [['a.k', '']]],
    ['\uFEFF[a]\r\nk = v\r\n', [['a.k', 'v']]],
  ])('reads %j', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    ['k = v\n', /cfg:1: a key outside any section/],
    ['[a]\nk = "open\n', /cfg:2: the value has no closing quote/],
    ['[a]\nk = \\q\n', /cfg:2: the escape \\q/],
    ['[a "sub]\n', /cfg:1: the subsection has no closing quote/],
    ['[a]\nk v\n', /cfg:2: `=` was expected/],
    ['[a]\n=v\n', /cfg:2: unexpected "="/],
  ])('refuses %j, naming the line', (text, message) => {
    expect(() => parseGitConfig(text, 'cfg')).toThrow(message);
  });
});

describe('gitBoolean', () => {
  it.each([
    [null, true],
    ['yes', true],
    ['On', true],
    ['1', true],
    ['-2', true],
    ['false', false],
    ['off', false],
    ['0', false],
    ['', false],
    ['maybe', undefined],
  ])('%j is %j', (value, expected) => {
    expect(gitBoolean(value)).toBe(expected);
  });
});

describe('readGitConfig', () => {
  it('follows include.path and includeIf paths (relative, absolute and ~/), marks them, and skips missing files', async () => {
    const home = await makeTempDir('smt-gitcfg-home-');
    await mkdir(join(home, 'more'));
    await writeFile(join(home, 'more', 'b.config'), '[core]\n\tautocrlf = true\n');
    await writeFile(join(home, 'c.config'), '[user]\n\tname = c\n');
    await writeFile(
      join(home, 'main.config'),
      '[include]\n\tpath = more/b.config\n\tpath = missing.config\n[includeIf "onbranch:x"]\n\tpath = ~/c.config\n',
    );
    const entries = await readGitConfig(join(home, 'main.config'), home);
    expect(entries.map((e) => [e.key, e.value, e.included])).toEqual([
      ['include.path', 'more/b.config', false],
      ['core.autocrlf', 'true', true],
      ['include.path', 'missing.config', false],
      ['includeif.onbranch:x.path', '~/c.config', false],
      ['user.name', 'c', true],
    ]);
    expect(await readGitConfig(join(home, 'absent'), home)).toEqual([]);
  });

  it.each(['~other/x.config', '%(prefix)/etc/x.config'])(
    'refuses an include of %s, which it does not work out',
    async (path) => {
      const dir = await makeTempDir('smt-gitcfg-tilde-');
      await writeFile(join(dir, 'a'), `[include]\n\tpath = ${path}\n`);
      await expect(readGitConfig(join(dir, 'a'), dir)).rejects.toThrow(`includes ${path}`);
    },
  );

  it('refuses an include loop', async () => {
    const dir = await makeTempDir('smt-gitcfg-loop-');
    await writeFile(join(dir, 'a'), '[include]\n\tpath = a\n');
    await expect(readGitConfig(join(dir, 'a'), dir)).rejects.toThrow(/nested more than 10 deep/);
  });
});
