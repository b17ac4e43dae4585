import { describe, expect, it } from 'vitest';

import { DockerfileError, parseDockerfile } from '../../../src/image/dockerfile/parse.js';
import { expandWord, nameValuePairs, splitWords } from '../../../src/image/dockerfile/expand.js';
import { buildStages } from '../../../src/image/dockerfile/stages.js';

describe('parseDockerfile', () => {
  it('joins continuations, drops comments inside them and keeps the line of the keyword', () => {
    const parsed = parseDockerfile(
      ['FROM base', '', '# a comment', 'RUN a \\', '  # inside', '  && b', 'COPY --chown=1:2 --link src/ /app/'].join(
        '\n',
      ),
    );
    expect(parsed.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 1],
      ['RUN', 4],
      ['COPY', 7],
    ]);
    expect(parsed.instructions[1]?.rest).toBe('a   && b');
    expect(parsed.instructions[2]?.flags).toEqual([
      { name: 'chown', value: '1:2' },
      { name: 'link', value: true },
    ]);
    expect(parsed.instructions[2]?.rest).toBe('src/ /app/');
  });

  it('reads the escape directive and the JSON form', () => {
    const parsed = parseDockerfile('# escape=`\nFROM base\nCOPY a `\n  b /x/\nCMD ["python3", "-m", "x"]\n');
    expect(parsed.escape).toBe('`');
    expect(parsed.instructions[1]?.rest).toBe('a   b /x/');
    expect(parsed.instructions[2]?.json).toEqual(['python3', '-m', 'x']);
  });

  it.each([
    ['FROM base\nFROBNICATE x\n', 2, /unknown instruction FROBNICATE/],
    ['COPY a /b\nFROM base\n', 1, /COPY before the first FROM/],
    ['FROM base\nRUN <<EOF\necho\nEOF\n', 2, /here-document/],
    ['# just a comment\n', 1, /no instructions/],
    ['FROM base\nCOPY --chown= a b\n', 2, /empty value/],
  ])('names the line of what it cannot read: %j', (body, line, message) => {
    let error: unknown;
    try {
      parseDockerfile(body);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DockerfileError);
    expect((error as DockerfileError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(`line ${line}`);
  });
});

describe('expandWord, as the builder expands words', () => {
  const env: Record<string, string> = { A: 'a', EMPTY: '', PATH: '/bin' };
  const lookup = (name: string): string | undefined => env[name];
  it.each([
    ['$A', 'a'],
    ['${A}b', 'ab'],
    ['$UNSET.x', '.x'],
    ['${UNSET:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${A:+set}', 'set'],
    ['${UNSET:+set}', ''],
    ["'$A'", '$A'],
    ['"$A b"', 'a b'],
    ['"\\$A"', '$A'],
    ['\\$A', '$A'],
    ['/opt:$PATH', '/opt:/bin'],
    ['$', '$'],
    ['a\\ b', 'a b'],
    ['"x\\y"', 'x\\y'],
  ])('%s → %s', (word, out) => {
    expect(expandWord(word, lookup)).toBe(out);
  });

  it('refuses what the builder refuses', () => {
    expect(() => expandWord('${A', lookup)).toThrow(/missing "}"/);
    expect(() => expandWord('${UNSET:?must be set}', lookup)).toThrow(/must be set/);
    expect(() => expandWord('${A/x/y}', lookup)).toThrow(/unsupported modifier/);
  });

  it('splits words on unquoted whitespace and reads name=value pairs, old ENV form included', () => {
    expect(splitWords('a "b c" d\\ e')).toEqual(['a', '"b c"', 'd\\ e']);
    expect(nameValuePairs('A=1 B="x y"', '\\', true)).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '"x y"' },
    ]);
    expect(nameValuePairs('KEY some value', '\\', true)).toEqual([{ name: 'KEY', value: 'some value' }]);
    expect(nameValuePairs('V', '\\', false)).toEqual([{ name: 'V', value: undefined }]);
  });
});

describe('buildStages', () => {
  it('expands meta ARGs in FROM, resolves stage ARGs from build args and defaults, picks the target', () => {
    const parsed = parseDockerfile(
      [
        'ARG BASE=python:3.11',
        'FROM ${BASE} AS deps',
        'ARG V=1',
        'ARG BASE',
        'FROM deps AS app',
        'ARG W=$V',
        'COPY . /app',
      ].join('\n'),
    );
    const stages = buildStages(parsed, { buildArgs: { V: '2' } });
    expect(stages.stages[0]?.base).toEqual({ image: 'python:3.11' });
    expect(stages.stages[0]?.steps.map((s) => s.args)).toEqual([{ V: '2' }, { V: '2', BASE: 'python:3.11' }]);
    expect(stages.target.index).toBe(1);
    expect(stages.target.base).toEqual({ stage: 0 });
    // V is not declared in the second stage: W's default sees nothing.
    expect(stages.target.steps[0]?.args).toEqual({ W: '' });
    expect(buildStages(parsed, { buildArgs: {}, target: 'deps' }).target.index).toBe(0);
    expect(() => buildStages(parsed, { buildArgs: {}, target: 'nope' })).toThrow(/no stage is named "nope"/);
  });
});
