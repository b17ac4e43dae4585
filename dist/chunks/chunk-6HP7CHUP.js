import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/backends/sagemaker/input.ts
var TagKey = {
  Repository: "sagemaker-train:repository",
  Commit: "sagemaker-train:commit",
  Workflow: "sagemaker-train:workflow",
  Run: "sagemaker-train:run",
  RunAttempt: "sagemaker-train:run-attempt",
  PullRequest: "sagemaker-train:pull-request"
};
var MAX_TAGS = 50;
var MAX_TAG_VALUE = 256;
function cleanTagValue(value) {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "_").slice(0, MAX_TAG_VALUE);
}
function pullRequestNumber(ref) {
  return ref ? /^refs\/pull\/(\d+)\//.exec(ref)?.[1] : void 0;
}
function runTagValue(env) {
  const runId = env.GITHUB_RUN_ID?.trim();
  if (!runId) return void 0;
  return `${runId}-${env.GITHUB_RUN_ATTEMPT?.trim() || "1"}`;
}
function runTags(env) {
  const tags = {
    [TagKey.Repository]: env.GITHUB_REPOSITORY,
    [TagKey.Commit]: env.GITHUB_SHA,
    [TagKey.Workflow]: env.GITHUB_WORKFLOW,
    [TagKey.Run]: runTagValue(env),
    [TagKey.RunAttempt]: env.GITHUB_RUN_ID ? env.GITHUB_RUN_ATTEMPT?.trim() || "1" : void 0,
    [TagKey.PullRequest]: pullRequestNumber(env.GITHUB_REF)
  };
  return Object.fromEntries(
    Object.entries(tags).filter((entry) => !!entry[1] && entry[1].trim() !== "")
  );
}
function jobInputMode(channels) {
  const modes = new Set(channels.map((c) => c.inputMode));
  return modes.size === 1 ? [...modes][0] : "File";
}
function channelOf(channel, uploadedUri) {
  const source = channel.source;
  const uri = source.kind === "s3" ? source.uri : uploadedUri;
  if (uri === void 0) {
    const where = source.kind === "local" ? source.path : source.uri;
    throw new Error(`Channel ${channel.name} reads the local folder ${where}, which was not uploaded`);
  }
  return {
    ChannelName: channel.name,
    DataSource: {
      S3DataSource: { S3DataType: "S3Prefix", S3Uri: uri, S3DataDistributionType: channel.distribution }
    },
    ...channel.contentType ? { ContentType: channel.contentType } : {},
    CompressionType: channel.compression,
    InputMode: channel.inputMode,
    RecordWrapperType: channel.recordWrapper
  };
}
function sageMakerRequestProblems(request) {
  const problems = [];
  if (!request.job.roleArn) problems.push("job.role-arn is required in sagemaker mode (the role the job runs as).");
  if (request.output.kind !== "s3") problems.push("output must be an s3:// URI in sagemaker mode.");
  if (!request.job.instanceType.startsWith("ml.")) {
    problems.push(`job.instance-type "${request.job.instanceType}" is not a SageMaker instance type (ml.*).`);
  }
  if (request.job.checkpoint && !request.job.checkpoint.s3Uri) {
    problems.push("job.checkpoint needs an s3:// URI in sagemaker mode.");
  }
  return problems;
}
function createTrainingJobInput(request, opts) {
  const problems = sageMakerRequestProblems(request);
  if (problems.length > 0) throw new Error(problems.join(" "));
  const { job } = request;
  const output = request.output;
  const entrypoint = job.entrypoint && job.entrypoint.length > 0 ? job.entrypoint : void 0;
  const allTags = { ...request.tags, ...opts.tags };
  const tags = Object.entries(allTags).slice(0, MAX_TAGS).map(([Key, Value]) => ({ Key, Value: cleanTagValue(Value) }));
  return {
    TrainingJobName: opts.jobName,
    RoleArn: job.roleArn,
    AlgorithmSpecification: {
      TrainingImage: opts.imageUri,
      TrainingInputMode: jobInputMode(request.channels),
      ...request.metrics.length > 0 ? { MetricDefinitions: request.metrics.map((m) => ({ Name: m.name, Regex: m.regex })) } : {},
      // As in local mode: arguments are passed only with an entrypoint (otherwise the image runs with `train`).
      ...entrypoint ? {
        ContainerEntrypoint: [...entrypoint],
        ...job.arguments && job.arguments.length > 0 ? { ContainerArguments: [...job.arguments] } : {}
      } : {}
    },
    ...request.channels.length > 0 ? { InputDataConfig: request.channels.map((c) => channelOf(c, opts.channelUris?.[c.name])) } : {},
    OutputDataConfig: { S3OutputPath: output.uri },
    ResourceConfig: {
      InstanceType: job.instanceType,
      InstanceCount: job.instanceCount,
      VolumeSizeInGB: job.volumeSizeGb,
      ...job.keepAliveSeconds !== void 0 ? { KeepAlivePeriodInSeconds: job.keepAliveSeconds } : {}
    },
    StoppingCondition: {
      MaxRuntimeInSeconds: job.maxRuntimeSeconds,
      ...job.spot ? { MaxWaitTimeInSeconds: job.spot.maxWaitSeconds } : {}
    },
    ...job.spot ? { EnableManagedSpotTraining: true } : {},
    ...job.checkpoint?.s3Uri ? { CheckpointConfig: { S3Uri: job.checkpoint.s3Uri.uri, LocalPath: job.checkpoint.containerPath } } : {},
    ...Object.keys(request.hyperparameters).length > 0 ? { HyperParameters: { ...request.hyperparameters } } : {},
    ...Object.keys(job.environment).length > 0 ? { Environment: { ...job.environment } } : {},
    ...job.maxRetryAttempts !== void 0 ? { RetryStrategy: { MaximumRetryAttempts: job.maxRetryAttempts } } : {},
    ...tags.length > 0 ? { Tags: tags } : {}
  };
}

// src/wait/backoff.ts
function backoffDelay(attempt, opts) {
  const random = opts.random ?? Math.random;
  const exponential = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}
function shapeOf(err) {
  return typeof err === "object" && err !== null ? err : {};
}
function awsErrorName(err) {
  const { name, code } = shapeOf(err);
  if (typeof name === "string" && name !== "Error") return name;
  return typeof code === "string" ? code : void 0;
}
var THROTTLING_NAMES = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown"
]);
function isThrottlingError(err) {
  const name = awsErrorName(err);
  return name !== void 0 && THROTTLING_NAMES.has(name) || shapeOf(err).$metadata?.httpStatusCode === 429;
}
var NETWORK_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
function isTransientError(err) {
  if (isThrottlingError(err)) return true;
  const shape = shapeOf(err);
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === "number" && status >= 500) return true;
  if (shape.$retryable !== void 0 && shape.$retryable !== null && shape.$retryable !== false) return true;
  const name = awsErrorName(err);
  return name === "TimeoutError" || name === "InternalFailure" || name !== void 0 && NETWORK_CODES.has(name);
}
function isAccessDeniedError(err) {
  const name = awsErrorName(err);
  return name === "AccessDeniedException" || name === "AccessDenied" || name === "UnauthorizedOperation" || shapeOf(err).$metadata?.httpStatusCode === 403;
}

// src/backends/sagemaker/stop.ts
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
async function stopTrainingJob(client, jobName, logger, opts = {}) {
  try {
    const { StopTrainingJobCommand, DescribeTrainingJobCommand, ListTagsCommand } = await import("./dist-es-5UO6EDRI.js");
    if (opts.runTag !== void 0) {
      const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }), {
        abortSignal: opts.signal
      });
      if (job.TrainingJobStatus !== "InProgress") {
        logger.info(`Training job ${jobName} is already ${job.TrainingJobStatus ?? "ended"}: nothing to stop`);
        return false;
      }
      const tags = await client.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }), {
        abortSignal: opts.signal
      });
      const run = tags.Tags?.find((t) => t.Key === TagKey.Run)?.Value;
      if (run !== opts.runTag) {
        logger.warning(
          `Training job ${jobName} was not created by this run (${TagKey.Run}=${run ?? "none"}): left running`
        );
        return false;
      }
    }
    await client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: opts.signal });
    logger.info(`Stop requested for training job ${jobName}`);
    return true;
  } catch (err) {
    const name = awsErrorName(err);
    if (name === "ValidationException" || name === "ResourceNotFound") {
      logger.info(`Training job ${jobName} is not running: nothing to stop (${messageOf(err)})`);
    } else {
      logger.warning(`Could not stop training job ${jobName}: ${messageOf(err)}`);
    }
    return false;
  }
}

export {
  TagKey,
  runTagValue,
  runTags,
  sageMakerRequestProblems,
  createTrainingJobInput,
  backoffDelay,
  awsErrorName,
  isTransientError,
  isAccessDeniedError,
  stopTrainingJob
};
