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
var chunk_JR6BMV5V_exports = {};
__export(chunk_JR6BMV5V_exports, {
  TagKey: () => TagKey,
  createTrainingJobInput: () => createTrainingJobInput,
  runTagValue: () => runTagValue,
  runTags: () => runTags,
  stopTrainingJob: () => stopTrainingJob
});
module.exports = __defProp(chunk_JR6BMV5V_exports, "__esModule", { value: true });
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
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
function runTagValue(identity) {
  return (0, import_chunk_QBYG7RQS.runAttemptKey)(identity);
}
function runTags(identity) {
  const tags = {
    [TagKey.Repository]: identity.repository,
    [TagKey.Commit]: identity.commit,
    [TagKey.Workflow]: identity.workflow,
    [TagKey.Run]: runTagValue(identity),
    [TagKey.RunAttempt]: identity.runId ? identity.runAttempt ?? "1" : void 0,
    [TagKey.PullRequest]: identity.pullRequest?.toString()
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
function createTrainingJobInput(request, opts) {
  const { job, output } = request;
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
    OutputDataConfig: { S3OutputPath: output.uri, ...job.outputKmsKeyId ? { KmsKeyId: job.outputKmsKeyId } : {} },
    ResourceConfig: {
      InstanceType: job.instanceType,
      InstanceCount: job.instanceCount,
      VolumeSizeInGB: job.volumeSizeGb,
      ...job.volumeKmsKeyId ? { VolumeKmsKeyId: job.volumeKmsKeyId } : {},
      ...job.keepAliveSeconds !== void 0 ? { KeepAlivePeriodInSeconds: job.keepAliveSeconds } : {}
    },
    StoppingCondition: {
      MaxRuntimeInSeconds: job.maxRuntimeSeconds,
      ...job.spot ? { MaxWaitTimeInSeconds: job.spot.maxWaitSeconds } : {}
    },
    ...job.spot ? { EnableManagedSpotTraining: true } : {},
    ...job.vpc ? { VpcConfig: { Subnets: [...job.vpc.subnets], SecurityGroupIds: [...job.vpc.securityGroupIds] } } : {},
    ...job.networkIsolation !== void 0 ? { EnableNetworkIsolation: job.networkIsolation } : {},
    ...job.interContainerEncryption !== void 0 ? { EnableInterContainerTrafficEncryption: job.interContainerEncryption } : {},
    ...job.checkpoint?.s3Uri ? { CheckpointConfig: { S3Uri: job.checkpoint.s3Uri.uri, LocalPath: job.checkpoint.containerPath } } : {},
    ...Object.keys(request.hyperparameters).length > 0 ? { HyperParameters: { ...request.hyperparameters } } : {},
    ...Object.keys(job.environment).length > 0 ? { Environment: { ...job.environment } } : {},
    ...job.maxRetryAttempts !== void 0 ? { RetryStrategy: { MaximumRetryAttempts: job.maxRetryAttempts } } : {},
    ...tags.length > 0 ? { Tags: tags } : {}
  };
}
async function stopTrainingJob(client, jobName, logger, opts = {}) {
  try {
    const { StopTrainingJobCommand, DescribeTrainingJobCommand, ListTagsCommand } = await Promise.resolve().then(() => require("./dist-es-TDH24GG4.js"));
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
    const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
    if (name === "ValidationException" || name === "ResourceNotFound") {
      logger.info(`Training job ${jobName} is not running: nothing to stop (${(0, import_chunk_OEPHYHQN.messageOf)(err)})`);
    } else {
      logger.warning(`Could not stop training job ${jobName}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
    return false;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  stopTrainingJob
});
