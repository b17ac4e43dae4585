// Which steps assembly applies itself, and the one line that says why another needs the engine.
import { describe, expect, it } from 'vitest';

import { parseDockerfile } from '../../../src/image/dockerfile/parse.js';
import { buildStages, type Step } from '../../../src/image/dockerfile/stages.js';
import { anchorIndex, whyNotApplicable } from '../../../src/image/steps/applicable.js';

function stepsOf(...lines: string[]): Step[] {
  return buildStages(parseDockerfile(['FROM base', ...lines].join('\n')), { buildArgs: {} }).target.steps;
}

describe('whyNotApplicable', () => {
  it.each([
    ['COPY --chown=app:app . /app/', undefined],
    ['COPY --chmod=755 run.sh /usr/local/bin/', undefined],
    ['COPY --chmod=0640 a.txt /etc/a.txt', undefined],
    ['COPY --link src/ /app/', undefined],
    ['ADD --link=false a.txt /a.txt', undefined],
    ['COPY --chmod=u+x run.sh /bin/', 'COPY at line 2 has --chmod=u+x, not an octal mode, which needs the engine'],
    ['COPY --chmod run.sh /bin/', 'COPY at line 2 has --chmod=, not an octal mode, which needs the engine'],
    ['COPY --link=maybe a /b', 'COPY at line 2 has --link=maybe: true or false only'],
    ['COPY --from=builder /out /app', 'COPY at line 2 has --from, which needs the engine'],
    ['ADD https://example.com/x.tgz /x/', 'ADD at line 2 downloads a URL'],
    ['RUN make', 'RUN at line 2 needs the engine'],
  ])('%s', (line, why) => {
    const [step] = stepsOf(line);
    expect(whyNotApplicable(step as Step)).toBe(why);
  });

  it('anchors on the last step only the engine makes', () => {
    expect(anchorIndex(stepsOf('COPY a /a', 'RUN make', 'COPY --chmod=755 b /b', 'CMD ["x"]'))).toBe(2);
    expect(anchorIndex(stepsOf('COPY --link a /a/', 'ENV A=1'))).toBe(0);
  });
});
