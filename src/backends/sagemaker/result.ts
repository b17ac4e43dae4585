// The TrainingResult of a SageMaker run, from the last job's description and what the run saw. Pure.
import { estimateCost, spotSavingsPercent } from '../../cost/index.js';
import type { RemoteJobRequest } from '../../request.js';
import type { TrainingResult } from '../../result.js';
import { finalMetrics, type JobDescription, jobLinks, type Outcome, outputArtifactsUri } from './outcome.js';

export interface SageMakerResultParts {
  request: RemoteJobRequest;
  imageUri: string;
  /** The last job's name (after capacity retries, the last one created). */
  jobName: string;
  /** Its last description, when there was one. */
  job?: JobDescription;
  outcome: Outcome;
  startedAt: Date;
  endedAt: Date;
  logTail: string[];
  /** False when no job was created (stopped before, quota): no links to a job that does not exist. */
  jobExists: boolean;
}

export function sageMakerResult(parts: SageMakerResultParts): TrainingResult {
  const { request, job, outcome, startedAt, endedAt, jobName } = parts;
  const output = request.output;
  const billableSeconds = job?.BillableTimeInSeconds;
  const trainingSeconds = job?.TrainingTimeInSeconds;
  const cost = estimateCost({
    instanceType: request.job.instanceType,
    instanceCount: request.job.instanceCount,
    ...(billableSeconds !== undefined ? { billableSeconds } : {}),
    ...(request.job.pricePerHour !== undefined ? { pricePerHour: request.job.pricePerHour } : {}),
  });
  const savings = spotSavingsPercent({
    managedSpot: request.job.spot !== undefined,
    ...(billableSeconds !== undefined ? { billableSeconds } : {}),
    ...(trainingSeconds !== undefined ? { trainingSeconds } : {}),
  });
  return {
    // The runner runs a fargate request with this backend: the result keeps the request's mode.
    mode: request.mode,
    jobName,
    status: outcome.status,
    ...(outcome.secondaryStatus ? { secondaryStatus: outcome.secondaryStatus } : {}),
    ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
    metrics: job ? finalMetrics(job) : {},
    metricSeries: {},
    ...(job?.ModelArtifacts?.S3ModelArtifacts ? { modelArtifacts: job.ModelArtifacts.S3ModelArtifacts } : {}),
    ...(outcome.status === 'Completed' || job?.ModelArtifacts?.S3ModelArtifacts
      ? { outputArtifacts: outputArtifactsUri(output, jobName) }
      : {}),
    imageUri: parts.imageUri,
    instanceType: request.job.instanceType,
    instanceCount: request.job.instanceCount,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000),
    ...(trainingSeconds !== undefined ? { trainingSeconds } : {}),
    ...(billableSeconds !== undefined ? { billableSeconds } : {}),
    ...(cost ? { cost } : {}),
    ...(savings !== undefined ? { spotSavingsPercent: savings } : {}),
    logTail: parts.logTail,
    links: parts.jobExists ? jobLinks(request.region, jobName) : [],
  };
}
