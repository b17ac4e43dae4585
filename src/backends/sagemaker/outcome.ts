// What a finished (or abandoned) job means for the TrainingResult: status, reason, artifacts and links.
import type { DescribeTrainingJobCommandOutput } from '@aws-sdk/client-sagemaker';

import { joinS3Key, s3Uri } from '../../aws/s3.js';
import type { S3Location } from '../../request.js';
import type { Link, TrainingStatus } from '../../result.js';

export const LOG_GROUP = '/aws/sagemaker/TrainingJobs';

export type JobDescription = Pick<
  DescribeTrainingJobCommandOutput,
  | 'TrainingJobStatus'
  | 'SecondaryStatus'
  | 'FailureReason'
  | 'SecondaryStatusTransitions'
  | 'FinalMetricDataList'
  | 'ModelArtifacts'
  | 'TrainingTimeInSeconds'
  | 'BillableTimeInSeconds'
  | 'TrainingJobArn'
  | 'StoppingCondition'
>;

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Stopped']);

export interface Outcome {
  status: TrainingStatus;
  secondaryStatus?: string;
  failureReason?: string;
}

/**
 * Our status for the job's final description. A job the service stopped for reaching its max runtime (or max wait,
 * with spot) failed, as in local mode; a job stopped by us or by someone else was Stopped.
 */
export function outcomeOf(job: JobDescription): Outcome {
  const secondaryStatus = job.SecondaryStatus;
  const base = secondaryStatus ? { secondaryStatus } : {};
  switch (job.TrainingJobStatus) {
    case 'Completed':
      return { status: 'Completed', ...base };
    case 'Failed':
      return {
        status: 'Failed',
        ...base,
        failureReason: job.FailureReason ?? 'The training job failed (no reason given)',
      };
    case 'Stopped':
    case 'Stopping':
      if (secondaryStatus === 'MaxRuntimeExceeded') {
        return {
          status: 'Failed',
          ...base,
          failureReason:
            job.FailureReason ??
            `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${job.StoppingCondition?.MaxRuntimeInSeconds ?? '?'} s)`,
        };
      }
      if (secondaryStatus === 'MaxWaitTimeExceeded') {
        return {
          status: 'Failed',
          ...base,
          failureReason:
            job.FailureReason ??
            `MaxWaitTimeExceeded: no spot capacity and training finished within MaxWaitTimeInSeconds (${job.StoppingCondition?.MaxWaitTimeInSeconds ?? '?'} s)`,
        };
      }
      return { status: 'Stopped', ...base, ...(job.FailureReason ? { failureReason: job.FailureReason } : {}) };
    default:
      return { status: 'Failed', ...base, failureReason: `The training job ended in status ${job.TrainingJobStatus}` };
  }
}

/** Final metric values the service recorded (MetricDefinitions over the job's logs). */
export function finalMetrics(job: Pick<JobDescription, 'FinalMetricDataList'>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const m of job.FinalMetricDataList ?? []) {
    if (m.MetricName !== undefined && typeof m.Value === 'number' && Number.isFinite(m.Value))
      metrics[m.MetricName] = m.Value;
  }
  return metrics;
}

/** `<OutputPath>/<job>/output/output.tar.gz`, where the service writes /opt/ml/output/data. */
export function outputArtifactsUri(output: S3Location, jobName: string): string {
  return s3Uri(output.bucket, joinS3Key(output.key, jobName, 'output', 'output.tar.gz'));
}

/** CloudWatch's console encodes its URL fragment: `/` → `$252F`, `?` → `$3F`, `=` → `$3D`. */
function cloudWatchFragment(value: string): string {
  return encodeURIComponent(value).replace(/%/g, '$25');
}

export function jobLinks(region: string, jobName: string): Link[] {
  const console = `https://${region}.console.aws.amazon.com`;
  const group = cloudWatchFragment(LOG_GROUP);
  const filter = `$3FlogStreamNameFilter$3D${cloudWatchFragment(`${jobName}/`)}`;
  return [
    { label: 'SageMaker training job', url: `${console}/sagemaker/home?region=${region}#/jobs/${jobName}` },
    {
      label: 'CloudWatch logs',
      url: `${console}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}${filter}`,
    },
  ];
}
