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
var runner_6YAHWYK5_exports = {};
__export(runner_6YAHWYK5_exports, {
  BadRequestError: () => BadRequestError,
  envelopeImage: () => envelopeImage,
  exitCodeOf: () => exitCodeOf,
  parseEnvelope: () => parseEnvelope,
  readEnvelope: () => readEnvelope,
  runRunner: () => runRunner,
  runnerErrorResult: () => runnerErrorResult
});
module.exports = __defProp(runner_6YAHWYK5_exports, "__esModule", { value: true });
var import_chunk_ZYOC4NDY = require("./chunk-ZYOC4NDY.js");
var import_chunk_IL3VUA2S = require("./chunk-IL3VUA2S.js");
var import_chunk_KSJBMR3M = require("./chunk-KSJBMR3M.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_6BCONTLY = require("./chunk-6BCONTLY.js");
var import_chunk_STZI2M2M = require("./chunk-STZI2M2M.js");
var import_chunk_FNUKYPLP = require("./chunk-FNUKYPLP.js");
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var import_chunk_3Y6ZB6SW = require("./chunk-3Y6ZB6SW.js");
var import_chunk_XZEEPGY5 = require("./chunk-XZEEPGY5.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var MAX_REQUEST_BYTES = 1024 * 1024;
var BadRequestError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "BadRequestError";
  }
};
function taskRegion(env) {
  return env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || void 0;
}
async function readEnvelope(o) {
  const inline = o.env[import_chunk_IL3VUA2S.RunnerEnv.RequestJson]?.trim();
  const uriText = o.env[import_chunk_IL3VUA2S.RunnerEnv.RequestUri]?.trim() || void 0;
  if (inline) {
    return {
      envelope: parseEnvelope(inline, import_chunk_IL3VUA2S.RunnerEnv.RequestJson),
      source: import_chunk_IL3VUA2S.RunnerEnv.RequestJson,
      ...uriText ? { requestUri: uriText } : {}
    };
  }
  if (!uriText) {
    throw new BadRequestError(
      `Neither ${import_chunk_IL3VUA2S.RunnerEnv.RequestJson} nor ${import_chunk_IL3VUA2S.RunnerEnv.RequestUri} is set: the runner reads its request from one of them (the action sets both through RunTask's container overrides; run the task from the action).`
    );
  }
  let location;
  try {
    location = (0, import_chunk_SZ5DK7JW.parseS3Uri)(uriText);
  } catch (err) {
    if (!(err instanceof import_chunk_SZ5DK7JW.LocationError)) throw err;
    throw new BadRequestError(`${import_chunk_IL3VUA2S.RunnerEnv.RequestUri} ${err.message}`);
  }
  if (location.key === "" || location.key.endsWith("/")) {
    throw new BadRequestError(`${import_chunk_IL3VUA2S.RunnerEnv.RequestUri} must name an object (\u2026/request.json), got ${uriText}`);
  }
  const region = taskRegion(o.env);
  if (!region) {
    throw new BadRequestError(
      `AWS_REGION is not set, so ${uriText} cannot be read: set AWS_REGION (ECS sets it in Fargate tasks).`
    );
  }
  let text;
  try {
    text = await (0, import_chunk_G3PK4UPH.readSmallObject)(await o.s3(region), location, { maxBytes: MAX_REQUEST_BYTES, signal: o.signal });
  } catch (err) {
    throw new BadRequestError(
      `Could not read the request ${uriText} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}): check that the object exists and that the task role may s3:GetObject it.`,
      { cause: err }
    );
  }
  return { envelope: parseEnvelope(text, uriText), source: uriText, requestUri: uriText };
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isString = (v) => typeof v === "string" && v.trim() !== "";
var isStringMap = (v) => isObject(v) && Object.values(v).every((x) => typeof x === "string");
function parseEnvelope(text, source) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`${source} is not valid JSON (${(0, import_chunk_OEPHYHQN.messageOf)(err)}).`);
  }
  if (!isObject(value)) throw new BadRequestError(`${source} must be a JSON object (a runner envelope).`);
  if (value.version !== import_chunk_IL3VUA2S.ENVELOPE_VERSION) {
    throw new BadRequestError(
      `${source} has envelope version ${JSON.stringify(value.version)}; this runner reads version ${import_chunk_IL3VUA2S.ENVELOPE_VERSION}. Use the runner image built from the same version as the action.`
    );
  }
  const problems = [];
  const need = (ok, problem) => {
    if (!ok) problems.push(problem);
  };
  need(
    typeof value.jobName === "string" && import_chunk_UO73Q2OA.JOB_NAME_PATTERN.test(value.jobName),
    "jobName must be a SageMaker job name (letters, digits and hyphens, at most 63 characters)"
  );
  need(isString(value.imageUri), "imageUri must be the training image in its registry");
  need(value.imageTag === void 0 || typeof value.imageTag === "string", "imageTag must be a string");
  need(value.imageBuilt === void 0 || typeof value.imageBuilt === "boolean", "imageBuilt must be true or false");
  need(isStringMap(value.github), "github must be an object of strings (the GITHUB_* variables)");
  const request = checkRequest(value.request);
  problems.push(...request.problems);
  if (value.report !== void 0) problems.push(...reportProblems(value.report));
  if (value.runCache !== void 0 && !isRunCache(value.runCache)) problems.push(RUN_CACHE_PROBLEM);
  if (problems.length > 0 || request.checked === void 0) {
    throw new BadRequestError(
      `${source} is not a valid runner request:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
  }
  return { ...value, request: request.checked };
}
var RUN_CACHE_PROBLEM = "runCache must be { fingerprint: 64 hex digits, parts: [{ name, value }], commit?: string } (the run cache entry to write)";
function isRunCache(value) {
  if (!isObject(value)) return false;
  const parts = value.parts;
  return typeof value.fingerprint === "string" && /^[0-9a-f]{64}$/.test(value.fingerprint) && Array.isArray(parts) && parts.every((p) => isObject(p) && typeof p.name === "string" && typeof p.value === "string") && (value.commit === void 0 || isString(value.commit));
}
function checkRequest(request) {
  const problems = requestShapeProblems(request);
  if (problems.length > 0) return { problems };
  const check = (0, import_chunk_YJLFLQOZ.checkRemoteJob)(request);
  if (!check.ok) return { problems: check.problems.map((p) => `request: ${p.message}`) };
  return { problems: [], checked: check.request };
}
function requestShapeProblems(request) {
  if (!isObject(request)) return ["request must be an object (the TrainingRequest)"];
  const problems = [];
  const job = request.job;
  const output = request.output;
  if (!isString(request.region)) problems.push("request.region must be an AWS region");
  if (!isObject(job) || !isString(job.instanceType) || typeof job.instanceCount !== "number") {
    problems.push("request.job must have instanceType and instanceCount");
  }
  if (!isObject(output) || output.kind !== "s3" || !isString(output.uri)) {
    problems.push("request.output must be an s3 location");
  }
  if (!Array.isArray(request.channels)) problems.push("request.channels must be an array");
  else {
    for (const [i, channel] of request.channels.entries()) {
      const src = isObject(channel) && isObject(channel.source) ? channel.source : void 0;
      if (src?.kind !== "s3" || !isString(src.uri)) {
        problems.push(`request.channels[${i}] must read from S3 (local folders are uploaded by the action first)`);
      }
    }
  }
  if (!Array.isArray(request.metrics)) problems.push("request.metrics must be an array");
  if (!isStringMap(request.hyperparameters)) problems.push("request.hyperparameters must be an object of strings");
  if (!isStringMap(request.tags)) problems.push("request.tags must be an object of strings");
  return problems;
}
function reportProblems(report) {
  if (!isObject(report)) return ["report must be an object (the detached hand-off)"];
  const r = report;
  const problems = [];
  const need = (ok, problem) => {
    if (!ok) problems.push(`report.${problem}`);
  };
  need(isString(r.apiUrl) && /^https?:\/\//.test(r.apiUrl), "apiUrl must be an http(s) URL (GITHUB_API_URL)");
  need(isString(r.owner) && isString(r.repo), "owner and repo must name the repository");
  need(isString(r.sha), "sha must be the commit of the check run");
  need(Number.isSafeInteger(r.checkRunId) && r.checkRunId > 0, "checkRunId must be a positive integer");
  need(isString(r.checkName), "checkName must be the check run name");
  need(
    Number.isInteger(r.baselineDepth) && r.baselineDepth >= 1 && r.baselineDepth <= 100,
    "baselineDepth must be an integer from 1 to 100"
  );
  need(isString(r.appSecret), "appSecret must name the Secrets Manager secret of the GitHub App");
  for (const key of ["baseBranch", "annotationPath", "runUrl"]) {
    need(r[key] === void 0 || typeof r[key] === "string", `${key} must be a string when present`);
  }
  return problems;
}
var CRASH_STOP_TIMEOUT_MS = 1e4;
var CRASH_EXIT_MS = 3e4;
async function stopAfterCrash(o) {
  const bound = AbortSignal.timeout(CRASH_STOP_TIMEOUT_MS);
  try {
    const [{ stopTrainingJob }, client] = await Promise.all([
      Promise.resolve().then(() => require("./stop-ZBT7Z2OP.js")),
      (o.sagemaker ?? (async (r) => (await Promise.resolve().then(() => require("./clients-M3TCOAW4.js"))).createSageMakerClient(r)))(o.region)
    ]);
    return await stopTrainingJob(client, o.jobName, o.logger, { signal: bound });
  } catch (err) {
    o.logger.error(`Could not stop training job ${o.jobName} after the crash: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return false;
  }
}
function onCrash(handler) {
  let crashed = false;
  const listener = (err) => {
    if (crashed) return;
    crashed = true;
    void handler(err);
  };
  process.on("uncaughtException", listener);
  process.on("unhandledRejection", listener);
  return () => {
    process.off("uncaughtException", listener);
    process.off("unhandledRejection", listener);
  };
}
var RunnerReporter = class {
  constructor(o) {
    this.o = o;
  }
  o;
  /** The job's name from the moment it is chosen (capacity retries rename it): what a crash must stop. */
  jobName;
  /** False when result.json could not be written: the runner then exits with an error. */
  written = true;
  github;
  saveState(key, value) {
    if (key === "job-name") this.jobName = value || void 0;
  }
  /** Writes result.json; true when S3 has it. Also the crash handler's way out. */
  async write(result) {
    const { logger, resultUri } = this.o;
    try {
      const s3 = await this.o.s3(this.o.envelope.request.region);
      await (0, import_chunk_G3PK4UPH.putJsonObject)(s3, (0, import_chunk_SZ5DK7JW.parseS3Uri)(resultUri), `${JSON.stringify(result, null, 2)}
`);
      logger.info(`Result written to ${resultUri}`);
      return true;
    } catch (err) {
      logger.error(`Could not write ${resultUri} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}). The result:
${JSON.stringify(result)}`);
      return false;
    }
  }
  async recorded(_request, result) {
    const arn = await this.o.taskArn;
    if (arn) result.taskArn = arn;
    this.written = await this.write(result);
    await this.recordInIndex(result);
  }
  /** The run cache's index entry of a completed run, under the fingerprint the action handed over (a failure warns). */
  async recordInIndex(result) {
    const { envelope } = this.o;
    if (!envelope.runCache || result.status !== "Completed") return;
    const { recordRunResult } = await Promise.resolve().then(() => require("./reuse-IVLINOGD.js"));
    const { commit } = envelope.runCache;
    await recordRunResult({
      request: envelope.request,
      fingerprint: envelope.runCache,
      result,
      deps: { s3: this.o.s3, logger: this.o.logger, ...commit ? { commit } : {} }
    });
  }
  /** Detached mode: the base branch's result, looked up once result.json is safe (the App's token is minted then). */
  baseline() {
    const { report } = this.o.envelope;
    if (!report) return void 0;
    return {
      when: "after",
      lookUp: async () => {
        const github = await this.appGithub();
        return github ? (0, import_chunk_ZYOC4NDY.lookUpDetachedBaseline)(github, report, this.o.logger) : { missing: "it was not looked up (no GitHub token)" };
      }
    };
  }
  async report(judged) {
    const { report } = this.o.envelope;
    if (!report) return;
    const github = await this.appGithub();
    if (!github) return;
    await (0, import_chunk_ZYOC4NDY.completeDetachedCheck)({
      github,
      report,
      judged,
      logger: this.o.logger,
      ...this.o.now ? { now: this.o.now } : {}
    });
  }
  appGithub() {
    const { envelope, logger, app } = this.o;
    if (!envelope.report) return Promise.resolve(void 0);
    this.github ??= (0, import_chunk_ZYOC4NDY.appGithub)({ ...app, report: envelope.report, region: envelope.request.region, logger });
    return this.github;
  }
};
var TIMEOUT_MS = 2e3;
async function ownTaskArn(env, fetchFn = fetch) {
  const base = env.ECS_CONTAINER_METADATA_URI_V4?.trim();
  if (!base) return void 0;
  try {
    const response = await fetchFn(`${base.replace(/\/+$/, "")}/task`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return void 0;
    const body = await response.json();
    return typeof body.TaskARN === "string" && body.TaskARN.startsWith("arn:") ? body.TaskARN : void 0;
  } catch {
    return void 0;
  }
}
function exitCodeOf(result) {
  switch (result.status) {
    case "Completed":
      return import_chunk_IL3VUA2S.RunnerExit.Completed;
    case "Failed":
      return import_chunk_IL3VUA2S.RunnerExit.JobFailed;
    case "Stopped":
      return import_chunk_IL3VUA2S.RunnerExit.JobStopped;
    default:
      return import_chunk_IL3VUA2S.RunnerExit.Error;
  }
}
function runnerErrorResult(envelope, startedAt, endedAt, err) {
  return {
    mode: "fargate",
    jobName: envelope.jobName,
    status: "Failed",
    failureReason: `The runner failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`,
    metrics: {},
    metricSeries: {},
    imageUri: envelope.imageUri,
    instanceType: envelope.request.job.instanceType,
    instanceCount: envelope.request.job.instanceCount,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1e3),
    logTail: [],
    links: []
  };
}
async function runRunner(deps) {
  const { logger } = deps;
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const signals = deps.signalSource ?? (deps.handleSignals ? process : void 0);
  const abort = (0, import_chunk_KSJBMR3M.linkAbort)({
    logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...signals ? { signals } : {},
    onSecondSignal: (signal) => logger.warning(`${signal} again: still stopping the training job`)
  });
  const startedAt = now();
  let run;
  const removeCrashHandlers = deps.handleSignals ? onCrash((err) => endAfterCrash(err, { run, deps, startedAt, now })) : () => void 0;
  try {
    const envelope = await readRunnerEnvelope(deps);
    if (typeof envelope === "number") return envelope;
    run = { envelope, reporter: runnerReporter(envelope, deps) };
    return await runEnvelope({ ...run, deps, signal: abort.signal, startedAt, now });
  } catch (err) {
    logger.error(`The runner failed: ${err instanceof Error && err.stack ? err.stack : (0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    if (run) await run.reporter.write(runnerErrorResult(run.envelope, startedAt, now(), err));
    return import_chunk_IL3VUA2S.RunnerExit.Error;
  } finally {
    abort.dispose();
    removeCrashHandlers();
  }
}
async function appMismatch(envelope, deps) {
  if (!envelope.report) return void 0;
  const { reportingAppMismatch } = await Promise.resolve().then(() => require("./report-EHLYC6A4.js"));
  const mismatch = await reportingAppMismatch({
    report: envelope.report,
    logger: deps.logger,
    secrets: deps.secrets ?? (async (r) => (await Promise.resolve().then(() => require("./clients-M3TCOAW4.js"))).createSecretsManagerClient(r)),
    region: envelope.request.region
  });
  if (!mismatch) return void 0;
  deps.logger.error(`The runner cannot report this run: ${mismatch}.
Nothing was launched.`);
  return import_chunk_IL3VUA2S.RunnerExit.BadRequest;
}
async function readRunnerEnvelope(deps) {
  try {
    const read = await readEnvelope({ env: deps.env, s3: s3Of(deps) });
    deps.logger.info(`Runner: training job ${read.envelope.jobName}, request from ${read.source}`);
    const { requestUri: expected, resultUri } = uris(read.envelope);
    if (read.requestUri && read.requestUri !== expected) {
      deps.logger.warning(
        `The request was read from ${read.requestUri}, not ${expected}: the result goes to ${resultUri}`
      );
    }
    return await appMismatch(read.envelope, deps) ?? read.envelope;
  } catch (err) {
    if (!(err instanceof BadRequestError)) throw err;
    deps.logger.error(`${err.message}
Nothing was launched.`);
    return import_chunk_IL3VUA2S.RunnerExit.BadRequest;
  }
}
function s3Of(deps) {
  return deps.s3 ?? (async (region) => (await Promise.resolve().then(() => require("./s3-V5YLQVFO.js"))).createS3Client(region));
}
function uris(envelope) {
  return (0, import_chunk_IL3VUA2S.envelopeUris)(envelope.request.output.uri, envelope.jobName);
}
function runnerReporter(envelope, deps) {
  return new RunnerReporter({
    envelope,
    resultUri: uris(envelope).resultUri,
    logger: deps.logger,
    s3: s3Of(deps),
    // Read while the job runs; never delays CreateTrainingJob.
    taskArn: ownTaskArn(deps.env, deps.fetch),
    app: {
      secrets: deps.secrets ?? (async (r) => (await Promise.resolve().then(() => require("./clients-M3TCOAW4.js"))).createSecretsManagerClient(r)),
      ...deps.createGithub ? { createGithub: deps.createGithub } : {},
      ...deps.installationToken ? { installationToken: deps.installationToken } : {}
    },
    ...deps.now ? { now: () => deps.now().getTime() } : {}
  });
}
function envelopeImage(envelope) {
  return {
    uri: envelope.imageUri,
    ...envelope.imageTag !== void 0 ? { tag: envelope.imageTag } : {},
    built: envelope.imageBuilt ?? false
  };
}
async function runEnvelope({ envelope, reporter, deps, signal, startedAt, now }) {
  const { logger } = deps;
  const request = { ...envelope.request, job: { ...envelope.request.job, name: envelope.jobName } };
  const [{ trainAndJudge, judgeAndReport }, { lazySageMakerBackend }] = await Promise.all([
    Promise.resolve().then(() => require("./train-and-judge-4VXVEVD2.js")),
    Promise.resolve().then(() => require("./sagemaker-XO4WP5SO.js"))
  ]);
  const identity = (0, import_chunk_QBYG7RQS.readRunIdentity)(envelope.github);
  const backend = lazySageMakerBackend({
    identity,
    ...deps.s3 ? { s3: deps.s3 } : {},
    ...deps.sagemaker ? { sagemaker: deps.sagemaker } : {},
    ...deps.logs ? { logs: deps.logs } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {},
    ...deps.now ? { now: deps.now } : {},
    ...deps.random ? { random: deps.random } : {}
  });
  const baseline = reporter.baseline();
  let result;
  let code;
  try {
    const outcome = await trainAndJudge(request, {
      logger,
      signal,
      identity,
      backendFor: () => backend,
      image: envelopeImage(envelope),
      reporter,
      ...baseline ? { baseline } : {},
      ...deps.now ? { now: deps.now } : {}
    });
    result = outcome.result;
    code = exitCodeOf(result);
  } catch (err) {
    logger.error(`The run failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    result = runnerErrorResult(envelope, startedAt, now(), err);
    await judgeAndReport(request, result, { reporter, ...baseline ? { baseline } : {} });
    code = import_chunk_IL3VUA2S.RunnerExit.Error;
  }
  if (!reporter.written) code = import_chunk_IL3VUA2S.RunnerExit.Error;
  logger.info(
    `Training job ${result.jobName}: ${result.status}${result.failureReason ? ` (${result.failureReason})` : ""}; exit ${code}`
  );
  return code;
}
async function endAfterCrash(err, o) {
  const { logger } = o.deps;
  setTimeout(() => process.exit(import_chunk_IL3VUA2S.RunnerExit.Error), CRASH_EXIT_MS).unref();
  logger.error(`The runner crashed: ${err instanceof Error && err.stack ? err.stack : (0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  if (!o.run) process.exit(import_chunk_IL3VUA2S.RunnerExit.Error);
  const { envelope, reporter } = o.run;
  const created = reporter.jobName;
  const stopped = created ? await stopAfterCrash({
    region: envelope.request.region,
    jobName: created,
    logger,
    ...o.deps.sagemaker ? { sagemaker: o.deps.sagemaker } : {}
  }) : false;
  const result = runnerErrorResult(envelope, o.startedAt, o.now(), err);
  if (created) {
    result.jobName = created;
    result.failureReason += ` (training job ${created} ${stopped ? "was stopped" : "was not stopped: see the log"})`;
  }
  await reporter.write(result);
  process.exit(import_chunk_IL3VUA2S.RunnerExit.Error);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BadRequestError,
  envelopeImage,
  exitCodeOf,
  parseEnvelope,
  readEnvelope,
  runRunner,
  runnerErrorResult
});
