// The serve smoke test against the real engine: the iris example's image serves its model; an image whose `serve`
// crashes, one that never answers /ping and one whose /invocations answers 500 each fail with the reason and the
// container's last log lines; and nothing is left running after any of them.
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeTarGz } from '../../src/backends/local/artifacts.js';
import { addEntry } from '../../src/archive/tar-entry.js';
import { buildLocalImage } from '../../src/image/build-local.js';
import type { LocalRequest, ServeSample, ServeSpec } from '../../src/request.js';
import type { TrainingResult } from '../../src/result.js';
import { judgeTraining } from '../../src/gate/conclusion.js';
import { runServeTest, SERVE_LABEL } from '../../src/serve/index.js';
import { State } from '../../src/state.js';
import {
  BASE_IMAGE,
  buildTestImage,
  createDocker,
  makeTempDir,
  MemoryLogger,
  removeTempDirs,
} from '../helpers/docker.js';
import { localRequest, uniqueJobName } from '../backends/local/request.js';

const docker = createDocker();
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const IRIS = `smt-test/serve-iris:${suffix}`;
const CRASH = `smt-test/serve-crash:${suffix}`;
const SILENT = `smt-test/serve-silent:${suffix}`;
const FAILING = `smt-test/serve-500:${suffix}`;
const SAMPLES = resolve('examples/iris/samples');

const MODEL = {
  kind: 'softmax-regression',
  features: ['petal_length', 'petal_width'],
  classes: ['setosa', 'versicolor', 'virginica'],
  feature_means: [3.76, 1.2],
  feature_stds: [1.76, 0.76],
  weights: [
    [-2, -2],
    [0.2, 0],
    [2, 2],
  ],
  bias: [-1, 3.7, -2.7],
};

const PYTHON_SERVER = (invocationStatus: number): string => `import http.server, os
class H(http.server.BaseHTTPRequestHandler):
    def reply(self, status):
        self.send_response(status); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
    def do_GET(self): self.reply(200)
    def do_POST(self):
        print("invocation failed: model exploded", flush=True)
        self.rfile.read(int(self.headers.get("Content-Length") or 0)); self.reply(${invocationStatus})
http.server.HTTPServer(("0.0.0.0", int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))), H).serve_forever()
`;

function image(
  serveScript: string,
  extra: Record<string, string> = {},
): Record<string, string | { content: string; mode: number }> {
  return {
    Dockerfile: `FROM ${BASE_IMAGE}\nENV PATH=/opt/program:/usr/bin:/bin PYTHONUNBUFFERED=1\nCOPY . /opt/program/\n`,
    serve: { content: serveScript, mode: 0o755 },
    ...extra,
  };
}

let modelTarGz = '';
const jobs: string[] = [];

beforeAll(async () => {
  const dir = await makeTempDir('smt-serve-');
  modelTarGz = join(dir, 'model.tar.gz');
  await writeTarGz(createWriteStream(modelTarGz), async (pack) => {
    const body = Buffer.from(JSON.stringify(MODEL));
    await addEntry(pack, { name: 'model.json', size: body.length, mode: 0o644 }, body);
  });
  const logger = new MemoryLogger();
  const iris = resolve('examples/iris');
  await buildLocalImage({
    docker,
    spec: {
      kind: 'build',
      context: iris,
      dockerfile: join(iris, 'Dockerfile'),
      buildArgs: { BASE_IMAGE },
      platform: '',
    },
    tag: IRIS,
    logger,
  });
  await buildTestImage({
    docker,
    tag: CRASH,
    files: image('#!/bin/sh\necho "cannot load /opt/ml/model/weights.bin" >&2\nexit 3\n'),
  });
  await buildTestImage({ docker, tag: SILENT, files: image('#!/bin/sh\necho "warming up forever"\nexec sleep 600\n') });
  await buildTestImage({
    docker,
    tag: FAILING,
    files: image('#!/bin/sh\nexec python3 /opt/program/server.py\n', { 'server.py': PYTHON_SERVER(500) }),
  });
}, 300_000);

afterAll(async () => {
  for (const tag of [IRIS, CRASH, SILENT, FAILING])
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
  await removeTempDirs();
});

function sample(file: string, contentType: string, extra: Partial<ServeSample> = {}): ServeSample {
  return { file: join(SAMPLES, file), contentType, accept: 'application/json', expectStatus: 200, ...extra };
}

function serveRequest(samples: ServeSample[], pingTimeoutSeconds = 90): LocalRequest & { serve: ServeSpec } {
  const serve: ServeSpec = {
    pingTimeoutSeconds,
    invocationTimeoutSeconds: 10,
    samples,
    environment: {},
    maxModelBytes: 1 << 20,
  };
  return { ...localRequest(), serve };
}

function completed(imageUri: string): TrainingResult {
  const jobName = uniqueJobName('serve');
  jobs.push(jobName);
  const now = new Date().toISOString();
  return {
    mode: 'local',
    jobName,
    status: 'Completed',
    metrics: {},
    metricSeries: {},
    modelArtifacts: modelTarGz,
    imageUri,
    instanceType: 'local',
    instanceCount: 1,
    startedAt: now,
    endedAt: now,
    durationSeconds: 1,
    logTail: [],
    links: [],
  };
}

async function leftOver(jobName: string): Promise<string[]> {
  const filters = JSON.stringify({ label: [`${SERVE_LABEL}=${jobName}`] });
  return (await docker.listContainers({ all: true, filters })).map((c) => c.Id);
}

async function serve(imageUri: string, samples: ServeSample[], pingTimeoutSeconds?: number) {
  const result = completed(imageUri);
  const states: [State, string][] = [];
  const report = await runServeTest(serveRequest(samples, pingTimeoutSeconds), result, {
    docker,
    logger: new MemoryLogger(),
    signal: new AbortController().signal,
    onState: (key, value) => states.push([key, value]),
  });
  return { report, states, remaining: await leftOver(result.jobName) };
}

describe('the serve smoke test on the real engine', () => {
  it('passes the iris image: /ping, then CSV and JSON rows answered with predictions', async () => {
    const { report, states, remaining } = await serve(IRIS, [
      sample('rows.csv', 'text/csv', {
        match: { kind: 'json-path', path: '$.predictions[0].label', equals: 'setosa' },
      }),
      sample('rows.json', 'application/json', {
        accept: 'text/csv',
        match: { kind: 'regex', pattern: '^(setosa|versicolor|virginica)\\n$' },
      }),
    ]);
    expect(report.reason).toBeUndefined();
    expect(report.passed).toBe(true);
    expect(report.samples.map((s) => [s.name, s.status, s.passed])).toEqual([
      ['rows.csv', 200, true],
      ['rows.json', 200, true],
    ]);
    expect(report.pingMs).toBeGreaterThan(0);
    expect(report.samples.every((s) => (s.latencyMs ?? 0) > 0)).toBe(true);
    // The container's id was saved when created, and cleared once removed.
    expect(states.map(([k]) => k)).toEqual([State.ServeContainer, State.ServeContainer]);
    expect(states[1]?.[1]).toBe('');
    expect(remaining).toEqual([]);
  });

  it('fails an image whose serve crashes, with its exit code and last log line, and removes it', async () => {
    const { report, remaining } = await serve(CRASH, [sample('rows.csv', 'text/csv')]);
    expect(report.passed).toBe(false);
    expect(report.reason).toMatch(/exited with code 3 before \/ping answered 200/);
    expect(report.logTail).toContain('cannot load /opt/ml/model/weights.bin');
    expect(remaining).toEqual([]);
  });

  it('fails an image that never answers /ping within the configured time, and removes it', async () => {
    const { report, remaining } = await serve(SILENT, [sample('rows.csv', 'text/csv')], 2);
    expect(report.passed).toBe(false);
    expect(report.reason).toMatch(/GET \/ping did not answer 200 within 2 s/);
    expect(report.logTail).toContain('warming up forever');
    expect(remaining).toEqual([]);
  });

  it('fails an image whose /invocations answers 500, naming the sample and the status, and removes it', async () => {
    const { report, remaining } = await serve(FAILING, [sample('rows.csv', 'text/csv')]);
    expect(report.passed).toBe(false);
    expect(report.reason).toBe('rows.csv: status 500, expected 200');
    expect(report.samples[0]).toMatchObject({ name: 'rows.csv', status: 500, passed: false });
    expect(report.logTail).toContain('invocation failed: model exploded');
    expect(remaining).toEqual([]);
  });

  it('on cancellation while waiting for /ping, removes the container and ends the step as cancelled', async () => {
    const result = completed(SILENT);
    const controller = new AbortController();
    const states: string[] = [];
    const started = performance.now();
    const report = await runServeTest(serveRequest([sample('rows.csv', 'text/csv')], 120), result, {
      docker,
      logger: new MemoryLogger(),
      signal: controller.signal,
      onState: (_key, value) => {
        states.push(value);
        // The container exists: cancel the run while its never-answering serve is polled.
        if (value) setTimeout(() => controller.abort(new Error('cancelled')), 1500);
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.reason).toBe('the run was cancelled while the serve test waited for /ping');
    // Well before the 120 s /ping limit: the wait stopped on the signal.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(states).toHaveLength(2);
    expect(states[1]).toBe('');
    expect(await leftOver(result.jobName)).toEqual([]);
    const verdict = judgeTraining([], result, undefined, { serve: report });
    expect(verdict.outcome.conclusion).toBe('cancelled');
    expect(verdict.outcome.reason).toMatch(/The serve test was stopped: the run was cancelled/);
  });
});
