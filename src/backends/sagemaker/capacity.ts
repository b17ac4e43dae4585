// Capacity retries: a job SageMaker could not find instances for is created again under a new name (names are unique
// per account and region, and a failed job keeps its name forever).
import { MAX_JOB_NAME_LENGTH } from '../../naming.js';
import type { JobDescription } from './outcome.js';

/** Wait before the first retry; doubles each time, capped. Capacity tends to come back within minutes. */
const FIRST_RETRY_DELAY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * True when the job failed because the service had no instances to give it (for example "CapacityError: Unable to
 * provision requested ML compute capacity."). Not a quota (ResourceLimitExceeded: raising the quota is the fix), not
 * the algorithm's own error, and not a spot job that ran out of max wait (it may have trained for hours).
 */
export function isCapacityFailure(job: Pick<JobDescription, 'TrainingJobStatus' | 'FailureReason'>): boolean {
  const reason = job.FailureReason ?? '';
  return (
    job.TrainingJobStatus === 'Failed' &&
    /capacity/i.test(reason) &&
    !/^\s*AlgorithmError\b/i.test(reason) &&
    !/ResourceLimitExceeded/i.test(reason)
  );
}

/** `<base>-c<n>`: the base name cut to fit SageMaker's 63 characters, so the name stays valid and deterministic. */
export function capacityRetryName(baseName: string, retry: number): string {
  const suffix = `-c${retry}`;
  return `${baseName.slice(0, MAX_JOB_NAME_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** 1 min before the first retry, 2 before the second, … at most 5. */
export function capacityRetryDelayMs(retry: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1), MAX_RETRY_DELAY_MS);
}
