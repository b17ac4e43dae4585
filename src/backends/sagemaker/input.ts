// The CreateTrainingJob request for a TrainingRequest: a pure mapping, and the tags that tie a job to its run.
import type { Channel, CreateTrainingJobCommandInput, Tag, TrainingInputMode } from '@aws-sdk/client-sagemaker';

import type { ChannelSpec, RemoteJobRequest } from '../../request.js';
import { runAttemptKey, type RunIdentity } from '../../run-identity.js';

/** Tag keys this project sets. `RUN` identifies the workflow run attempt that created a job. */
export const TagKey = {
  Repository: 'sagemaker-train:repository',
  Commit: 'sagemaker-train:commit',
  Workflow: 'sagemaker-train:workflow',
  Run: 'sagemaker-train:run',
  RunAttempt: 'sagemaker-train:run-attempt',
  PullRequest: 'sagemaker-train:pull-request',
} as const;

/** SageMaker's limits on tags. */
const MAX_TAGS = 50;
const MAX_TAG_VALUE = 256;

/** What a tag value may hold; anything else becomes `_`. */
function cleanTagValue(value: string): string {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, MAX_TAG_VALUE);
}

/** The run tag's value, `<run id>-<attempt>`, or undefined outside GitHub Actions. */
export function runTagValue(identity: RunIdentity): string | undefined {
  return runAttemptKey(identity);
}

/** Tags describing where a job comes from: repository, commit, workflow, run, attempt, pull request. */
export function runTags(identity: RunIdentity): Record<string, string> {
  const tags: Record<string, string | undefined> = {
    [TagKey.Repository]: identity.repository,
    [TagKey.Commit]: identity.commit,
    [TagKey.Workflow]: identity.workflow,
    [TagKey.Run]: runTagValue(identity),
    [TagKey.RunAttempt]: identity.runId ? (identity.runAttempt ?? '1') : undefined,
    [TagKey.PullRequest]: identity.pullRequest?.toString(),
  };
  return Object.fromEntries(
    Object.entries(tags).filter((entry): entry is [string, string] => !!entry[1] && entry[1].trim() !== ''),
  );
}

export interface TrainingJobInputOptions {
  jobName: string;
  imageUri: string;
  /** Tags added to the request's own (see runTags); on a clash these win. */
  tags: Record<string, string>;
  /** S3 URIs that replace local-folder channels (uploaded before the job is created), by channel name. */
  channelUris?: Record<string, string>;
}

/** The job-level input mode: the channels' own when they all agree, else File (each channel sets its own anyway). */
function jobInputMode(channels: ChannelSpec[]): TrainingInputMode {
  const modes = new Set(channels.map((c) => c.inputMode));
  return modes.size === 1 ? ([...modes][0] as TrainingInputMode) : 'File';
}

function channelOf(channel: ChannelSpec, uploadedUri: string | undefined): Channel {
  const source = channel.source;
  const uri = source.kind === 's3' ? source.uri : uploadedUri;
  if (uri === undefined) {
    const where = source.kind === 'local' ? source.path : source.uri;
    throw new Error(`Channel ${channel.name} reads the local folder ${where}, which was not uploaded`);
  }
  return {
    ChannelName: channel.name,
    DataSource: {
      S3DataSource: { S3DataType: 'S3Prefix', S3Uri: uri, S3DataDistributionType: channel.distribution },
    },
    ...(channel.contentType ? { ContentType: channel.contentType } : {}),
    CompressionType: channel.compression,
    InputMode: channel.inputMode,
    RecordWrapperType: channel.recordWrapper,
  };
}

/** Maps a request SageMaker runs to CreateTrainingJob's input. Pure; config/ checked the mode's rules. */
export function createTrainingJobInput(
  request: RemoteJobRequest,
  opts: TrainingJobInputOptions,
): CreateTrainingJobCommandInput {
  const { job, output } = request;
  const entrypoint = job.entrypoint && job.entrypoint.length > 0 ? job.entrypoint : undefined;
  const allTags = { ...request.tags, ...opts.tags };
  const tags: Tag[] = Object.entries(allTags)
    .slice(0, MAX_TAGS)
    .map(([Key, Value]) => ({ Key, Value: cleanTagValue(Value) }));

  return {
    TrainingJobName: opts.jobName,
    RoleArn: job.roleArn,
    AlgorithmSpecification: {
      TrainingImage: opts.imageUri,
      TrainingInputMode: jobInputMode(request.channels),
      ...(request.metrics.length > 0
        ? { MetricDefinitions: request.metrics.map((m) => ({ Name: m.name, Regex: m.regex })) }
        : {}),
      // As in local mode: arguments are passed only with an entrypoint (otherwise the image runs with `train`).
      ...(entrypoint
        ? {
            ContainerEntrypoint: [...entrypoint],
            ...(job.arguments && job.arguments.length > 0 ? { ContainerArguments: [...job.arguments] } : {}),
          }
        : {}),
    },
    ...(request.channels.length > 0
      ? { InputDataConfig: request.channels.map((c) => channelOf(c, opts.channelUris?.[c.name])) }
      : {}),
    OutputDataConfig: { S3OutputPath: output.uri, ...(job.outputKmsKeyId ? { KmsKeyId: job.outputKmsKeyId } : {}) },
    ResourceConfig: {
      InstanceType: job.instanceType as NonNullable<CreateTrainingJobCommandInput['ResourceConfig']>['InstanceType'],
      InstanceCount: job.instanceCount,
      VolumeSizeInGB: job.volumeSizeGb,
      ...(job.volumeKmsKeyId ? { VolumeKmsKeyId: job.volumeKmsKeyId } : {}),
      ...(job.keepAliveSeconds !== undefined ? { KeepAlivePeriodInSeconds: job.keepAliveSeconds } : {}),
    },
    StoppingCondition: {
      MaxRuntimeInSeconds: job.maxRuntimeSeconds,
      ...(job.spot ? { MaxWaitTimeInSeconds: job.spot.maxWaitSeconds } : {}),
    },
    ...(job.spot ? { EnableManagedSpotTraining: true } : {}),
    ...(job.vpc
      ? { VpcConfig: { Subnets: [...job.vpc.subnets], SecurityGroupIds: [...job.vpc.securityGroupIds] } }
      : {}),
    ...(job.networkIsolation !== undefined ? { EnableNetworkIsolation: job.networkIsolation } : {}),
    ...(job.interContainerEncryption !== undefined
      ? { EnableInterContainerTrafficEncryption: job.interContainerEncryption }
      : {}),
    ...(job.checkpoint?.s3Uri
      ? { CheckpointConfig: { S3Uri: job.checkpoint.s3Uri.uri, LocalPath: job.checkpoint.containerPath } }
      : {}),
    ...(Object.keys(request.hyperparameters).length > 0 ? { HyperParameters: { ...request.hyperparameters } } : {}),
    ...(Object.keys(job.environment).length > 0 ? { Environment: { ...job.environment } } : {}),
    ...(job.maxRetryAttempts !== undefined ? { RetryStrategy: { MaximumRetryAttempts: job.maxRetryAttempts } } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
}
