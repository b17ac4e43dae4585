// The TrainingResult of a local run: status and failure reason as the service would report them. Pure.
import type { HostOutcome, TrainingResult, TrainingStatus } from '../../result.js';
import { FAILURE_REASON_MAX } from './collect.js';
import type { HostRun, StopReason } from './host-run.js';

export interface Outcome {
  status: TrainingStatus;
  secondaryStatus: string;
  failureReason?: string;
}

export function localOutcome(opts: {
  stopReason?: StopReason;
  firstFailed?: HostRun;
  failureText?: string;
  maxRuntimeSeconds: number;
  artifactError?: string;
}): Outcome {
  switch (opts.stopReason) {
    case 'aborted':
      return { status: 'Stopped', secondaryStatus: 'Stopped' };
    case 'maxRuntime':
      return {
        status: 'Failed',
        secondaryStatus: 'MaxRuntimeExceeded',
        failureReason: `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${opts.maxRuntimeSeconds} s)`,
      };
    case 'hostFailed': {
      const failed = opts.firstFailed as HostRun;
      const reason = opts.failureText
        ? `AlgorithmError: ${opts.failureText}`
        : `AlgorithmError: ${failed.host} exited with code ${failed.exitCode}`;
      return { status: 'Failed', secondaryStatus: 'Failed', failureReason: reason.slice(0, FAILURE_REASON_MAX) };
    }
    default:
      // Like the service, a job whose artifacts cannot be uploaded fails.
      if (opts.artifactError) {
        return { status: 'Failed', secondaryStatus: 'Failed', failureReason: `ClientError: ${opts.artifactError}` };
      }
      return { status: 'Completed', secondaryStatus: 'Completed' };
  }
}

export function localResult(opts: {
  outcome: Outcome;
  jobName: string;
  imageUri: string;
  instanceType: string;
  hosts: HostRun[];
  artifacts: { model?: string; output?: string };
  startedAt: Date;
  endedAt: Date;
  trainingStart?: Date;
  trainingEnd?: Date;
  logTail: string[];
}): TrainingResult {
  const { outcome, startedAt, endedAt, trainingStart } = opts;
  const hosts: HostOutcome[] = opts.hosts.map((h) => ({ host: h.host, exitCode: h.exitCode ?? null }));
  const training = trainingStart
    ? ((opts.trainingEnd ?? endedAt).getTime() - trainingStart.getTime()) / 1000
    : undefined;
  return {
    mode: 'local',
    jobName: opts.jobName,
    status: outcome.status,
    secondaryStatus: outcome.secondaryStatus,
    ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
    metrics: {},
    metricSeries: {},
    ...(opts.artifacts.model ? { modelArtifacts: opts.artifacts.model } : {}),
    ...(opts.artifacts.output ? { outputArtifacts: opts.artifacts.output } : {}),
    imageUri: opts.imageUri,
    instanceType: opts.instanceType,
    instanceCount: opts.hosts.length,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: (endedAt.getTime() - startedAt.getTime()) / 1000,
    ...(training !== undefined ? { trainingSeconds: training } : {}),
    hosts,
    logTail: opts.logTail,
    links: [],
  };
}
