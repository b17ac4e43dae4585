import { describe, expect, it } from 'vitest';
import { summaryMarkdown, TRUNCATION_MARKER } from '../../src/report/index.js';
import { makeRequest, makeResult } from './fixtures.js';

describe('summaryMarkdown', () => {
  it('reports a completed run with metrics, verdicts and artifacts', () => {
    expect(summaryMarkdown(makeResult(), makeRequest())).toMatchInlineSnapshot(`
      "## ✅ Gate passed: accuracy **0.9**

      | Metric | Value | Gate |
      |---|---:|---|
      | \`accuracy\` | **0.9** | ✅ ≥ 0.8 |
      | \`loss\` | **0.1** | — |

      <details><summary>Run details</summary>

      - **Job:** \`iris-20250101-120000-abcd\` · local mode · \`local\` × 1
      - **Status:** Completed
      - **Image:** \`sagemaker-train/iris:local\`
      - **Hyperparameters:** \`epochs=10\`
      - **Hosts:** algo-1 (exit 0)
      - **Duration:** 1m 05s
      - **Model:** \`/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/model.tar.gz\` (on the runner)
      - **Output:** \`/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/output.tar.gz\` (on the runner)

      </details>
      "
    `);
  });

  it('reports a failed run: the reason once, what it reported, the log tail open, no gate verdicts', () => {
    const result = makeResult({
      status: 'Failed',
      failureReason: 'AlgorithmError: exit code 1\nTraceback: ValueError',
      metrics: { loss: 0.4 },
      modelArtifacts: undefined,
      hosts: [{ host: 'algo-1', exitCode: 1 }],
      logTail: ['loading data', 'Traceback (most recent call last):', 'ValueError: bad'],
    });
    expect(summaryMarkdown(result, makeRequest())).toMatchInlineSnapshot(`
      "## ❌ Training failed: AlgorithmError: exit code 1

      Last metrics before it ended: loss 0.4.

      <details><summary>Full failure reason</summary>

      \`\`\`text
      AlgorithmError: exit code 1
      Traceback: ValueError
      \`\`\`

      </details>

      <details open><summary>Last 3 log lines</summary>

      \`\`\`text
      loading data
      Traceback (most recent call last):
      ValueError: bad
      \`\`\`

      </details>

      <details><summary>Run details</summary>

      - **Job:** \`iris-20250101-120000-abcd\` · local mode · \`local\` × 1
      - **Status:** Failed
      - **Image:** \`sagemaker-train/iris:local\`
      - **Hyperparameters:** \`epochs=10\`
      - **Hosts:** algo-1 (exit 1)
      - **Duration:** 1m 05s

      </details>
      "
    `);
  });

  it('reports a stopped run', () => {
    const md = summaryMarkdown(
      makeResult({ status: 'Stopped', failureReason: 'stopped by a signal', logTail: [] }),
      makeRequest(),
    );
    expect(md).toMatch(/^## ⏹️ Training stopped: stopped by a signal\n/);
    expect(md).toContain('_No log lines were captured._');
  });

  it.each([
    { name: 'passes at the threshold', goal: 'maximize', threshold: 0.9, value: 0.9, verdict: '✅ ≥ 0.9' },
    {
      name: 'fails below a maximize threshold',
      goal: 'maximize',
      threshold: 0.95,
      value: 0.9,
      verdict: '❌ below threshold 0.95',
    },
    {
      name: 'fails above a minimize threshold',
      goal: 'minimize',
      threshold: 0.05,
      value: 0.1,
      verdict: '❌ above threshold 0.05',
    },
    { name: 'passes under a minimize threshold', goal: 'minimize', threshold: 0.2, value: 0.1, verdict: '✅ ≤ 0.2' },
    { name: 'fails when not reported', goal: 'maximize', threshold: 0.5, value: undefined, verdict: '❌ not reported' },
    {
      name: 'gives none without a goal',
      goal: undefined,
      threshold: 0.5,
      value: 0.9,
      verdict: '⚠️ threshold without a goal',
    },
  ] as const)('threshold verdict $name', ({ goal, threshold, value, verdict }) => {
    const request = makeRequest({ metrics: [{ name: 'm', regex: 'm=(\\S+)', goal, threshold }] });
    const md = summaryMarkdown(makeResult({ metrics: value === undefined ? {} : { m: value } }), request);
    const row = md.split('\n').find((l) => l.startsWith('| `m` |'));
    expect(row?.endsWith(`| ${verdict} |`)).toBe(true);
  });

  it('says the gate failed first, naming the failed metric and why', () => {
    const md = summaryMarkdown(makeResult({ metrics: { accuracy: 0.5, loss: 0.1 } }), makeRequest());
    expect(md.split('\n')[0]).toBe('## ❌ Gate failed: accuracy **0.5** (below 0.8)');
    expect(md).not.toContain('failed the gate');
  });

  it('has no threshold columns when no metric has a threshold, and lists unconfigured metrics', () => {
    const md = summaryMarkdown(
      makeResult({ metrics: { loss: 0.1, extra: 3 } }),
      makeRequest({ metrics: [{ name: 'loss', regex: 'x', goal: 'minimize' }] }),
    );
    expect(md).toContain('| Metric | Value |\n');
    expect(md).toContain('| `extra` | **3** |');
  });

  it('says when no metrics were configured', () => {
    expect(summaryMarkdown(makeResult({ metrics: {} }), makeRequest({ metrics: [] }))).toContain(
      '_No metrics were configured._',
    );
  });

  it('keeps hostile text from breaking the Markdown', () => {
    const md = summaryMarkdown(
      makeResult({
        status: 'Failed',
        failureReason: 'bad | pipe <script>',
        logTail: ['```', 'still inside'],
      }),
      makeRequest(),
    );
    expect(md).toMatch(/^## ❌ Training failed: bad \\\| pipe &lt;script&gt;\n/);
    expect(md).toContain('````text\n```\nstill inside\n````');
  });

  describe('size limit', () => {
    const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

    it('drops the oldest log lines first and says so', () => {
      const logTail = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(200)}`);
      const md = summaryMarkdown(makeResult({ status: 'Failed', failureReason: 'boom', logTail }), makeRequest(), {
        maxBytes: 64 * 1024,
      });
      expect(bytes(md)).toBeLessThanOrEqual(64 * 1024);
      expect(md).toContain(TRUNCATION_MARKER);
      expect(md).toContain('line 4999 ');
      expect(md).not.toContain('line 0 ');
      expect(md).toMatch(/_\d+ earlier lines omitted\._/);
      expect(md.trimEnd().endsWith('</details>')).toBe(true);
    });

    it('stays under the default 1 MiB limit with a huge failure reason and log', () => {
      const md = summaryMarkdown(
        makeResult({
          status: 'Failed',
          failureReason: '✅'.repeat(600_000),
          logTail: Array.from({ length: 3000 }, () => 'é'.repeat(1000)),
        }),
        makeRequest(),
      );
      expect(bytes(md)).toBeLessThanOrEqual(1024 * 1024);
      expect(md).toContain(TRUNCATION_MARKER);
      expect(md).toContain('## ❌ Training failed');
    });

    it('cuts on a character boundary as a last resort and still shows the marker', () => {
      const md = summaryMarkdown(makeResult({ jobName: 'j'.repeat(5000) }), makeRequest(), { maxBytes: 2000 });
      expect(bytes(md)).toBeLessThanOrEqual(2000);
      expect(md).toContain(TRUNCATION_MARKER);
    });

    it('leaves a small summary alone', () => {
      expect(summaryMarkdown(makeResult(), makeRequest())).not.toContain(TRUNCATION_MARKER);
    });
  });
});

describe('summaryMarkdown: cost and spot savings', () => {
  const sagemaker = (overrides: Parameters<typeof makeResult>[0]): ReturnType<typeof makeResult> =>
    makeResult({
      mode: 'sagemaker',
      instanceType: 'ml.g5.xlarge',
      trainingSeconds: 1000,
      billableSeconds: 300,
      ...overrides,
    });

  it('marks a table price as approximate', () => {
    const md = summaryMarkdown(
      sagemaker({ cost: { usd: 0.12, pricePerHour: 1.408, priceSource: 'table' } }),
      makeRequest(),
    );
    expect(md).toContain(
      '- **Estimated cost:** ≈ $0.12 (approximate, built-in price table) at $1.408 per instance-hour',
    );
  });

  it('says when the price was configured', () => {
    const md = summaryMarkdown(
      sagemaker({ cost: { usd: 3, pricePerHour: 36, priceSource: 'configured' } }),
      makeRequest(),
    );
    expect(md).toContain('- **Estimated cost:** $3.00 (at the configured price) at $36 per instance-hour');
    expect(md).not.toContain('approximate');
  });

  it('shows the spot savings the backend computed, next to the billed and training times', () => {
    const md = summaryMarkdown(sagemaker({ spotSavingsPercent: 70 }), makeRequest());
    expect(md).toContain('- **Spot savings:** 70% (billed 5m 00s of 16m 40s training)');
  });

  it('shows no cost row without an estimate', () => {
    expect(summaryMarkdown(makeResult(), makeRequest())).not.toContain('Estimated cost');
  });
});
