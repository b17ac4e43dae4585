// The Fargate runner: how long from its process start to CreateTrainingJob on the wire (container start excluded),
// and the size of its image. The runner is spawned as the task runs it (`node dist/cli.js runner`, request inline)
// against an in-process stand-in of the SageMaker API selected with AWS_ENDPOINT_URL.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { CLI, median, OFFLINE_BASE_IMAGE, report, requireCli, ROOT, run } from './lib.mjs';

const LABEL = 'runner start to CreateTrainingJob';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;

requireCli(LABEL);

const JOB = 'bench-runner-1';
const envelope = {
  version: 1,
  jobName: JOB,
  imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:bench',
  github: { GITHUB_REPOSITORY: 'octo/repo', GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' },
  request: {
    mode: 'fargate',
    workspace: '/tmp',
    region: 'us-east-1',
    image: { kind: 'prebuilt', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:bench' },
    job: {
      namePrefix: 'bench',
      roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 3600,
      environment: {},
      capacityRetries: 0,
    },
    channels: [],
    output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
    hyperparameters: {},
    metrics: [],
    local: { gpu: 'required', cancelGraceSeconds: 5 },
    tags: {},
    wait: true,
  },
};

// CreateTrainingJob is answered with a validation error once timed, so each runner ends at once (result written).
let onCreate;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target === 'SageMaker.CreateTrainingJob') {
      onCreate?.(performance.now());
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'ValidationException', message: 'benchmark: not created' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(target ? '{}' : '');
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const env = {
  PATH: process.env.PATH,
  AWS_ENDPOINT_URL: endpoint,
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'not-a-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  TRAINING_REQUEST_JSON: JSON.stringify(envelope),
  TRAINING_REQUEST_URI: `s3://bucket/out/${JOB}/request.json`,
};

function once() {
  return new Promise((resolve, reject) => {
    let created;
    onCreate = (t) => (created = t);
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'runner'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (created === undefined) reject(new Error(`the runner exited ${code} without CreateTrainingJob:\n${stderr}`));
      else resolve(created - started);
    });
  });
}

await once(); // warm-up: file cache
const times = [];
for (let i = 0; i < RUNS; i++) times.push(await once());
server.close();
const bare = median(Array.from({ length: RUNS }, () => run(process.execPath, ['-e', '']).seconds * 1000));
const ms = median(times);
report(
  LABEL,
  `median ${ms.toFixed(0)} ms over ${RUNS} runs (node itself: ${bare.toFixed(0)} ms)`,
  `≤ ${TARGET_MS} ms`,
  ms <= TARGET_MS,
);

// The image: built from runner/Dockerfile on an offline Node base (this machine's node on the offline Debian base),
// since no public image can be pulled here. Its own layers are what the runner adds to whatever base is used.
const SIZE_LABEL = 'runner image size';
const docker = (args, options = {}) => spawnSync('docker', args, { cwd: ROOT, encoding: 'utf8', ...options });
if (docker(['info', '--format', '{{.ServerVersion}}']).status !== 0) {
  console.log(`${SIZE_LABEL}: skipped, no Docker engine`);
  process.exit(0);
}
const nodeBase = `sagemaker-train/node-offline:v${process.versions.node}`;
const legacy = { env: { ...process.env, DOCKER_BUILDKIT: '0' } };
if (docker(['image', 'inspect', nodeBase]).status !== 0) {
  const dir = mkdtempSync(join(tmpdir(), 'smt-node-base-'));
  copyFileSync(process.execPath, join(dir, 'node'));
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${OFFLINE_BASE_IMAGE}\nCOPY node /usr/local/bin/node\n`);
  const built = docker(['build', '-q', '-t', nodeBase, dir], legacy);
  rmSync(dir, { recursive: true, force: true });
  if (built.status !== 0) {
    console.log(`${SIZE_LABEL}: skipped, the offline Node base could not be built: ${built.stderr.trim()}`);
    process.exit(0);
  }
}
const tag = 'sagemaker-train/runner:bench';
const build = docker(
  ['build', '-q', '-f', 'runner/Dockerfile', '--build-arg', `BASE_IMAGE=${nodeBase}`, '-t', tag, '.'],
  legacy,
);
if (build.status !== 0) throw new Error(`docker build runner/Dockerfile failed:\n${build.stderr}`);
const size = (image) => Number(docker(['image', 'inspect', '--format', '{{.Size}}', image]).stdout.trim());
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const total = size(tag);
const own = total - size(nodeBase);
console.log(
  `${SIZE_LABEL}: ${mb(total)} on the offline base (${mb(size(nodeBase))}); the runner's own layers ${mb(own)} ` +
    `(no target: any Node 20.19+ base works; node:24-bookworm-slim is the default)`,
);
