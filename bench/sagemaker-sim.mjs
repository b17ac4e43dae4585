// The child process of bench/sagemaker-wait.mjs (bundled from src/ by it, never run as it is): one simulated 2-hour,
// 4-host SageMaker job with 1 million log lines, run through the real pipeline (runTraining) and SageMakerBackend on a
// virtual clock, then the metric parser alone over the same lines. Prints one JSON object with every figure.
//
// The service is faked at the client boundary: the real SageMaker and CloudWatch Logs clients talk to an HTTP stand-in
// of the JSON APIs in this process (or, with the argument `send`, fakes replace their send()); answers carry the real
// field names and paging, and each call costs CALL_LATENCY_MS of virtual time.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
/* global AbortController */

import { createCloudWatchLogsClient, createSageMakerClient } from '../src/aws/clients.ts';
import { lazySageMakerBackend } from '../src/backends/sagemaker/index.ts';
import { createMetricParser } from '../src/metrics/index.ts';
import { runTraining } from '../src/pipeline/run-training.ts';
import { readRunIdentity } from '../src/run-identity.ts';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const S = 1000;
const HOSTS = 4;
const TOTAL_LINES = Number(process.env.BENCH_SM_LINES ?? 1_000_000);
const LINES_PER_HOST = Math.floor(TOTAL_LINES / HOSTS);
/** Virtual seconds after creation: the hosts' streams appear one by one (the last one late), lines end with training. */
const STREAM_START_S = [250, 262, 290, 610];
const TRAINING_END_S = 7200;
/** Uploading ends here; the status turns Completed just after the first Describe from then on (the worst case). */
const UPLOADED_S = 7230;
const CALL_LATENCY_MS = 50;
/** `http`: real clients against an HTTP stand-in (AWS_ENDPOINT_URL-style); `send`: fakes at the clients' send(). */
const TRANSPORT = process.argv[2] ?? 'http';
/** CloudWatch receives each host's lines in batches this often (the log agent's flush interval). */
const INGEST_EVERY_S = 5;
/** GetLogEvents: at most 10,000 events or 1 MB a page (each event counts its UTF-8 bytes plus 26). */
const PAGE_EVENTS = 10_000;
const PAGE_BYTES = 1_048_576;
/** One line in METRIC_EVERY is a metric line (epoch, loss, accuracy), the way training scripts print them. */
const METRIC_EVERY = 50;
const METRICS = [
  { name: 'train:loss', regex: 'loss=([0-9.]+)' },
  { name: 'validation:accuracy', regex: 'accuracy=([0-9.]+)' },
  { name: 'epoch', regex: 'epoch=(\\d+)' },
];

const JOB = 'bench-4242-1-abcdef';
const REGION = 'us-east-1';
const ARN = `arn:aws:sagemaker:${REGION}:123456789012:training-job/${JOB}`;
const STREAMS = STREAM_START_S.map((_, i) => `${JOB}/algo-${i + 1}-1772366400`);

/** Line `i` of host `h` (1-based), generated when read so the fake holds no log in memory. */
function lineOf(h, i) {
  const step = i + 1;
  const epoch = Math.floor((step * 100) / LINES_PER_HOST) + 1;
  if (step % METRIC_EVERY === 0) {
    const loss = (2.5 / Math.sqrt(step)).toFixed(4);
    const accuracy = (0.5 + 0.45 * (step / LINES_PER_HOST)).toFixed(4);
    return `epoch=${epoch} step=${step} loss=${loss} accuracy=${accuracy}`;
  }
  const seconds = String(step % 60).padStart(2, '0');
  return (
    `[2026-03-01 13:${String(Math.floor(step / 60) % 60).padStart(2, '0')}:${seconds}.${String(step % 1000).padStart(3, '0')} ` +
    `algo-${h}:${100 + h} INFO train.py:212] step ${step}/${LINES_PER_HOST} lr=0.000300 ` +
    `throughput=${(800 + (step % 97)).toFixed(1)} samples/s gpu_mem=21.${step % 10}GiB`
  );
}

/**
 * How many lines of host `h` CloudWatch holds at virtual second `s`: written evenly from its stream's start to the end
 * of training, and delivered in batches every INGEST_EVERY_S (the log agent's flush interval).
 */
function linesWritten(h, at) {
  const start = STREAM_START_S[h - 1];
  const s = Math.floor(at / INGEST_EVERY_S) * INGEST_EVERY_S;
  if (s < start) return 0;
  return Math.min(LINES_PER_HOST, Math.floor((LINES_PER_HOST * (s - start)) / (TRAINING_END_S - start)));
}

// ---------------------------------------------------------------------------------------------------------------
// The virtual clock and the fake service.

let t = T0;
const elapsedS = () => (t - T0) / S;
const elapsedMs = () => t - T0;
const now = () => new Date(t);
const memory = { startRssMiB: process.memoryUsage().rss / 2 ** 20, peakHeapUsedMiB: 0, peakRssSampledMiB: 0 };
const sleep = (ms, signal) => {
  if (signal?.aborted) return Promise.reject(signal.reason);
  t += Math.max(0, ms);
  const m = process.memoryUsage();
  memory.peakHeapUsedMiB = Math.max(memory.peakHeapUsedMiB, m.heapUsed / 2 ** 20);
  memory.peakRssSampledMiB = Math.max(memory.peakRssSampledMiB, m.rss / 2 ** 20);
  return Promise.resolve();
};

const calls = new Map();
/** Virtual milliseconds of every GetLogEvents per stream, and of every Describe. */
const logCallTimes = new Map(STREAMS.map((s) => [s, []]));
const describeTimes = [];
let completedAt;
let completionSeenAt;

function count(operation) {
  calls.set(operation, (calls.get(operation) ?? 0) + 1);
  t += CALL_LATENCY_MS;
}

function awsError(name, status, message) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

function transitions() {
  const s = elapsedS();
  const all = [
    { Status: 'Starting', at: 0, StatusMessage: 'Preparing the instances for training' },
    { Status: 'Downloading', at: 180, StatusMessage: 'Downloading input data' },
    { Status: 'Training', at: 240, StatusMessage: 'Training image download completed. Training in progress.' },
    { Status: 'Uploading', at: TRAINING_END_S, StatusMessage: 'Uploading generated training model' },
  ];
  if (completedAt !== undefined)
    all.push({ Status: 'Completed', at: completedAt, StatusMessage: 'Training job completed' });
  return all.filter((x) => x.at <= s).map(({ at, ...x }) => ({ ...x, StartTime: new Date(T0 + at * S) }));
}

function describeJob() {
  const s = elapsedS();
  describeTimes.push(elapsedMs());
  const seen = transitions();
  const done = completedAt !== undefined;
  if (done) completionSeenAt ??= s;
  const answer = {
    TrainingJobName: JOB,
    TrainingJobArn: ARN,
    TrainingJobStatus: done ? 'Completed' : 'InProgress',
    SecondaryStatus: seen.at(-1)?.Status ?? 'Starting',
    SecondaryStatusTransitions: seen,
    CreationTime: new Date(T0),
    ResourceConfig: { InstanceType: 'ml.g5.12xlarge', InstanceCount: HOSTS, VolumeSizeInGB: 100 },
    ...(done
      ? {
          TrainingStartTime: new Date(T0 + 240 * S),
          TrainingEndTime: new Date(T0 + completedAt * S),
          TrainingTimeInSeconds: Math.round(completedAt - 240),
          BillableTimeInSeconds: Math.round(completedAt - 240),
          ModelArtifacts: { S3ModelArtifacts: `s3://bucket/models/${JOB}/output/model.tar.gz` },
          FinalMetricDataList: [
            { MetricName: 'validation:accuracy', Value: 0.95, Timestamp: new Date(T0 + TRAINING_END_S * S) },
          ],
        }
      : {}),
  };
  // The worst case for noticing: the status changes just after a Describe saw it unchanged.
  if (!done && s >= UPLOADED_S) completedAt = s + 0.001;
  return answer;
}

function describeLogStreams(input) {
  const s = elapsedS();
  const visible = STREAMS.filter(
    (name, i) => s >= STREAM_START_S[i] && name.startsWith(input.logStreamNamePrefix ?? ''),
  );
  if (visible.length === 0) {
    // Before the account's first training job wrote a line, the group itself does not exist.
    throw awsError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
  }
  return { logStreams: visible.map((logStreamName) => ({ logStreamName, arn: `arn:${logStreamName}` })) };
}

let linesServed = 0;
function getLogEvents(input) {
  const stream = input.logStreamName;
  const h = STREAMS.indexOf(stream) + 1;
  if (h === 0) throw awsError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
  logCallTimes.get(stream).push(elapsedMs());
  const from = input.nextToken ? Number(input.nextToken.slice(2)) : 0;
  const available = linesWritten(h, elapsedS());
  const events = [];
  let bytes = 0;
  for (let i = from; i < available && events.length < PAGE_EVENTS; i++) {
    const message = lineOf(h, i);
    bytes += Buffer.byteLength(message) + 26;
    if (bytes > PAGE_BYTES) break;
    const start = STREAM_START_S[h - 1];
    const timestamp = T0 + Math.round((start + (i / LINES_PER_HOST) * (TRAINING_END_S - start)) * S);
    events.push({ timestamp, message, ingestionTime: timestamp + 800 });
  }
  linesServed += events.length;
  const end = from + events.length;
  return { events, nextForwardToken: `f/${end}`, nextBackwardToken: `b/${from}` };
}

/** The fake service: one call of `operation` with its JSON input. */
function serve(operation, input) {
  count(operation);
  switch (operation) {
    case 'CreateTrainingJob':
      return { TrainingJobArn: ARN };
    case 'DescribeTrainingJob':
      return describeJob();
    case 'DescribeLogStreams':
      return describeLogStreams(input);
    case 'GetLogEvents':
      return getLogEvents(input);
    default:
      throw awsError('UnknownOperationException', 400, operation);
  }
}

/** The same service over HTTP (awsJson 1.1, as the real endpoints speak it), in this process so it shares the clock. */
async function startHttpStandIn() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let status = 200;
      let body;
      try {
        body = serve(target.slice(target.indexOf('.') + 1), JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (err) {
        status = err.$metadata?.httpStatusCode ?? 500;
        body = { __type: err.name, message: err.message };
      }
      // Timestamps travel as epoch seconds.
      const json = JSON.stringify(body, function (key, value) {
        return this[key] instanceof Date ? this[key].getTime() / S : value;
      });
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

// The clients come from the project's own factories (retries as configured there), pointed at the stand-in the way a
// user would point them elsewhere: AWS_ENDPOINT_URL and credentials in the environment.
const server = TRANSPORT === 'http' ? await startHttpStandIn() : undefined;
if (server) process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${server.address().port}`;
process.env.AWS_ACCESS_KEY_ID = 'AKIDBENCHMARK';
process.env.AWS_SECRET_ACCESS_KEY = 'not-a-secret';
const clients = [];
/** Remembers the client (to close it afterwards); with `send`, replaces its send() with the fake service. */
function prepared(client) {
  clients.push(client);
  // At the clients' send(): no HTTP, no (de)serialisation; the commands are the SDK's own.
  if (TRANSPORT === 'send')
    client.send = async (command) => serve(command.constructor.name.replace(/Command$/, ''), command.input);
  return client;
}

// ---------------------------------------------------------------------------------------------------------------
// The run, through the pipeline, with a logger that counts lines and discards them (printing 1 million lines would
// measure the terminal, not the backend).

const logged = { info: 0, warning: 0, error: 0, debug: 0, lines: [] };
const keep = (level) => (message) => {
  logged[level] += 1;
  if (level !== 'info' || !message.includes(' | ')) logged.lines.push(`${level}: ${message}`);
};
const logger = {
  info: keep('info'),
  warning: keep('warning'),
  error: keep('error'),
  debug: keep('debug'),
  group: (_title, fn) => fn(),
};

const request = {
  mode: 'sagemaker',
  workspace: '/tmp',
  region: REGION,
  image: { kind: 'prebuilt', uri: `123456789012.dkr.ecr.${REGION}.amazonaws.com/train:abc` },
  job: {
    name: JOB,
    namePrefix: 'bench',
    roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
    instanceType: 'ml.g5.12xlarge',
    instanceCount: HOSTS,
    volumeSizeGb: 100,
    maxRuntimeSeconds: 4 * 3600,
    environment: {},
    capacityRetries: 0,
  },
  channels: [
    {
      name: 'training',
      source: { kind: 's3', uri: 's3://bucket/data/', bucket: 'bucket', key: 'data/' },
      inputMode: 'File',
      distribution: 'FullyReplicated',
      compression: 'None',
      recordWrapper: 'None',
    },
  ],
  output: { kind: 's3', uri: 's3://bucket/models/', bucket: 'bucket', key: 'models/' },
  hyperparameters: { epochs: '100' },
  metrics: METRICS,
  local: { gpu: 'required', cancelGraceSeconds: 5 },
  tags: {},
  wait: true,
};

// What the pipeline's default backend for sagemaker mode is, with the virtual clock.
const backend = lazySageMakerBackend({
  sagemaker: async (region) => prepared(await createSageMakerClient(region)),
  logs: async (region) => prepared(await createCloudWatchLogsClient(region)),
  sleep,
  now,
  random: () => 0.5,
  identity: readRunIdentity({ GITHUB_RUN_ID: '4242' }),
});
const wallStart = performance.now();
const cpuStart = process.cpuUsage();
const result = await runTraining(request, {
  docker: {},
  logger,
  signal: new AbortController().signal,
  identity: readRunIdentity({ GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' }),
  now,
  random: () => 0.5,
  backendFor: () => backend,
});
const runWallS = (performance.now() - wallStart) / 1000;
const runCpu = process.cpuUsage(cpuStart);
const runMaxRssKiB = process.resourceUsage().maxRSS;
globalThis.gc?.();
memory.heapUsedAfterGcMiB = process.memoryUsage().heapUsed / 2 ** 20;
const endedS = elapsedS();
for (const client of clients) client.destroy();
server?.closeAllConnections();
server?.close();

// ---------------------------------------------------------------------------------------------------------------
// The metric parser alone, over the same 1 million lines, generated 10,000 at a time outside the timed part.

let parser;
let parseS = 0;
if (process.argv.includes('--parser')) {
  parser = createMetricParser(METRICS, () => 0);
  const batch = [];
  for (let h = 1; h <= HOSTS; h++) {
    for (let from = 0; from < LINES_PER_HOST; from += 10_000) {
      batch.length = 0;
      for (let i = from; i < Math.min(LINES_PER_HOST, from + 10_000); i++) batch.push(lineOf(h, i));
      const started = performance.now();
      for (const line of batch) parser.feed(line);
      parseS += (performance.now() - started) / 1000;
    }
  }
}

const perStream = STREAMS.map((stream, i) => {
  const times = logCallTimes.get(stream);
  const lifeHours = (endedS - STREAM_START_S[i]) / 3600;
  const gaps = times.slice(1).map((x, k) => x - times[k]);
  return {
    stream,
    calls: times.length,
    perHour: times.length / lifeHours,
    shortGaps: gaps.filter((g) => g < 10 * S).length,
  };
});
const describeGaps = describeTimes.slice(1).map((x, k) => x - describeTimes[k]);

console.log(
  JSON.stringify({
    transport: TRANSPORT,
    simulatedSeconds: endedS,
    calls: Object.fromEntries(calls),
    perStream,
    minDescribeGapS: Math.min(...describeGaps) / S,
    completedAtS: completedAt,
    completionSeenAtS: completionSeenAt,
    status: result.status,
    metrics: result.metrics,
    seriesPoints: Object.values(result.metricSeries).reduce((n, points) => n + points.length, 0),
    linesServed,
    hostLinesLogged: logged.info - logged.lines.filter((l) => l.startsWith('info: ')).length,
    otherLogLines: logged.lines,
    runWallS,
    runCpuS: (runCpu.user + runCpu.system) / 1e6,
    runMaxRssMiB: runMaxRssKiB / 1024,
    memory,
    ...(parser && {
      parser: {
        lines: HOSTS * LINES_PER_HOST,
        seconds: parseS,
        points: Object.values(parser.series()).reduce((n, p) => n + p.length, 0),
      },
    }),
  }),
);
