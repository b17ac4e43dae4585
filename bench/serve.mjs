// What the serve smoke test adds to a bare `docker run` of the same server until its first GET /ping answers 200:
// extracting model.tar.gz, creating the container through the engine API with hosting's settings, publishing the
// port, and polling /ping. Both sides serve the same model with the same tiny Python server; median of BENCH_RUNS.
/* global AbortController */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { OFFLINE_BASE_IMAGE, ROOT, bundleModule, median, report, run, workDir } from './lib.mjs';

const LABEL = 'serve-test overhead';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_S = 0.3;
const IMAGE = 'sagemaker-train/bench-serve:latest';
const dir = workDir('serve');

// The image: a standard-library server that loads the model and answers /ping and /invocations.
const context = join(dir, 'image');
mkdirSync(context, { recursive: true });
writeFileSync(
  join(context, 'serve'),
  `#!/usr/bin/env python3
import http.server, os
open("/opt/ml/model/model.txt").read()
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    do_POST = do_GET
http.server.HTTPServer(("0.0.0.0", int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))), H).serve_forever()
`,
  { mode: 0o755 },
);
writeFileSync(
  join(context, 'Dockerfile'),
  `FROM ${OFFLINE_BASE_IMAGE}\nENV PATH=/opt/program:/usr/bin:/bin\nCOPY serve /opt/program/serve\n`,
);
run('docker', ['build', '-q', '-t', IMAGE, context]);

// The model: model.tar.gz for the serve test, its extracted folder for the bare run.
const modelDir = join(dir, 'model');
mkdirSync(modelDir, { recursive: true });
writeFileSync(join(modelDir, 'model.txt'), 'weights\n');
const modelTarGz = join(dir, 'model.tar.gz');
run('tar', ['-czf', modelTarGz, '-C', modelDir, '.']);
writeFileSync(join(dir, 'sample.csv'), '1,2\n');

function ping(port) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/ping', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** A port nothing listens on now (the bare run publishes on it, so it needs no `docker port` afterwards). */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `docker run -d` of the same server with the model mounted, then /ping every 25 ms: seconds to the first 200. */
async function bare(i) {
  const name = `bench-serve-bare-${process.pid}-${i}`;
  const port = await freePort();
  const started = performance.now();
  run('docker', [
    'run',
    '-d',
    '--name',
    name,
    '-p',
    `127.0.0.1:${port}:8080`,
    '-v',
    `${modelDir}:/opt/ml/model:ro`,
    IMAGE,
    'serve',
  ]);
  while (!(await ping(port))) await new Promise((r) => setTimeout(r, 25));
  const seconds = (performance.now() - started) / 1000;
  run('docker', ['rm', '-f', name]);
  return seconds;
}

// The serve test's runner, bundled from src/.
const { runServeTest } = await import(
  await bundleModule(join(ROOT, 'src', 'serve', 'index.ts'), join(dir, 'serve-test.cjs'))
);
const Dockerode = (await import('dockerode')).default;
const docker = new Dockerode({ socketPath: process.env.DOCKER_SOCKET ?? '/var/run/docker.sock' });
const quiet = { info() {}, warning() {}, error() {}, debug() {}, group: (_t, fn) => fn() };

/** The serve test up to its first /ping 200 (its own figure), plus extraction and container creation before it. */
async function tool(i) {
  const started = performance.now();
  let pinged;
  const report = await runServeTest(
    {
      region: 'us-east-1',
      serve: {
        pingTimeoutSeconds: 60,
        invocationTimeoutSeconds: 10,
        samples: [],
        environment: {},
        maxModelBytes: 1 << 20,
      },
    },
    { jobName: `bench-serve-${process.pid}-${i}`, imageUri: IMAGE, modelArtifacts: modelTarGz },
    {
      docker,
      logger: { ...quiet, info: (m) => m.startsWith('Serving: /ping') && (pinged = performance.now()) },
      signal: new AbortController().signal,
    },
  );
  if (!report.passed) throw new Error(`the serve test failed: ${report.reason}`);
  return ((pinged ?? performance.now()) - started) / 1000;
}

await bare(-1); // warm-up: image layers, the engine's first container, Python's file cache
await tool(-1);
const bareTimes = [];
const toolTimes = [];
for (let i = 0; i < RUNS; i++) {
  bareTimes.push(await bare(i));
  toolTimes.push(await tool(i));
}
const overhead = median(toolTimes) - median(bareTimes);
report(
  LABEL,
  `${overhead.toFixed(3)} s over a bare docker run to the first /ping (median of ${RUNS}: serve test ${median(toolTimes).toFixed(3)} s, docker run ${median(bareTimes).toFixed(3)} s; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  `<= ${TARGET_S} s`,
  overhead <= TARGET_S,
);
