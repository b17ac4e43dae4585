var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var run_OCWSCXTW_exports = {};
__export(run_OCWSCXTW_exports, {
  FargateRun: () => FargateRun
});
module.exports = __defProp(run_OCWSCXTW_exports, "__esModule", { value: true });
var import_chunk_EZNXSEHB = require("./chunk-EZNXSEHB.js");
var import_chunk_J7S55UG5 = require("./chunk-J7S55UG5.js");
var import_chunk_IL3VUA2S = require("./chunk-IL3VUA2S.js");
var import_chunk_GJZ77SZE = require("./chunk-GJZ77SZE.js");
var import_chunk_WAEPYHZO = require("./chunk-WAEPYHZO.js");
var import_chunk_UMA3BQCH = require("./chunk-UMA3BQCH.js");
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_FPYJDWXZ = require("./chunk-FPYJDWXZ.js");
var import_chunk_D546KRQB = require("./chunk-D546KRQB.js");
var import_chunk_2MJ7FFP2 = require("./chunk-2MJ7FFP2.js");
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_IULFMOT4 = require("./chunk-IULFMOT4.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_EEZT73VI = require("./chunk-EEZT73VI.js");
var import_chunk_UTHY2BUW = require("./chunk-UTHY2BUW.js");
var import_chunk_X6HAP4OX = require("./chunk-X6HAP4OX.js");
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var ENVELOPE_IDENTITY_FIELDS = [
  "repository",
  "commit",
  "ref",
  "workflow",
  "runId",
  "runAttempt",
  "serverUrl",
  "apiUrl"
];
function channelsInS3(channels, uploaded) {
  return channels.map((channel) => {
    if (channel.source.kind === "s3") return channel;
    const uri = uploaded[channel.name];
    if (uri === void 0) throw new Error(`Channel ${channel.name} (${channel.source.path}) was not uploaded`);
    return { ...channel, source: (0, import_chunk_SZ5DK7JW.parseS3Uri)(uri) };
  });
}
function buildEnvelope(o) {
  return {
    version: import_chunk_IL3VUA2S.ENVELOPE_VERSION,
    request: { ...o.request, channels: channelsInS3(o.request.channels, o.uploadedChannels) },
    jobName: o.jobName,
    imageUri: o.imageUri,
    ...o.imageTag !== void 0 ? { imageTag: o.imageTag } : {},
    ...o.imageBuilt !== void 0 ? { imageBuilt: o.imageBuilt } : {},
    // As GitHub's variables: the runner reads them back with readRunIdentity, as an entry point reads its own.
    github: (0, import_chunk_QBYG7RQS.identityVariables)(o.identity, ENVELOPE_IDENTITY_FIELDS),
    ...o.report ? { report: o.report } : {},
    ...o.runCache ? { runCache: o.runCache } : {}
  };
}
function runnerEnvironment(container, requestUri, envelopeJson) {
  const uriOnly = [{ name: import_chunk_IL3VUA2S.RunnerEnv.RequestUri, value: requestUri }];
  const withJson = [...uriOnly, { name: import_chunk_IL3VUA2S.RunnerEnv.RequestJson, value: envelopeJson }];
  const fits = (0, import_chunk_J7S55UG5.overridesBytes)({ containerOverrides: [{ name: container, environment: withJson }] }) <= import_chunk_J7S55UG5.MAX_OVERRIDES_BYTES;
  return fits ? { environment: withJson, inline: true } : { environment: uriOnly, inline: false };
}
async function writeEnvelope(o) {
  const uploadedChannels = await (0, import_chunk_WAEPYHZO.uploadLocalChannels)({
    channels: o.request.channels,
    output: o.request.output,
    s3: () => Promise.resolve(o.s3),
    logger: o.logger,
    signal: o.signal
  });
  const json = JSON.stringify(buildEnvelope({ ...o, uploadedChannels }));
  await putEnvelope(o.s3, o.requestUri, json, o.signal);
  return json;
}
async function putEnvelope(client, requestUri, json, signal) {
  await (0, import_chunk_G3PK4UPH.putJsonObject)(client, (0, import_chunk_SZ5DK7JW.parseS3Uri)(requestUri), json, signal);
}
var STATUSES = ["Completed", "Failed", "Stopped", "InProgress"];
async function readResult(client, resultUri, opts = {}) {
  const { GetObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  const { bucket, key } = (0, import_chunk_SZ5DK7JW.parseS3Uri)(resultUri);
  let text;
  let lastModified;
  try {
    const response = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key }),
      opts.signal ? { abortSignal: opts.signal } : {}
    );
    lastModified = response.LastModified;
    text = response.Body ? await response.Body.transformToString("utf8") : "";
  } catch (err) {
    if ((0, import_chunk_EZNXSEHB.isMissingObject)(err)) return { kind: "missing" };
    if ((0, import_chunk_EZNXSEHB.isAccessDenied)(err) && await (0, import_chunk_EZNXSEHB.deniedBecauseMissing)(client, { bucket, key }, opts.signal))
      return { kind: "missing" };
    throw err;
  }
  if (opts.notBefore && lastModified && lastModified.getTime() < opts.notBefore.getTime()) {
    return { kind: "stale", lastModified };
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { kind: "invalid", problem: `not JSON (${(0, import_chunk_OEPHYHQN.messageOf)(err)})` };
  }
  const problem = resultProblem(parsed);
  if (problem) return { kind: "invalid", problem };
  return { kind: "found", result: normalise(parsed) };
}
function resultProblem(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const r = value;
  if (typeof r.jobName !== "string") return "no jobName";
  if (!STATUSES.includes(r.status)) return `status ${JSON.stringify(r.status)} is not a status`;
  if (r.metrics !== void 0 && (typeof r.metrics !== "object" || r.metrics === null))
    return "metrics is not an object";
  return void 0;
}
function normalise(r) {
  return {
    ...r,
    metrics: r.metrics ?? {},
    metricSeries: r.metricSeries ?? {},
    logTail: Array.isArray(r.logTail) ? r.logTail : [],
    links: Array.isArray(r.links) ? r.links : []
  };
}
var MISSING_GRACE_MS = 2 * 6e4;
async function followTask(o) {
  const { describe: describeMs, logs: logsMs } = o.pollIntervalMs;
  const start = o.now().getTime();
  const taskArn = o.first.taskArn ?? "";
  let lastStatus = o.first.lastStatus;
  o.logger.info(`Runner task: ${lastStatus ?? "PROVISIONING"}`);
  const { tail } = o;
  const end = await (0, import_chunk_GJZ77SZE.pollUntil)({
    signal: o.signal,
    now: o.now,
    sleep: o.sleep,
    random: o.random,
    logger: o.logger,
    deadline: o.deadline,
    // RunTask's answer was the first look.
    firstLookAt: start + describeMs,
    lookEveryMs: describeMs,
    lookName: "DescribeTasks",
    look: async (signal) => {
      const task = await describeTask(o, taskArn, signal, o.now().getTime() - start);
      if (!task) return void 0;
      o.onTask(task);
      if (task.lastStatus !== lastStatus) {
        lastStatus = task.lastStatus;
        o.logger.info(`Runner task: ${lastStatus ?? "?"}`);
        if (lastStatus === "RUNNING") o.onPhase?.("training");
      }
      if (task.lastStatus === "STOPPED") return { kind: "stopped", task };
      if (!o.wait && (task.lastStatus === "RUNNING" || task.startedAt !== void 0)) return { kind: "running", task };
      return void 0;
    },
    ...tail ? { readLogs: () => tail.poll() } : {},
    readLogsEveryMs: logsMs,
    onLogsError: o.onLogsError
  });
  return end.kind === "done" ? end.value : end;
}
async function describeTask(o, taskArn, signal, sinceStartMs) {
  const response = await o.ecs.send(
    new import_chunk_FPYJDWXZ.DescribeTasksCommand({ cluster: o.cluster, tasks: [taskArn] }),
    signal ? { abortSignal: signal } : {}
  );
  const task = response.tasks?.find((t) => t.taskArn === taskArn) ?? response.tasks?.[0];
  if (task) return task;
  const reasons = (response.failures ?? []).map((f) => f.reason ?? "?").join("; ") || "no task returned";
  if (sinceStartMs < MISSING_GRACE_MS) {
    o.logger.debug(`DescribeTasks: ${reasons}; the task may not be visible yet`);
    return void 0;
  }
  throw new Error(`DescribeTasks cannot find runner task ${taskArn}: ${reasons}`);
}
function stopped(reason) {
  return { status: "Stopped", failureReason: reason };
}
function neverStarted(reason) {
  return { status: "Failed", secondaryStatus: "TaskFailedToStart", failureReason: reason };
}
function runnerVerdict(runner, end, task, logger) {
  if (!(0, import_chunk_J7S55UG5.isRunnerExitCode)(end.exitCode)) {
    logger.warning(`The runner ended with ${(0, import_chunk_J7S55UG5.describeExit)(end.exitCode)} but wrote its result: using it.`);
  }
  let verdict = runner;
  if (runner.status === "Completed" && !end.succeeded) {
    verdict = {
      ...runner,
      status: "Failed",
      failureReason: `The training job completed, but the runner task did not end cleanly: ${end.problems.join("; ")}.`
    };
  } else if (runner.status === "Stopped" && task.stopCode && task.stopCode !== "EssentialContainerExited") {
    const why = `runner task ${task.stopCode}: ${task.stoppedReason ?? "no reason given"}`;
    verdict = { ...runner, failureReason: runner.failureReason ? `${runner.failureReason} (${why})` : why };
  }
  return verdict;
}
var RUN_TASK_BACKOFF = { baseMs: 1e4, capMs: 6e4 };
var RETRYABLE_FAILURE = /capacity|unavailable|RESOURCE:|throttl|try again|AGENT/i;
async function launchRunner(o) {
  const attempts = Math.max(1, o.runTaskAttempts);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (o.signal.aborted) return { kind: "aborted" };
    const input = (0, import_chunk_J7S55UG5.runTaskInput)({
      spec: o.spec,
      jobName: o.jobName,
      attempt,
      environment: o.environment,
      ...o.runTag !== void 0 ? { runTag: o.runTag } : {}
    });
    o.logger.debug(`RunTask ${JSON.stringify({ ...input, overrides: "\u2026" })}`);
    let response;
    try {
      response = await o.ecs.send(new import_chunk_FPYJDWXZ.RunTaskCommand(input));
    } catch (err) {
      throw new Error(`RunTask on cluster ${o.spec.cluster} failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}${runTaskHint(err)}`, {
        cause: err
      });
    }
    const task = response.tasks?.find((t) => t.taskArn);
    if (task?.taskArn) return { kind: "started", task };
    const reasons = (response.failures ?? []).map((f) => `${f.reason ?? "unknown"}${f.detail ? ` (${f.detail})` : ""}`).join("; ") || "RunTask returned neither a task nor a failure";
    const failed = giveUp(reasons, attempt, attempts, o.spec);
    if (failed) return failed;
    if (!await backOff(o, attempt, attempts, reasons)) return { kind: "aborted" };
  }
  return { kind: "aborted" };
}
function giveUp(reasons, attempt, attempts, spec) {
  if (!RETRYABLE_FAILURE.test(reasons)) {
    return { kind: "failed", outcome: neverStarted(`RunTask started no task: ${reasons}`) };
  }
  if (attempt < attempts) return void 0;
  return {
    kind: "failed",
    outcome: neverStarted(
      `RunTask started no task after ${attempts} attempts: ${reasons}. Try again later, add subnets in other availability zones to fargate.subnets${spec.capacity === "FARGATE_SPOT" ? ", or use capacity: FARGATE" : ""}.`
    )
  };
}
async function backOff(o, attempt, attempts, reasons) {
  const delay = (0, import_chunk_YOYRZ3GA.backoffDelay)(attempt - 1, { ...RUN_TASK_BACKOFF, random: o.random });
  o.logger.warning(
    `RunTask started no task (${reasons}); trying again in ${Math.round(delay / 1e3)} s (attempt ${attempt + 1} of ${attempts})`
  );
  try {
    await o.sleep(delay, o.signal);
    return true;
  } catch (err) {
    if ((0, import_chunk_NHSZ5FW5.isAbortError)(err) || o.signal.aborted) return false;
    throw err;
  }
}
function runTaskHint(err) {
  switch ((0, import_chunk_YOYRZ3GA.awsErrorName)(err)) {
    case "ClusterNotFoundException":
      return " \u2014 check fargate.cluster (the cluster must exist in the request region).";
    case "AccessDeniedException":
      return " \u2014 the role needs ecs:RunTask on the task definition and iam:PassRole on its two roles (see infra/).";
    case "InvalidParameterException":
    case "ClientException":
      return " \u2014 check fargate.task-definition, fargate.subnets, fargate.security-groups and fargate.container.";
    case "PlatformUnknownException":
    case "UnsupportedFeatureException":
      return " \u2014 the task definition must be compatible with FARGATE.";
    default:
      return "";
  }
}
var STOP_SETTLE_MS = 3e3;
var STOP_READ_TIMEOUT_MS = 4e3;
async function readResultAfterStop(o) {
  const bound = new AbortController();
  const timer = setTimeout(() => bound.abort(), STOP_SETTLE_MS + STOP_READ_TIMEOUT_MS);
  try {
    await o.sleep(STOP_SETTLE_MS, bound.signal);
    const read = await readResult(o.s3, o.resultUri, {
      ...o.notBefore ? { notBefore: o.notBefore } : {},
      signal: bound.signal
    });
    return read.kind === "found" ? read.result : void 0;
  } catch (err) {
    o.logger.debug(`After the stop request: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return void 0;
  } finally {
    clearTimeout(timer);
  }
}
var RunnerLogTail = class {
  constructor(o) {
    this.o = o;
    this.cursor = new import_chunk_GJZ77SZE.LogStreamCursor({
      client: o.client,
      logGroupName: o.group,
      logStreamName: o.stream,
      ...o.signal ? { signal: o.signal } : {}
    });
  }
  o;
  cursor;
  /** While the task runs: reads the next page (one GetLogEvents); returns the number of lines. */
  poll() {
    return this.read(1);
  }
  /** After the task stopped: polls until two passes in a row read nothing, `gapMs` apart, each pass to the end. */
  async drain(sleep, gapMs, maxPasses = 10) {
    await (0, import_chunk_GJZ77SZE.drainUntilQuiet)(() => this.read(this.o.maxPages ?? 50), sleep, gapMs, maxPasses);
  }
  async read(maxPages) {
    let lines = 0;
    try {
      await this.cursor.read(maxPages, (line) => {
        lines += 1;
        this.o.onLine(line);
      });
    } catch (err) {
      if ((0, import_chunk_YOYRZ3GA.awsErrorName)(err) !== "ResourceNotFoundException") throw err;
    }
    return lines;
  }
};
var CRASH_LINES = 20;
async function stoppedTaskOutcome(o) {
  const { task, resultUri } = o;
  const end = (0, import_chunk_J7S55UG5.taskEnd)(task, o.container, o.essential);
  if (end.kind === "never-started") return neverStarted(`The runner task never started: ${end.reason}`);
  let read;
  try {
    read = await readResult(o.s3, resultUri, {
      ...task.createdAt ? { notBefore: task.createdAt } : {},
      signal: o.signal
    });
  } catch (err) {
    read = { kind: "invalid", problem: `it could not be read (${(0, import_chunk_OEPHYHQN.messageOf)(err)})` };
  }
  if (read.kind === "found") return runnerVerdict(read.result, end, task, o.logger);
  const why = read.kind === "missing" ? `without writing ${resultUri}` : read.kind === "stale" ? `without writing ${resultUri} (the one there is from ${read.lastModified.toISOString()}, before this task)` : `and ${resultUri} is not a result: ${read.problem}`;
  const lines = o.lastLines.slice(-CRASH_LINES);
  const stopInfo = task.stoppedReason ? ` Task stopped: ${task.stopCode ?? "?"}: ${task.stoppedReason}.` : "";
  return {
    status: "Failed",
    failureReason: `The runner crashed: ${(0, import_chunk_J7S55UG5.describeExit)(end.exitCode)}, ${why}.${stopInfo}` + (lines.length > 0 ? `
Last runner log lines:
${lines.join("\n")}` : " No runner log lines were read.")
  };
}
async function describeRunnerDefinition(o) {
  let def;
  try {
    def = (await o.ecs.send(new import_chunk_FPYJDWXZ.DescribeTaskDefinitionCommand({ taskDefinition: o.taskDefinition }))).taskDefinition;
  } catch (err) {
    const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
    const hint = name === "ClientException" || name === "InvalidParameterException" ? ` Check fargate.task-definition (a family, family:revision or ARN in ${o.region}).` : "";
    throw new Error(`DescribeTaskDefinition ${o.taskDefinition} failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}.${hint}`, { cause: err });
  }
  if (!def) throw new Error(`fargate.task-definition: ${o.taskDefinition} was not found in ${o.region}.`);
  return {
    container: (0, import_chunk_J7S55UG5.runnerContainer)(def, o.container),
    ...def.taskDefinitionArn ? { arn: def.taskDefinitionArn } : {},
    essential: (0, import_chunk_J7S55UG5.essentialContainers)(def, o.container)
  };
}
var RUNNER_MARGIN_MS = 30 * 6e4;
var LOG_DRAIN_GAP_MS = 5e3;
var FargateRun = class {
  constructor(deps, ctx) {
    this.deps = deps;
    this.ctx = ctx;
    const problem = (0, import_chunk_GJZ77SZE.registryImageProblem)(ctx.imageUri);
    if (problem !== void 0) throw new Error(problem);
    this.request = ctx.request;
    this.spec = ctx.request.fargate;
    this.logger = ctx.logger;
    this.jobName = ctx.jobName;
    this.hostLog = new import_chunk_UMA3BQCH.HostLog(ctx.logger, ctx.onLogLine);
    const uris = (0, import_chunk_IL3VUA2S.envelopeUris)(this.request.output.uri, this.jobName);
    this.requestUri = uris.requestUri;
    this.resultUri = uris.resultUri;
  }
  deps;
  ctx;
  request;
  spec;
  logger;
  jobName;
  hostLog;
  requestUri;
  resultUri;
  container;
  describedArn;
  essential = /* @__PURE__ */ new Set();
  task;
  logLocation;
  tail;
  logWarned = false;
  async execute() {
    const startedAt = this.deps.now();
    if (this.ctx.signal.aborted) return this.result(startedAt, stopped("Stopped before the runner task was started."));
    await this.readTaskDefinition(this.spec.taskDefinition);
    let envelopeJson;
    try {
      envelopeJson = await this.writeRequest();
    } catch (err) {
      if (this.ctx.signal.aborted) return this.result(startedAt, stopped("Stopped while writing the request."));
      throw err;
    }
    this.logger.info(`Request written to ${this.requestUri}`);
    const launch = await this.launch(envelopeJson);
    if (launch.kind === "aborted") return this.result(startedAt, stopped("Stopped before the runner task started."));
    if (launch.kind === "failed") return this.result(startedAt, launch.outcome);
    await this.locateLogs(launch.task);
    let end;
    try {
      end = await this.waitForEnd(launch.task);
    } catch (err) {
      this.logger.error(`Cannot follow runner task ${this.taskArn}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}; stopping it`);
      await this.stopEverything("the action could not follow it");
      throw err;
    }
    if (end.kind === "aborted") return this.result(startedAt, await this.stopAfterAbort());
    if (end.kind === "deadline") return this.result(startedAt, await this.stopAfterDeadline());
    if (end.kind === "running") return this.handedOff(startedAt);
    await this.drainLogs();
    return this.finished(startedAt, end.task);
  }
  get taskArn() {
    return this.task?.taskArn ?? "";
  }
  async readTaskDefinition(taskDefinition) {
    const def = await describeRunnerDefinition({
      ecs: this.deps.ecs,
      taskDefinition,
      container: this.spec.container,
      region: this.request.region
    });
    this.container = def.container;
    this.describedArn = def.arn;
    this.essential = def.essential;
  }
  /** request.json, with every local channel uploaded first; its JSON also goes inline when it fits. */
  writeRequest() {
    const { ctx } = this;
    return writeEnvelope({
      s3: this.deps.s3,
      requestUri: this.requestUri,
      logger: this.logger,
      signal: ctx.signal,
      request: this.request,
      jobName: this.jobName,
      imageUri: ctx.imageUri,
      ...ctx.imageTag !== void 0 ? { imageTag: ctx.imageTag } : {},
      ...ctx.imageBuilt !== void 0 ? { imageBuilt: ctx.imageBuilt } : {},
      identity: this.deps.identity,
      ...ctx.detachedReport ? { report: ctx.detachedReport } : {},
      ...ctx.runCache ? { runCache: ctx.runCache } : {}
    });
  }
  /** RunTask (retried while ECS has no capacity); the task ARN is saved the moment it exists. */
  async launch(envelopeJson) {
    const runTag = (0, import_chunk_JR6BMV5V.runTagValue)(this.deps.identity);
    const { environment, inline } = runnerEnvironment(this.spec.container, this.requestUri, envelopeJson);
    if (!inline) this.logger.info("The request is larger than RunTask overrides allow: the runner reads it from S3.");
    this.ctx.onPhase?.("launching");
    this.ctx.onState?.("sagemaker-region", this.request.region);
    const launch = await launchRunner({
      ...this.deps,
      spec: this.spec,
      jobName: this.jobName,
      environment,
      ...runTag !== void 0 ? { runTag } : {},
      signal: this.ctx.signal,
      logger: this.logger
    });
    if (launch.kind === "started") {
      const task = launch.task;
      this.task = task;
      this.ctx.onState?.("task-arn", task.taskArn ?? "");
      this.ctx.onState?.("fargate-cluster", this.spec.cluster);
      this.logger.info(`Started runner task ${task.taskArn} (${this.spec.capacity}) on cluster ${this.spec.cluster}`);
      for (const link of (0, import_chunk_J7S55UG5.taskLinks)(this.request.region, task.taskArn ?? "")) {
        this.logger.info(`${link.label}: ${link.url}`);
      }
    }
    return launch;
  }
  /** Where the runner's lines are; the task definition's revision that actually runs wins over the one checked. */
  async locateLogs(task) {
    try {
      const arn = task.taskDefinitionArn;
      if (arn && arn !== this.describedArn) await this.readTaskDefinition(arn);
    } catch (err) {
      this.logger.debug(`Reading the task's own revision: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
    const location = this.container ? (0, import_chunk_J7S55UG5.runnerLogLocation)(this.container, this.taskArn) : void 0;
    if (!location) {
      this.logger.warning(
        `The runner's container "${this.spec.container}" does not log through awslogs (with a stream prefix): its output cannot be shown here. Give it an awslogs log configuration.`
      );
      return;
    }
    this.logLocation = location;
    this.tail = new RunnerLogTail({
      client: await this.deps.logs(location.region ?? this.request.region),
      group: location.group,
      stream: location.stream,
      onLine: (line) => this.hostLog.line("runner", line),
      signal: this.ctx.signal
    });
  }
  deadlineFrom(start) {
    return start + this.waitSeconds() * 1e3 + RUNNER_MARGIN_MS;
  }
  waitSeconds() {
    return (0, import_chunk_IULFMOT4.waitDeadlineSeconds)(this.request.job);
  }
  waitForEnd(first) {
    return followTask({
      ...this.deps,
      cluster: this.spec.cluster,
      first,
      wait: this.request.wait,
      deadline: this.deadlineFrom(this.deps.now().getTime()),
      signal: this.ctx.signal,
      logger: this.logger,
      ...this.tail ? { tail: this.tail } : {},
      onTask: (task) => this.task = task,
      ...this.ctx.onPhase ? { onPhase: this.ctx.onPhase } : {},
      onLogsError: (err) => this.warnLogsOnce(err)
    });
  }
  warnLogsOnce(err) {
    const text = `Reading the runner's logs failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`;
    if (this.logWarned || (0, import_chunk_YOYRZ3GA.isTransientError)(err)) this.logger.debug(text);
    else
      this.logger.warning(
        `${text} (the run goes on; the logs stay in ${this.logLocation?.group ?? "CloudWatch"}, stream ${this.logLocation?.stream ?? "?"})`
      );
    if (!(0, import_chunk_YOYRZ3GA.isTransientError)(err)) this.logWarned = true;
  }
  async drainLogs() {
    if (!this.tail) return;
    try {
      await this.tail.drain((ms) => this.deps.sleep(ms, this.ctx.signal), LOG_DRAIN_GAP_MS);
    } catch (err) {
      if (!(0, import_chunk_NHSZ5FW5.isAbortError)(err)) this.warnLogsOnce(err);
    }
  }
  /** The task stopped on its own: which of the three failures it was, or the runner's result. */
  async finished(startedAt, task) {
    const outcome = await stoppedTaskOutcome({
      s3: this.deps.s3,
      resultUri: this.resultUri,
      task,
      container: this.spec.container,
      essential: this.essential,
      lastLines: this.hostLog.lastLines(),
      signal: this.ctx.signal,
      logger: this.logger
    });
    return "mode" in outcome ? this.fromRunner(outcome) : this.result(startedAt, outcome);
  }
  fromRunner(runner) {
    return {
      ...runner,
      mode: "fargate",
      jobName: this.jobName,
      taskArn: this.taskArn,
      logTail: runner.logTail.length > 0 ? runner.logTail : this.hostLog.lastLines(),
      links: [...this.links(), ...runner.links]
    };
  }
  handedOff(startedAt) {
    this.logger.info(
      `The runner is running: it follows the job and writes ${this.resultUri}` + (this.ctx.detachedReport ? `, then completes check run ${this.ctx.detachedReport.checkRunId}.` : ".")
    );
    return {
      ...this.result(startedAt, { status: "InProgress" }),
      detached: {
        resultUri: this.resultUri,
        ...this.ctx.detachedReport ? { checkRunId: this.ctx.detachedReport.checkRunId } : {}
      }
    };
  }
  async stopEverything(reason) {
    await Promise.all([
      (0, import_chunk_J7S55UG5.stopTask)({ ecs: this.deps.ecs, cluster: this.spec.cluster, taskArn: this.taskArn, reason, logger: this.logger }),
      (0, import_chunk_JR6BMV5V.stopTrainingJob)(this.deps.sagemaker, this.jobName, this.logger)
    ]);
  }
  /** Cancelled: StopTask and StopTrainingJob at once, then a bounded look for the runner's Stopped result. */
  async stopAfterAbort() {
    this.logger.warning(`Cancelled: stopping runner task ${this.taskArn} and training job ${this.jobName}`);
    await this.stopEverything("cancelled");
    const runner = await this.settle();
    if (runner && runner.status !== "InProgress") return this.fromRunner(runner);
    return {
      status: "Stopped",
      failureReason: "The run was cancelled: the runner task and the training job were asked to stop."
    };
  }
  async stopAfterDeadline() {
    const waited = Math.round(this.waitSeconds() / 60 + RUNNER_MARGIN_MS / 6e4);
    this.logger.error(`Runner task ${this.taskArn} has not stopped after ${waited} min: stopping it and the job`);
    await this.stopEverything("the action gave up waiting");
    return {
      status: "Failed",
      failureReason: `Gave up waiting for the runner task after ${waited} min (max runtime + max wait + 1.5 h, last status ${this.task?.lastStatus ?? "unknown"}): it and the training job were stopped.`
    };
  }
  async settle() {
    return readResultAfterStop({
      s3: this.deps.s3,
      resultUri: this.resultUri,
      ...this.task?.createdAt ? { notBefore: this.task.createdAt } : {},
      sleep: this.deps.sleep,
      logger: this.logger
    });
  }
  links() {
    return this.taskArn ? (0, import_chunk_J7S55UG5.taskLinks)(this.request.region, this.taskArn, this.logLocation) : [];
  }
  result(startedAt, outcome) {
    if ("mode" in outcome) return outcome;
    const endedAt = this.deps.now();
    return {
      mode: "fargate",
      jobName: this.jobName,
      status: outcome.status,
      ...outcome.secondaryStatus ? { secondaryStatus: outcome.secondaryStatus } : {},
      ...outcome.failureReason ? { failureReason: outcome.failureReason } : {},
      metrics: {},
      metricSeries: {},
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      instanceCount: this.request.job.instanceCount,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1e3),
      ...this.taskArn ? { taskArn: this.taskArn } : {},
      logTail: this.hostLog.lastLines(),
      links: this.links()
    };
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  FargateRun
});
