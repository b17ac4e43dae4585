// The run cache: from process start to the verdict of a reused run in sagemaker mode (`node dist/cli.js run`), with a
// 1,000-object S3 channel and a 200 MB local channel committed in a git checkout, against the stand-ins of SageMaker,
// CloudWatch Logs and S3 (test/helpers/aws-standin.ts, bundled here, in this process; AWS_ENDPOINT_URL). The index
// entry and the artifacts it names are seeded under the fingerprint `sagemaker-train fingerprint --json` prints.
// Figures: the median time to the verdict, and the AWS calls one reused run makes, by operation.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus as cpuList, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { build } from 'esbuild';

import { CLI, median, report, requireCli, ROOT, workDir } from './lib.mjs';

const LABEL = 'reuse';
const cpuCount = () => cpuList().length;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_S = 1.5;
const S3_OBJECTS = 1000;
const LOCAL_FILES = 200;
const LOCAL_FILE_BYTES = 1024 * 1024;
const DIGEST = `sha256:${'5e'.repeat(32)}`;
const JOB = 'bench-reuse-1';

requireCli(LABEL);
const dir = workDir('reuse');

// The stand-ins, bundled from test/helpers (their API models are read from test/fixtures, where aws-model.ts is).
const standinFile = join(dir, 'standin.mjs');
await build({
  entryPoints: [join(ROOT, 'test', 'helpers', 'aws-standin.ts')],
  outfile: standinFile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'test', 'helpers', 'aws-model.ts')).href) },
  logLevel: 'warning',
});
const { startAwsStandin } = await import(pathToFileURL(standinFile).href);

/** A git checkout with the configuration and a 200 MB local channel, committed (made once, reused after). */
function checkout() {
  const ws = join(dir, 'ws');
  if (existsSync(join(ws, '.git', 'bench-ready'))) return ws;
  spawnSync('rm', ['-rf', ws]);
  mkdirSync(join(ws, 'data'), { recursive: true });
  for (let i = 0; i < LOCAL_FILES; i++)
    writeFileSync(join(ws, 'data', `shard-${i}.bin`), randomBytes(LOCAL_FILE_BYTES));
  writeFileSync(
    join(ws, 'sagemaker-training.yml'),
    [
      'mode: sagemaker',
      'region: us-east-1',
      `image: { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train@${DIGEST}' }`,
      "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: bench }",
      'channels: { training: s3://bucket/data/, local: ./data }',
      'output: s3://bucket/models/',
      'hyperparameters: { epochs: 10 }',
      "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
      '',
    ].join('\n'),
  );
  const git = (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: ws });
    if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'bench');
  writeFileSync(join(ws, '.git', 'bench-ready'), '');
  return ws;
}

const TIME = '/usr/bin/time';
const cpuFile = join(dir, 'cpu.txt');

/**
 * `node dist/cli.js …` in the workspace, asynchronously (the stand-ins answer from this process); with /usr/bin/time
 * where there is one, for the CPU time of the process and its children (git), which a loaded machine does not inflate.
 */
function cli(ws, env, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const timed = existsSync(TIME);
    const command = timed ? [TIME, '-o', cpuFile, '-f', '%U %S', process.execPath] : [process.execPath];
    const child = spawn(command[0], [...command.slice(1), CLI, ...args], { cwd: ws, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpu = timed ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number) : [];
      resolve({ code, stdout, stderr, seconds, cpu: cpu.length === 2 ? cpu[0] + cpu[1] : undefined });
    });
  });
}

const ws = checkout();
const aws = await startAwsStandin({ job: 'completes' });
try {
  for (let i = 0; i < S3_OBJECTS; i++) {
    aws.s3.put('bucket', `data/part-${String(i).padStart(4, '0')}.csv`, `${i},${i * 2},${i % 3}\n`);
  }
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...aws.env, AWS_REGION: 'us-east-1' };

  const printed = await cli(ws, env, ['fingerprint', '--json', '--config', 'sagemaker-training.yml']);
  if (printed.code !== 0) throw new Error(`fingerprint failed:\n${printed.stderr}${printed.stdout}`);
  const { fingerprint, parts } = JSON.parse(printed.stdout);
  const artifacts = ['model', 'output'].map((n) => `models/${JOB}/output/${n}.tar.gz`);
  for (const key of artifacts) aws.s3.put('bucket', key, `${key}\n`);
  const ended = new Date(Date.now() - 3600_000).toISOString();
  const result = {
    mode: 'sagemaker',
    jobName: JOB,
    status: 'Completed',
    metrics: { accuracy: 0.95 },
    metricSeries: { accuracy: [{ timestamp: Date.parse(ended) - 1000, value: 0.95 }] },
    modelArtifacts: `s3://bucket/${artifacts[0]}`,
    outputArtifacts: `s3://bucket/${artifacts[1]}`,
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/train@${DIGEST}`,
    instanceType: 'ml.g5.xlarge',
    instanceCount: 1,
    startedAt: new Date(Date.parse(ended) - 600_000).toISOString(),
    endedAt: ended,
    durationSeconds: 600,
    logTail: [],
    links: [],
  };
  const entry = {
    format: 'sagemaker-train/result-index/v1',
    fingerprint,
    jobName: JOB,
    commit: 'c0ffee'.padEnd(40, '0'),
    ranAt: ended,
    writtenAt: ended,
    parts,
    result,
  };
  aws.s3.put('bucket', `models/_results/${fingerprint}.json`, JSON.stringify(entry));

  const seconds = [];
  const cpus = [];
  let calls = {};
  for (let i = 0; i < RUNS; i++) {
    const before = aws.calls.length;
    const r = await cli(ws, env, ['run', '--json', '--config', 'sagemaker-training.yml']);
    const out = r.code === 0 ? JSON.parse(r.stdout) : undefined;
    if (!out?.reused || aws.callsTo('CreateTrainingJob').length > 0) {
      throw new Error(`run ${i + 1} was not reused (exit ${r.code}):\n${r.stderr.split('\n').slice(-15).join('\n')}`);
    }
    seconds.push(r.seconds);
    if (r.cpu !== undefined) cpus.push(r.cpu);
    if (process.env.BENCH_DEBUG) console.log(r.stderr);
    calls = {};
    for (const c of aws.calls.slice(before)) calls[c.target] = (calls[c.target] ?? 0) + 1;
  }
  const m = median(seconds);
  console.log(
    `${LABEL}: ${S3_OBJECTS} S3 objects and ${LOCAL_FILES} × 1 MiB committed local files; ${RUNS} runs of ` +
      `${seconds.map((s) => s.toFixed(2)).join(', ')} s`,
  );
  if (cpus.length > 0) {
    console.log(
      `${LABEL}: CPU time (user + system, the CLI and git) of each run: ${cpus.map((s) => s.toFixed(2)).join(', ')} s, ` +
        `median ${median(cpus).toFixed(2)} s; load average now ${loadavg()[0].toFixed(1)} on ${cpuCount()} cores`,
    );
  }
  console.log(`${LABEL}: AWS calls of one reused run, by operation`);
  for (const [op, n] of Object.entries(calls).sort()) console.log(`  ${op.padEnd(36)}${String(n).padStart(5)}`);
  report(
    `${LABEL}: median time from process start to the verdict`,
    `${m.toFixed(2)} s`,
    `≤ ${TARGET_S} s`,
    m <= TARGET_S,
  );
} finally {
  await aws.close();
}
