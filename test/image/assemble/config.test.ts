import { describe, expect, it } from 'vitest';

import { applyConfigStep, type ConfigState } from '../../../src/image/assemble/config.js';
import { copyLayerEntries, NotAssemblable, type PathInfo } from '../../../src/image/assemble/copy-entries.js';
import { parseDockerfile } from '../../../src/image/dockerfile/parse.js';
import { buildStages } from '../../../src/image/dockerfile/stages.js';
import type { ContextEntry } from '../../../src/image/build-context.js';

function apply(lines: string[], start: ConfigState['config'] = { Env: ['PATH=/bin'], Cmd: ['python3'] }): ConfigState {
  const stages = buildStages(parseDockerfile(['FROM base', ...lines].join('\n')), { buildArgs: { V: 'given' } });
  let state: ConfigState = { config: start, cmdSet: false };
  stages.target.steps.forEach((step, i) => {
    state = applyConfigStep(state, step, i > 0 ? (stages.target.steps[i - 1]?.args ?? {}) : {}, '\\');
  });
  return state;
}

describe('applyConfigStep, as the classic builder changes the config', () => {
  it('expands ENV with the values before the instruction, ENV winning over ARG', () => {
    const { config } = apply(['ARG V', 'ENV A=1 B=$A PATH=/opt:$PATH', 'ENV A=2 C=$A V=env', 'ENV D=$V']);
    expect(config.Env).toEqual(['PATH=/opt:/bin', 'A=2', 'B=', 'C=1', 'V=env', 'D=env']);
  });

  it('joins a relative WORKDIR, keeps USER and STOPSIGNAL as written, expands LABEL keys and values', () => {
    const { config } = apply(['ENV APP=/srv', 'WORKDIR $APP', 'WORKDIR run', 'USER 1000:1000', 'LABEL "a.$APP"=x$APP']);
    expect(config.WorkingDir).toBe('/srv/run');
    expect(config.User).toBe('1000:1000');
    expect(config.Labels).toEqual({ 'a./srv': 'x/srv' });
  });

  it('runs the shell form with the current SHELL; ENTRYPOINT clears a CMD the stage did not set', () => {
    expect(apply(['ENTRYPOINT ["python3"]']).config.Cmd).toBeNull();
    const kept = apply(['CMD ["a"]', 'ENTRYPOINT ["python3"]']).config;
    expect(kept.Cmd).toEqual(['a']);
    expect(apply(['SHELL ["/bin/bash", "-c"]', 'CMD echo hi']).config.Cmd).toEqual(['/bin/bash', '-c', 'echo hi']);
  });

  it('expands EXPOSE ranges and protocols, and names the line of a bad port', () => {
    expect(Object.keys(apply(['EXPOSE 80 9000-9001/udp']).config.ExposedPorts ?? {})).toEqual([
      '80/tcp',
      '9000/udp',
      '9001/udp',
    ]);
    expect(() => apply(['ENV X=1', 'EXPOSE eighty'])).toThrow(/line 3: EXPOSE: invalid port "eighty"/);
  });
});

const file = (rel: string): ContextEntry => ({
  rel,
  full: `/ctx/${rel}`,
  type: 'file',
  mode: 0o644,
  size: 1,
  mtime: new Date(0),
});

describe('copyLayerEntries', () => {
  const dir = (uid = 0): PathInfo => ({ type: 'directory', mode: 0o755, uid, gid: uid });
  const now = new Date(0);

  it('writes the folders above the destination with the metadata known for them, then the files', () => {
    const known = new Map<string, PathInfo>([
      ['/opt', dir()],
      ['/opt/ml', dir()],
    ]);
    const entries = copyLayerEntries({
      matches: [{ root: 'src', resolved: 'src', type: 'directory', entries: [file('src/a.py')] }],
      dest: '/opt/ml/',
      owner: { uid: 1, gid: 2 },
      known: (p) => known.get(p),
      now,
      where: 'COPY at line 3',
    });
    expect(entries.map((e) => [e.path, e.type, e.uid])).toEqual([
      ['/opt', 'directory', 0],
      ['/opt/ml', 'directory', 0],
      ['/opt/ml/a.py', 'file', 1],
    ]);
  });

  it('refuses what only the base could tell: an unknown folder, several sources into a file', () => {
    const unknown = { known: () => undefined, now, where: 'COPY at line 3', owner: { uid: 0, gid: 0 } };
    expect(() =>
      copyLayerEntries({
        ...unknown,
        matches: [{ root: 'a.py', resolved: 'a.py', type: 'file', entries: [file('a.py')] }],
        dest: '/x/',
      }),
    ).toThrow(NotAssemblable);
    expect(() =>
      copyLayerEntries({
        ...unknown,
        matches: [
          { root: 'a.py', resolved: 'a.py', type: 'file', entries: [file('a.py')] },
          { root: 'b.py', resolved: 'b.py', type: 'file', entries: [file('b.py')] },
        ],
        dest: '/x',
      }),
    ).toThrow(/must end with \//);
  });

  it('--chmod sets the mode of the files copied (octal, as BuildKit), never of a link, and refuses a folder source', () => {
    const known = new Map<string, PathInfo>([['/usr', dir()]]);
    const base = { known: (p: string) => known.get(p), now, where: 'COPY at line 3', owner: { uid: 0, gid: 0 } };
    const link: ContextEntry = { ...file('l'), type: 'symlink', linkname: 'a.sh', size: 0, mode: 0o777 };
    const entries = copyLayerEntries({
      ...base,
      chmod: 0o750,
      matches: [
        { root: 'a.sh', resolved: 'a.sh', type: 'file', entries: [file('a.sh')] },
        { root: 'l', resolved: 'a.sh', type: 'file', entries: [file('a.sh')] },
      ],
      dest: '/usr/',
    });
    expect(entries.map((e) => [e.path, e.mode.toString(8)])).toEqual([
      ['/usr', '755'],
      ['/usr/a.sh', '750'],
      ['/usr/l', '750'],
    ]);
    expect(() =>
      copyLayerEntries({
        ...base,
        chmod: 0o750,
        matches: [{ root: 'src', resolved: 'src', type: 'directory', entries: [file('src/a.py'), link] }],
        dest: '/usr/',
      }),
    ).toThrow(/--chmod with a folder/);
  });

  it('--link makes the folders above the destination itself (0755, the copy’s owner) and reads nothing below', () => {
    const entries = copyLayerEntries({
      known: () => {
        throw new Error('a --link copy looked at the image below it');
      },
      now,
      where: 'COPY at line 3',
      owner: { uid: 1000, gid: 1000 },
      link: true,
      matches: [
        { root: 'src', resolved: 'src', type: 'directory', entries: [file('src/a.py')] },
        { root: 'b.py', resolved: 'b.py', type: 'file', entries: [file('b.py')] },
      ],
      dest: '/srv/app/',
    });
    expect(entries.map((e) => [e.path, e.type, e.mode.toString(8), `${e.uid}:${e.gid}`])).toEqual([
      ['/srv', 'directory', '755', '1000:1000'],
      ['/srv/app', 'directory', '755', '1000:1000'],
      ['/srv/app/a.py', 'file', '644', '1000:1000'],
      ['/srv/app/b.py', 'file', '644', '1000:1000'],
    ]);
    // Without a trailing /, the destination is the file's own path (nothing tells a folder there).
    const single = copyLayerEntries({
      known: () => undefined,
      now,
      where: 'COPY at line 4',
      owner: { uid: 0, gid: 0 },
      link: true,
      matches: [{ root: 'b.py', resolved: 'b.py', type: 'file', entries: [file('b.py')] }],
      dest: '/opt/tool',
    });
    expect(single.map((e) => e.path)).toEqual(['/opt', '/opt/tool']);
  });
});
