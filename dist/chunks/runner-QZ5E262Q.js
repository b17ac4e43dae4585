import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  abortOnSignals
} from "./chunk-7CXTOET3.js";
import {
  ENVELOPE_VERSION,
  RunnerEnv,
  RunnerExit,
  envelopeUris
} from "./chunk-WC5MKKGZ.js";
import {
  sageMakerRequestProblems
} from "./chunk-T22APPMD.js";
import {
  putJsonObject,
  readSmallObject
} from "./chunk-57ZJPNCC.js";
import {
  LocationError,
  parseS3Uri
} from "./chunk-B3JEVRDI.js";
import "./chunk-BAMX6QX3.js";
import {
  JOB_NAME_PATTERN
} from "./chunk-NSEUCI5W.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";

// src/runner/read-envelope.ts
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
  const inline = o.env[RunnerEnv.RequestJson]?.trim();
  const uriText = o.env[RunnerEnv.RequestUri]?.trim() || void 0;
  if (inline) {
    return {
      envelope: parseEnvelope(inline, RunnerEnv.RequestJson),
      source: RunnerEnv.RequestJson,
      ...uriText ? { requestUri: uriText } : {}
    };
  }
  if (!uriText) {
    throw new BadRequestError(
      `Neither ${RunnerEnv.RequestJson} nor ${RunnerEnv.RequestUri} is set: the runner reads its request from one of them (the action sets both through RunTask's container overrides; run the task from the action).`
    );
  }
  let location;
  try {
    location = parseS3Uri(uriText);
  } catch (err) {
    if (!(err instanceof LocationError)) throw err;
    throw new BadRequestError(`${RunnerEnv.RequestUri} ${err.message}`);
  }
  if (location.key === "" || location.key.endsWith("/")) {
    throw new BadRequestError(`${RunnerEnv.RequestUri} must name an object (\u2026/request.json), got ${uriText}`);
  }
  const region = taskRegion(o.env);
  if (!region) {
    throw new BadRequestError(
      `AWS_REGION is not set, so ${uriText} cannot be read: set AWS_REGION (ECS sets it in Fargate tasks).`
    );
  }
  let text;
  try {
    text = await readSmallObject(await o.s3(region), location, { maxBytes: MAX_REQUEST_BYTES, signal: o.signal });
  } catch (err) {
    throw new BadRequestError(
      `Could not read the request ${uriText} (${messageOf(err)}): check that the object exists and that the task role may s3:GetObject it.`,
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
    throw new BadRequestError(`${source} is not valid JSON (${messageOf(err)}).`);
  }
  if (!isObject(value)) throw new BadRequestError(`${source} must be a JSON object (a runner envelope).`);
  if (value.version !== ENVELOPE_VERSION) {
    throw new BadRequestError(
      `${source} has envelope version ${JSON.stringify(value.version)}; this runner reads version ${ENVELOPE_VERSION}. Use the runner image built from the same version as the action.`
    );
  }
  const problems = [];
  const need = (ok, problem) => {
    if (!ok) problems.push(problem);
  };
  need(
    typeof value.jobName === "string" && JOB_NAME_PATTERN.test(value.jobName),
    "jobName must be a SageMaker job name (letters, digits and hyphens, at most 63 characters)"
  );
  need(isString(value.imageUri), "imageUri must be the training image in its registry");
  need(value.imageTag === void 0 || typeof value.imageTag === "string", "imageTag must be a string");
  need(value.imageBuilt === void 0 || typeof value.imageBuilt === "boolean", "imageBuilt must be true or false");
  need(isStringMap(value.github), "github must be an object of strings (the GITHUB_* variables)");
  problems.push(...requestProblems(value.request));
  if (value.report !== void 0) problems.push(...reportProblems(value.report));
  if (problems.length > 0) {
    throw new BadRequestError(
      `${source} is not a valid runner request:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
  }
  return value;
}
function requestProblems(request) {
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
  if (problems.length > 0) return problems;
  const sagemaker = sageMakerRequestProblems(request);
  return sagemaker.map((p) => `request: ${p}`);
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

// src/runner/task-metadata.ts
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

// src/runner/index.ts
function exitCodeOf(result) {
  switch (result.status) {
    case "Completed":
      return RunnerExit.Completed;
    case "Failed":
      return RunnerExit.JobFailed;
    case "Stopped":
      return RunnerExit.JobStopped;
    default:
      return RunnerExit.Error;
  }
}
function backendRequest(envelope) {
  const { request } = envelope;
  return {
    ...request,
    mode: "sagemaker",
    image: { kind: "prebuilt", uri: envelope.imageUri },
    job: { ...request.job, name: envelope.jobName }
  };
}
function runnerErrorResult(envelope, startedAt, endedAt, err) {
  return {
    mode: "fargate",
    jobName: envelope.jobName,
    status: "Failed",
    failureReason: `The runner failed: ${messageOf(err)}`,
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
var NO_ENGINE = new Proxy(
  {},
  {
    get() {
      throw new Error("The runner has no container engine (Fargate cannot run Docker).");
    }
  }
);
async function runRunner(deps) {
  const { logger, env } = deps;
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const s3 = deps.s3 ?? (async (region) => (await import("./s3-PK22DFJU.js")).createS3Client(region));
  const controller = new AbortController();
  const onExternalAbort = () => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener("abort", onExternalAbort, { once: true });
  const removeHandlers = deps.handleSignals || deps.signalSource ? abortOnSignals({
    controller,
    logger,
    ...deps.signalSource ? { source: deps.signalSource } : {},
    onSecondSignal: (signal) => logger.warning(`${signal} again: still stopping the training job`)
  }) : () => void 0;
  const startedAt = now();
  let envelope;
  let write;
  let createdJob;
  const removeCrashHandlers = deps.handleSignals ? onCrash(async (err) => {
    setTimeout(() => process.exit(RunnerExit.Error), CRASH_EXIT_MS).unref();
    logger.error(`The runner crashed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
    if (!envelope) process.exit(RunnerExit.Error);
    const stopped = createdJob ? await stopAfterCrash(envelope.request.region, createdJob, deps) : false;
    const result = runnerErrorResult(envelope, startedAt, now(), err);
    if (createdJob) {
      result.jobName = createdJob;
      result.failureReason += ` (training job ${createdJob} ${stopped ? "was stopped" : "was not stopped: see the log"})`;
    }
    if (write) await write(result);
    process.exit(RunnerExit.Error);
  }) : () => void 0;
  try {
    let requestUri;
    try {
      const read = await readEnvelope({ env, s3 });
      envelope = read.envelope;
      requestUri = read.requestUri;
      logger.info(`Runner: training job ${envelope.jobName}, request from ${read.source}`);
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      logger.error(`${err.message}
Nothing was launched.`);
      return RunnerExit.BadRequest;
    }
    const output = envelope.request.output;
    const { resultUri, requestUri: expectedRequest } = envelopeUris(output.uri, envelope.jobName);
    if (requestUri && requestUri !== expectedRequest) {
      logger.warning(
        `The request was read from ${requestUri}, not ${expectedRequest}: the result goes to ${resultUri}`
      );
    }
    const resultAt = parseS3Uri(resultUri);
    const region = envelope.request.region;
    write = async (result2) => {
      try {
        await putJsonObject(await s3(region), resultAt, `${JSON.stringify(result2, null, 2)}
`);
        logger.info(`Result written to ${resultUri}`);
        return true;
      } catch (err) {
        logger.error(`Could not write ${resultUri} (${messageOf(err)}). The result:
${JSON.stringify(result2)}`);
        return false;
      }
    };
    let result;
    let code;
    const taskArn = ownTaskArn(env, deps.fetch);
    try {
      const trained = await train(envelope, deps, controller.signal, (name) => createdJob = name || void 0);
      result = {
        ...withoutImageTag(trained),
        mode: "fargate",
        ...envelope.imageTag !== void 0 ? { imageTag: envelope.imageTag } : {},
        imageBuilt: envelope.imageBuilt ?? false
      };
      code = exitCodeOf(result);
    } catch (err) {
      logger.error(`The run failed: ${messageOf(err)}`);
      if (err instanceof Error && err.stack) logger.debug(err.stack);
      result = runnerErrorResult(envelope, startedAt, now(), err);
      code = RunnerExit.Error;
    }
    const arn = await taskArn;
    if (arn) result.taskArn = arn;
    if (!await write(result)) code = RunnerExit.Error;
    if (envelope.report) {
      const { reportDetached } = await import("./report-7SUXYG4I.js");
      await reportDetached({
        report: envelope.report,
        request: envelope.request,
        result,
        logger,
        secrets: deps.secrets ?? (async (r) => (await import("./clients-4AU4I2EY.js")).createSecretsManagerClient(r)),
        ...deps.createGithub ? { createGithub: deps.createGithub } : {},
        ...deps.installationToken ? { installationToken: deps.installationToken } : {},
        now: () => now().getTime()
      });
    }
    logger.info(
      `Training job ${result.jobName}: ${result.status}${result.failureReason ? ` (${result.failureReason})` : ""}; exit ${code}`
    );
    return code;
  } catch (err) {
    logger.error(`The runner failed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
    if (write && envelope) await write(runnerErrorResult(envelope, startedAt, now(), err));
    return RunnerExit.Error;
  } finally {
    removeHandlers();
    removeCrashHandlers();
    deps.signal?.removeEventListener("abort", onExternalAbort);
  }
}
function withoutImageTag(result) {
  const copy = { ...result };
  delete copy.imageTag;
  return copy;
}
async function train(envelope, deps, signal, onJob) {
  const [{ runTraining }, { lazySageMakerBackend }] = await Promise.all([
    import("./pipeline-MHXBTIU4.js"),
    import("./sagemaker-UQ4FDU35.js")
  ]);
  const backend = lazySageMakerBackend({
    env: envelope.github,
    ...deps.s3 ? { s3: deps.s3 } : {},
    ...deps.sagemaker ? { sagemaker: deps.sagemaker } : {},
    ...deps.logs ? { logs: deps.logs } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {},
    ...deps.now ? { now: deps.now } : {},
    ...deps.random ? { random: deps.random } : {}
  });
  return runTraining(backendRequest(envelope), {
    docker: NO_ENGINE,
    logger: deps.logger,
    signal,
    env: envelope.github,
    backendFor: () => backend,
    // The pipeline and the backend report the job's name before CreateTrainingJob (and clear it when it was refused).
    onState: (key, value) => {
      if (key === "job-name" /* JobName */) onJob(value);
    },
    ...deps.now ? { now: deps.now } : {}
  });
}
async function stopAfterCrash(region, jobName, deps) {
  const bound = AbortSignal.timeout(CRASH_STOP_TIMEOUT_MS);
  try {
    const [{ stopTrainingJob }, client] = await Promise.all([
      import("./stop-FKCYWHIK.js"),
      (deps.sagemaker ?? (async (r) => (await import("./clients-4AU4I2EY.js")).createSageMakerClient(r)))(region)
    ]);
    return await stopTrainingJob(client, jobName, deps.logger, { signal: bound });
  } catch (err) {
    deps.logger.error(`Could not stop training job ${jobName} after the crash: ${messageOf(err)}`);
    return false;
  }
}
var CRASH_STOP_TIMEOUT_MS = 1e4;
var CRASH_EXIT_MS = 3e4;
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
export {
  BadRequestError,
  backendRequest,
  exitCodeOf,
  parseEnvelope,
  readEnvelope,
  runRunner,
  runnerErrorResult
};
