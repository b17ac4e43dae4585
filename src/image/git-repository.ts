// Whether git's index alone can say which files of a folder hold their blob's bytes, without running git: the folder
// is in an ordinary work tree (found as git finds it: the nearest `.git` folder above, on the same file system, owned
// by this user), and nothing can make a file's bytes differ from its blob's (no attributes file anywhere git reads
// one, no core.autocrlf or core.eol) or map the work tree to the index differently (no GIT_DIR-like variables, no
// separate work tree, bare, split or sparse index, case folding, or a hash other than SHA-1). Where any of this is
// not certain the answer is undefined, and git itself is asked (git-ids.ts): that path stays the reference.
import type { Stats } from 'node:fs';
import { access, constants, lstat, realpath } from 'node:fs/promises';
import { delimiter, dirname, join, relative, sep } from 'node:path';

import { gitBoolean, readGitConfig, type ConfigEntry } from './git-config.js';
import { ifPresent } from './if-present.js';

export interface PlainRepository {
  /** The `.git` folder. */
  gitDir: string;
  /** The work tree's top folder (real path). */
  workTree: string;
  /** The folder asked about, relative to the work tree (with `/`; empty at the top). */
  folder: string;
  /** core.filemode: whether a change of the executable bit makes a file modified. */
  fileMode: boolean;
}

/**
 * GIT_ variables that change nothing about the index, the work tree, configuration or attributes. Any other one
 * (GIT_DIR, GIT_INDEX_FILE, GIT_CONFIG_*, GIT_ATTR_*, …) leaves the answer to git.
 */
const HARMLESS_GIT_VARIABLE =
  /^GIT_(TERMINAL_PROMPT|ASKPASS|SSH|SSH_COMMAND|SSH_VARIANT|(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE)|EDITOR|SEQUENCE_EDITOR|PAGER|TRACE\w*|HTTP_\w+|LFS_\w+|SSL_\w+|PROXY_\w+|PROTOCOL_FROM_USER|ALLOW_PROTOCOL|REDACT_COOKIES|CURL_VERBOSE)$/;

const lstatOrUndefined = (path: string): Promise<Stats | undefined> => ifPresent(lstat(path));

/** Git's discovery from `start` (a real path): the folder holding `.git`, or undefined when git would not find one. */
async function findWorkTree(start: string): Promise<{ workTree: string; gitDir: string } | undefined> {
  let dir = start;
  let device = (await lstat(dir)).dev;
  for (;;) {
    const dotGit = await lstatOrUndefined(join(dir, '.git'));
    // A `.git` file (a linked work tree or a submodule) points elsewhere: git is asked.
    if (dotGit && !dotGit.isDirectory()) return undefined;
    if (dotGit && (await isGitDir(join(dir, '.git')))) return { workTree: dir, gitDir: join(dir, '.git') };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    // Git stops at a file system boundary (GIT_DISCOVERY_ACROSS_FILESYSTEM unset).
    const parentDevice = (await lstat(parent)).dev;
    if (parentDevice !== device) return undefined;
    dir = parent;
    device = parentDevice;
  }
}

/** What git checks before taking a folder as a repository: HEAD, objects/ and refs/. */
async function isGitDir(dir: string): Promise<boolean> {
  const [head, objects, refs] = await Promise.all(
    ['HEAD', 'objects', 'refs'].map((n) => lstatOrUndefined(join(dir, n))),
  );
  return Boolean(head?.isFile() && objects?.isDirectory() && refs?.isDirectory());
}

/** The `git` that PATH finds, as given and as its real path (either may be how it was installed). */
async function gitOnPath(path: string): Promise<string[]> {
  // Every folder is asked at once; the first in PATH's order that has one wins, as for exec.
  const candidates = path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'git'));
  const runnable = await Promise.all(
    candidates.map((file) =>
      access(file, constants.X_OK).then(
        () => true,
        () => false,
      ),
    ),
  );
  const found = candidates[runnable.indexOf(true)];
  return found === undefined ? [] : [...new Set([found, await realpath(found)])];
}

/** Git's system folder for each install: `/etc` for a git under /usr, else `<prefix>/etc` (git's Makefile rule). */
function systemFolders(gits: string[]): string[] {
  const folders = gits.map((git) => {
    const prefix = dirname(dirname(git));
    return prefix === '/usr' ? '/etc' : join(prefix, 'etc');
  });
  return [...new Set(folders)];
}

/** Where git looks for a user's files: `$XDG_CONFIG_HOME/git` (or `~/.config/git`), and the home folder. */
function userFolders(env: NodeJS.ProcessEnv): { xdgGit: string[]; home: string[] } {
  const home = env['HOME'];
  const xdg = env['XDG_CONFIG_HOME'] || (home ? join(home, '.config') : undefined);
  return { xdgGit: xdg ? [join(xdg, 'git')] : [], home: home ? [home] : [] };
}

/** The configuration files git reads for a repository, in git's order (system, global, local). */
function configFiles(gitDir: string, system: string[], env: NodeJS.ProcessEnv): string[] {
  const user = userFolders(env);
  return [
    ...system.map((dir) => join(dir, 'gitconfig')),
    ...user.xdgGit.map((dir) => join(dir, 'config')),
    ...user.home.map((dir) => join(dir, '.gitconfig')),
    join(gitDir, 'config'),
  ];
}

/** The attributes files git reads besides the `.gitattributes` in the work tree. */
function attributeFiles(gitDir: string, system: string[], env: NodeJS.ProcessEnv): string[] {
  return [
    ...system.map((dir) => join(dir, 'gitattributes')),
    ...userFolders(env).xdgGit.map((dir) => join(dir, 'attributes')),
    join(gitDir, 'info', 'attributes'),
  ];
}

/** Settings after which the index cannot stand for the work tree's bytes on its own; null: it can. */
function settingAgainst(entry: ConfigEntry): string | null {
  const on = gitBoolean(entry.value);
  switch (entry.key) {
    case 'core.autocrlf':
    case 'core.bare':
    case 'core.ignorecase':
    case 'core.precomposeunicode':
    case 'core.splitindex':
    case 'core.sparsecheckout':
    case 'index.sparse':
    case 'extensions.worktreeconfig':
      return on === false ? null : entry.key;
    case 'core.eol':
    case 'core.attributesfile':
    case 'core.worktree':
      return entry.key;
    case 'extensions.objectformat':
      return entry.value?.toLowerCase() === 'sha1' ? null : entry.key;
    case 'core.filemode':
      // Read below; from a conditional include it may or may not apply, so it is not certain.
      return entry.included || on === undefined ? entry.key : null;
    default:
      return null;
  }
}

/**
 * The repository `dir` is in, when git's index alone can vouch for its files; undefined otherwise (with why, for the
 * debug log). Only on Linux: elsewhere git's system files and file systems differ in ways not checked here.
 */
export async function plainRepository(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ repository: PlainRepository } | { why: string }> {
  if (process.platform !== 'linux') return { why: `not on Linux (${process.platform})` };
  const variable = Object.keys(env).find((name) => name.startsWith('GIT_') && !HARMLESS_GIT_VARIABLE.test(name));
  if (variable) return { why: `${variable} is set` };
  const gitsOnPath = gitOnPath(env['PATH'] ?? '');
  gitsOnPath.catch(() => undefined); // awaited below, unless the search stops first
  const real = await realpath(dir);
  const found = await findWorkTree(real);
  if (!found) return { why: 'no .git folder found as git would find it' };
  const uid = process.getuid?.();
  const [top, gitDirStat] = await Promise.all([lstat(found.workTree), lstat(found.gitDir)]);
  if (top.uid !== uid || gitDirStat.uid !== uid) return { why: 'the repository is owned by another user' };
  const gits = await gitsOnPath;
  if (gits.length === 0) return { why: 'no git on PATH' };
  const system = systemFolders(gits);
  // Every file is read at once; the first finding in git's order is the one reported.
  const attributes = attributeFiles(found.gitDir, system, env);
  const [present, configs] = await Promise.all([
    Promise.all(attributes.map(lstatOrUndefined)),
    Promise.all(configFiles(found.gitDir, system, env).map((file) => readGitConfig(file, env['HOME']))),
  ]);
  const attributesFile = attributes[present.findIndex(Boolean)];
  if (attributesFile !== undefined) return { why: `${attributesFile} exists` };
  let fileMode = true;
  for (const entry of configs.flat()) {
    const against = settingAgainst(entry);
    if (against) return { why: `${against} is set in ${entry.file}` };
    if (entry.key === 'core.filemode') fileMode = gitBoolean(entry.value) ?? true;
  }
  const folder = relative(found.workTree, real).split(sep).join('/');
  return { repository: { ...found, folder, fileMode } };
}
