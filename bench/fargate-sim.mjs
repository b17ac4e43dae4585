// The child process of bench/fargate-wait.mjs (bundled from src/ by it, never run as it is): one simulated 2-hour
// fargate run, the runner's ECS task PROVISIONING → PENDING → RUNNING → STOPPED (exit 0), run through the real pipeline
// (runTraining) and FargateBackend on a virtual clock. Prints one JSON object with every figure.
//
// The service is faked at the client boundary: the real ECS, CloudWatch Logs, S3 (and SageMaker, unused unless
// cancelled) clients talk to an HTTP stand-in in this process, selected with AWS_ENDPOINT_URL: ECS and CloudWatch Logs
// as awsJson 1.1 (X-Amz-Target), S3 as REST-XML, path style (the SDK's choice for an IP endpoint). Answers carry the
// real field names; each call costs CALL_LATENCY_MS of virtual time.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
/* global AbortController */

import { createCloudWatchLogsClient, createEcsClient, createSageMakerClient } from '../src/aws/clients.ts';
import { createS3Client } from '../src/aws/s3.ts';
import { lazyFargateBackend } from '../src/backends/fargate/index.ts';
import { runTraining } from '../src/pipeline/run-training.ts';
import { readRunIdentity } from '../src/run-identity.ts';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const S = 1000;
const CALL_LATENCY_MS = 50;
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const JOB = 'bench-4242-1-abcdef';
const CLUSTER = 'ml-ci';
const FAMILY = 'sagemaker-training-runner';
const CONTAINER = 'runner';
const TASK_ID = '5f0c1e2d3b4a49c8a7e6d5c4b3a29180';
const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`;
const TASK_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/${TASK_ID}`;
const TASK_DEF_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${FAMILY}:7`;
const LOG_GROUP = `/ecs/${FAMILY}`;
const LOG_STREAM = `runner/${CONTAINER}/${TASK_ID}`;
const BUCKET = 'bucket';
const RESULT_KEY = `models/${JOB}/result.json`;

/** Virtual seconds after T0 (the run's start; RunTask comes a moment later). */
const PENDING_S = 20;
const PULL_START_S = 25;
const PULL_STOP_S = 70;
const RUNNING_S = 75;
/** The runner's SageMaker job, as the runner echoes its status transitions. */
const JOB_TRANSITIONS = [
  { at: 80, line: `[${JOB}] Starting: Preparing the instances for training` },
  { at: 260, line: `[${JOB}] Downloading: Downloading input data` },
  { at: 320, line: `[${JOB}] Training: Training image download completed. Training in progress.` },
  { at: 7200, line: `[${JOB}] Uploading: Uploading generated training model` },
  { at: 7230, line: `[${JOB}] Completed: Training job completed` },
];
const HOST_LINES_FROM_S = 330;
const HOST_LINES_TO_S = 7195;
const HOST_LINES = Number(process.env.BENCH_FARGATE_LINES ?? 4_000);
/** result.json is written here; the runner exits just after, and the task stops (seen by the first Describe after). */
const RESULT_WRITTEN_S = 7233;
const RUNNER_EXIT_S = 7234;
/** The awslogs driver sends the container's lines in batches this often. */
const INGEST_EVERY_S = 5;
/** GetLogEvents: at most 10,000 events or 1 MB a page (each event counts its UTF-8 bytes plus 26). */
const PAGE_EVENTS = 10_000;
const PAGE_BYTES = 1_048_576;

/** The runner's whole output, as CloudWatch will hold it: status lines and the job's host lines, in time order. */
function runnerLog() {
  const events = [
    { at: RUNNING_S + 0.4, message: `Runner: training job ${JOB}, request from the environment` },
    ...JOB_TRANSITIONS.map(({ at, line }) => ({ at, message: line })),
    { at: RESULT_WRITTEN_S, message: `Result written to s3://${BUCKET}/${RESULT_KEY}` },
  ];
  for (let i = 0; i < HOST_LINES; i++) {
    const step = i + 1;
    const at = HOST_LINES_FROM_S + ((HOST_LINES_TO_S - HOST_LINES_FROM_S) * i) / HOST_LINES;
    const message =
      step % 20 === 0
        ? `algo-1 | epoch=${Math.floor(step / 200) + 1} step=${step} loss=${(2.5 / Math.sqrt(step)).toFixed(4)} accuracy=${(0.5 + (0.45 * step) / HOST_LINES).toFixed(4)}`
        : `algo-1 | [2026-03-01 13:${String(Math.floor(at / 60) % 60).padStart(2, '0')}:${String(Math.floor(at) % 60).padStart(2, '0')} ` +
          `INFO train.py:212] step ${step}/${HOST_LINES} lr=0.000300 throughput=${(800 + (step % 97)).toFixed(1)} samples/s`;
    events.push({ at, message });
  }
  return events.sort((a, b) => a.at - b.at).map(({ at, message }) => ({ timestamp: T0 + Math.round(at * S), message }));
}
const LOG = runnerLog();

// ---------------------------------------------------------------------------------------------------------------
// The virtual clock and the fake service.

let t = T0;
const elapsedS = () => (t - T0) / S;
const now = () => new Date(t);
const sleep = (ms, signal) => {
  if (signal?.aborted) return Promise.reject(signal.reason);
  t += Math.max(0, ms);
  return Promise.resolve();
};

const calls = new Map();
/** Virtual seconds of every call, by operation. */
const callTimes = new Map();
let runTaskAtS;
let stoppedAtS;
let stoppedSeenAtS;
const objects = new Map();

function count(operation) {
  calls.set(operation, (calls.get(operation) ?? 0) + 1);
  t += CALL_LATENCY_MS;
  if (!callTimes.has(operation)) callTimes.set(operation, []);
  callTimes.get(operation).push(elapsedS());
}

function awsError(name, status, message) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

const at = (s) => new Date(T0 + s * S);

function taskDefinition() {
  return {
    taskDefinitionArn: TASK_DEF_ARN,
    family: FAMILY,
    revision: 7,
    status: 'ACTIVE',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '512',
    memory: '1024',
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker-train-runner-task`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker-train-runner-execution`,
    containerDefinitions: [
      {
        name: CONTAINER,
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/sagemaker-train-runner:1.4.0`,
        essential: true,
        cpu: 0,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': LOG_GROUP, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'runner' },
        },
      },
    ],
  };
}

/** The task as DescribeTasks shows it at virtual second `s`. */
function task(s) {
  const stopped = stoppedAtS !== undefined && s >= stoppedAtS;
  const exiting = s >= RUNNER_EXIT_S;
  const lastStatus = stopped
    ? 'STOPPED'
    : exiting
      ? 'DEACTIVATING'
      : s >= RUNNING_S
        ? 'RUNNING'
        : s >= PENDING_S
          ? 'PENDING'
          : 'PROVISIONING';
  const container = {
    containerArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container/${CLUSTER}/${TASK_ID}/8d1c6b7e-2f3a-4b5c-9d8e-7f6a5b4c3d2e`,
    taskArn: TASK_ARN,
    name: CONTAINER,
    image: taskDefinition().containerDefinitions[0].image,
    lastStatus: exiting ? 'STOPPED' : s >= RUNNING_S ? 'RUNNING' : 'PENDING',
    networkBindings: [],
    networkInterfaces: s >= PENDING_S ? [{ attachmentId: 'eni-attach-1', privateIpv4Address: '10.0.1.23' }] : [],
    healthStatus: 'UNKNOWN',
    cpu: '0',
    ...(s >= RUNNING_S ? { runtimeId: `${TASK_ID}-2531612879` } : {}),
    ...(exiting ? { exitCode: 0 } : {}),
  };
  return {
    taskArn: TASK_ARN,
    clusterArn: CLUSTER_ARN,
    taskDefinitionArn: TASK_DEF_ARN,
    lastStatus,
    desiredStatus: exiting ? 'STOPPED' : 'RUNNING',
    launchType: 'FARGATE',
    capacityProviderName: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    availabilityZone: `${REGION}a`,
    connectivity: s >= PENDING_S ? 'CONNECTED' : undefined,
    cpu: '512',
    memory: '1024',
    group: `family:${FAMILY}`,
    startedBy: JOB,
    version: stopped ? 5 : exiting ? 4 : s >= RUNNING_S ? 3 : s >= PENDING_S ? 2 : 1,
    createdAt: at(runTaskAtS),
    ...(s >= PULL_START_S ? { pullStartedAt: at(PULL_START_S) } : {}),
    ...(s >= PULL_STOP_S ? { pullStoppedAt: at(PULL_STOP_S) } : {}),
    ...(s >= RUNNING_S ? { startedAt: at(RUNNING_S) } : {}),
    ...(exiting
      ? {
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          stoppingAt: at(RUNNER_EXIT_S),
          executionStoppedAt: at(RUNNER_EXIT_S),
        }
      : {}),
    ...(stopped ? { stoppedAt: at(stoppedAtS) } : {}),
    attachments: [
      {
        id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
        type: 'ElasticNetworkInterface',
        status: stopped ? 'DELETED' : s >= PENDING_S ? 'ATTACHED' : 'PRECREATED',
        details: [
          { name: 'subnetId', value: 'subnet-0abc1234' },
          { name: 'networkInterfaceId', value: 'eni-0123456789abcdef0' },
        ],
      },
    ],
    containers: [container],
    overrides: { containerOverrides: [{ name: CONTAINER }], inferenceAcceleratorOverrides: [] },
    tags: [],
  };
}

function describeTasks(input) {
  const s = elapsedS();
  const known = (input.tasks ?? []).filter((arn) => arn === TASK_ARN || arn === TASK_ID);
  const answer = {
    tasks: known.map(() => task(s)),
    failures: (input.tasks ?? []).filter((arn) => !known.includes(arn)).map((arn) => ({ arn, reason: 'MISSING' })),
  };
  if (stoppedAtS !== undefined && s >= stoppedAtS) stoppedSeenAtS ??= s;
  // The worst case for noticing: the task stops just after a Describe saw it still stopping.
  if (stoppedAtS === undefined && s >= RUNNER_EXIT_S) stoppedAtS = s + 0.001;
  return answer;
}

let linesServed = 0;
function getLogEvents(input) {
  if (input.logGroupName !== LOG_GROUP) {
    throw awsError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
  }
  // Delivered in the driver's batches; the stream appears with its first batch.
  const delivered = Math.floor(elapsedS() / INGEST_EVERY_S) * INGEST_EVERY_S;
  const available = LOG.findIndex((e) => e.timestamp > T0 + delivered * S);
  const end = available === -1 ? LOG.length : available;
  if (input.logStreamName !== LOG_STREAM || end === 0) {
    throw awsError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
  }
  const from = input.nextToken ? Number(input.nextToken.slice(2, input.nextToken.indexOf('/', 2))) : 0;
  const events = [];
  let bytes = 0;
  for (let i = from; i < end && events.length < Math.min(PAGE_EVENTS, input.limit ?? PAGE_EVENTS); i++) {
    const { timestamp, message } = LOG[i];
    bytes += Buffer.byteLength(message) + 26;
    if (bytes > PAGE_BYTES) break;
    events.push({ timestamp, message, ingestionTime: timestamp + 900 });
  }
  linesServed += events.length;
  // At the end of the stream the token sent comes back (GetLogEvents' documented "no more events" signal).
  const next = from + events.length;
  return { events, nextForwardToken: `f/${next}/s`, nextBackwardToken: `b/${from}/s` };
}

/** The JSON APIs: one call of `operation` with its input. */
function serveJson(operation, input) {
  count(operation);
  switch (operation) {
    case 'DescribeTaskDefinition':
      if (![FAMILY, `${FAMILY}:7`, TASK_DEF_ARN].includes(input.taskDefinition)) {
        throw awsError('ClientException', 400, 'Unable to describe task definition.');
      }
      return { taskDefinition: taskDefinition(), tags: [] };
    case 'RunTask':
      runTaskAtS = elapsedS();
      return { tasks: [task(runTaskAtS)], failures: [] };
    case 'DescribeTasks':
      return describeTasks(input);
    case 'StopTask':
      stoppedAtS ??= elapsedS() + 30;
      return { task: task(elapsedS()) };
    case 'GetLogEvents':
      return getLogEvents(input);
    default:
      throw awsError('UnknownOperationException', 400, `${operation} is not part of the stand-in`);
  }
}

const xmlError = (code, message, key) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
  `<Key>${key}</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>`;

/** S3, path style: PUT and GET of one object. */
function serveS3(method, path, body, res) {
  const [bucket, ...rest] = decodeURIComponent(path.split('?')[0]).slice(1).split('/');
  const key = rest.join('/');
  const etag = (text) => `"${Buffer.from(text).toString('hex').slice(0, 32).padEnd(32, '0')}"`;
  if (method === 'PUT') {
    count('PutObject');
    objects.set(`${bucket}/${key}`, { body, lastModified: now() });
    res.writeHead(200, { etag: etag(body), 'content-length': 0 });
    return res.end();
  }
  if (method === 'GET') {
    count('GetObject');
    if (key === RESULT_KEY && elapsedS() >= RESULT_WRITTEN_S && !objects.has(`${bucket}/${key}`)) {
      const result = {
        mode: 'sagemaker',
        jobName: JOB,
        status: 'Completed',
        metrics: { 'validation:accuracy': 0.95 },
        metricSeries: {},
        imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/train:abc`,
        instanceType: 'ml.g5.12xlarge',
        instanceCount: 1,
        startedAt: at(80).toISOString(),
        endedAt: at(7230).toISOString(),
        durationSeconds: 7150,
        logTail: [],
        links: [],
      };
      objects.set(`${bucket}/${key}`, { body: JSON.stringify(result), lastModified: at(RESULT_WRITTEN_S) });
    }
    const object = objects.get(`${bucket}/${key}`);
    if (!object) {
      const xml = xmlError('NoSuchKey', 'The specified key does not exist.', key);
      res.writeHead(404, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
      return res.end(xml);
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(object.body),
      'last-modified': object.lastModified.toUTCString(),
      etag: etag(object.body),
      'accept-ranges': 'bytes',
    });
    return res.end(object.body);
  }
  count(`S3 ${method}`);
  const xml = xmlError('MethodNotAllowed', 'The specified method is not allowed against this resource.', key);
  res.writeHead(405, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  return res.end(xml);
}

/** The stand-in, in this process so it shares the clock: X-Amz-Target selects a JSON API, anything else is S3. */
async function startHttpStandIn() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target) return serveS3(req.method, req.url ?? '/', text, res);
      let status = 200;
      let body;
      try {
        body = serveJson(target.slice(target.indexOf('.') + 1), JSON.parse(text || '{}'));
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
      return res.end(json);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

// The clients come from the project's own factories, pointed at the stand-in the way a user would point them
// elsewhere: AWS_ENDPOINT_URL and credentials in the environment.
const server = await startHttpStandIn();
process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${server.address().port}`;
process.env.AWS_ACCESS_KEY_ID = 'AKIDBENCHMARK';
process.env.AWS_SECRET_ACCESS_KEY = 'not-a-secret';
const clients = [];
const kept = (create) => async (region) => {
  const client = await create(region);
  clients.push(client);
  return client;
};

// ---------------------------------------------------------------------------------------------------------------
// The run, through the pipeline, with a logger that counts lines and discards them.

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
  mode: 'fargate',
  workspace: '/tmp',
  region: REGION,
  image: { kind: 'prebuilt', uri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/train:abc` },
  job: {
    name: JOB,
    namePrefix: 'bench',
    roleArn: `arn:aws:iam::${ACCOUNT}:role/SageMakerTraining`,
    instanceType: 'ml.g5.12xlarge',
    instanceCount: 1,
    volumeSizeGb: 100,
    maxRuntimeSeconds: 4 * 3600,
    environment: {},
    capacityRetries: 0,
  },
  channels: [
    {
      name: 'training',
      source: { kind: 's3', uri: `s3://${BUCKET}/data/`, bucket: BUCKET, key: 'data/' },
      inputMode: 'File',
      distribution: 'FullyReplicated',
      compression: 'None',
      recordWrapper: 'None',
    },
  ],
  output: { kind: 's3', uri: `s3://${BUCKET}/models/`, bucket: BUCKET, key: 'models/' },
  hyperparameters: { epochs: '100' },
  metrics: [{ name: 'validation:accuracy', regex: 'accuracy=([0-9.]+)' }],
  local: { gpu: 'required', cancelGraceSeconds: 5 },
  tags: {},
  fargate: {
    cluster: CLUSTER,
    taskDefinition: FAMILY,
    container: CONTAINER,
    subnets: ['subnet-0abc1234'],
    securityGroups: ['sg-0abc1234'],
    assignPublicIp: false,
    capacity: 'FARGATE',
  },
  wait: true,
};

// What the pipeline's default backend for fargate mode is, with the virtual clock.
const backend = lazyFargateBackend({
  ecs: kept(createEcsClient),
  s3: kept(createS3Client),
  logs: kept(createCloudWatchLogsClient),
  sagemaker: kept(createSageMakerClient),
  sleep,
  now,
  random: () => 0.5,
  identity: readRunIdentity({ GITHUB_RUN_ID: '4242' }),
});
const memoryBefore = process.memoryUsage().rss / 2 ** 20;
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
const endedS = elapsedS();
for (const client of clients) client.destroy();
server.closeAllConnections();
server.close();

const gaps = (times) => times.slice(1).map((x, k) => x - times[k]);
const logTimes = callTimes.get('GetLogEvents') ?? [];
const describeGaps = gaps(callTimes.get('DescribeTasks') ?? []);

console.log(
  JSON.stringify({
    simulatedSeconds: endedS,
    runTaskAtS,
    stoppedAtS,
    stoppedSeenAtS,
    calls: Object.fromEntries(calls),
    minDescribeGapS: Math.min(...describeGaps),
    logGetsBeforeStop: logTimes.filter((x) => x <= stoppedSeenAtS).length,
    shortLogGaps: gaps(logTimes.filter((x) => x <= stoppedSeenAtS)).filter((g) => g < 10).length,
    status: result.status,
    failureReason: result.failureReason,
    taskArn: result.taskArn,
    metrics: result.metrics,
    logLines: LOG.length,
    linesServed,
    runnerLinesLogged: logged.info - logged.lines.filter((l) => l.startsWith('info: ')).length,
    otherLogLines: logged.lines,
    runWallS,
    runCpuS: (runCpu.user + runCpu.system) / 1e6,
    runMaxRssMiB: runMaxRssKiB / 1024,
    startRssMiB: memoryBefore,
  }),
);
