import { describe, expect, it } from 'vitest';

import { BuildProgress, buildOptions } from '../../src/image/build-local.js';

describe('BuildProgress', () => {
  it('logs lines split across messages, tracks the image id', () => {
    const lines: string[] = [];
    const progress = new BuildProgress((line) => lines.push(line));
    progress.push({ stream: 'Step 1/2 : FROM base\n' });
    progress.push({ stream: ' ---> abc\nStep 2/2 : RUN make\n ---> Running in 123\ncomp' });
    progress.push({ stream: 'iling\n' });
    progress.push({ aux: { ID: 'sha256:feed' } });
    progress.push({ stream: 'Successfully built feed\n' });
    progress.flush();
    expect(lines).toEqual([
      'Step 1/2 : FROM base',
      ' ---> abc',
      'Step 2/2 : RUN make',
      ' ---> Running in 123',
      'compiling',
      'Successfully built feed',
    ]);
    expect(progress.imageId).toBe('sha256:feed');
    expect(progress.error).toBeUndefined();
  });

  it('explains a failure with the step, the error and the last 20 lines of that step', () => {
    const progress = new BuildProgress(() => undefined);
    progress.push({ stream: 'Step 1/2 : RUN echo ok\nok\n' });
    progress.push({ stream: 'Step 2/2 : RUN ./train.sh\n ---> Running in 1\n' });
    for (let i = 1; i <= 25; i++) progress.push({ stream: `\u001b[91mline ${i}\n\u001b[0m` });
    progress.push({ stream: 'no newline' });
    progress.push({
      errorDetail: { code: 2, message: "The command '/bin/sh -c ./train.sh' returned a non-zero code: 2" },
      error: "The command '/bin/sh -c ./train.sh' returned a non-zero code: 2",
    });
    const expectedTail = [...Array.from({ length: 19 }, (_, i) => `line ${i + 7}`), 'no newline'];
    expect(progress.failureMessage('img:1')).toBe(
      "Image build of img:1 failed at Step 2/2: RUN ./train.sh: The command '/bin/sh -c ./train.sh' returned a " +
        `non-zero code: 2\nLast output lines:\n${expectedTail.map((l) => `  ${l}`).join('\n')}`,
    );
  });

  it('explains a failure before any step', () => {
    const progress = new BuildProgress(() => undefined);
    progress.push({ error: 'dockerfile parse error line 2: unknown instruction: FOO' });
    expect(progress.failureMessage('img')).toBe(
      'Image build of img failed: dockerfile parse error line 2: unknown instruction: FOO',
    );
  });
});

describe('buildOptions', () => {
  const spec = { kind: 'build' as const, context: '/c', dockerfile: '/c/Dockerfile', buildArgs: {}, platform: '' };
  it('leaves out what is not set', () => {
    expect(buildOptions({ spec, tag: 't', dockerfileName: 'Dockerfile' })).toEqual({
      t: 't',
      dockerfile: 'Dockerfile',
      rm: true,
      forcerm: true,
    });
  });
  it('passes build args, target, platform and labels', () => {
    expect(
      buildOptions({
        spec: { ...spec, buildArgs: { A: '1' }, target: 'train', platform: 'linux/amd64' },
        tag: 't',
        dockerfileName: 'Dockerfile',
        labels: { l: 'v' },
      }),
    ).toMatchObject({ buildargs: { A: '1' }, target: 'train', platform: 'linux/amd64', labels: { l: 'v' } });
  });
});
