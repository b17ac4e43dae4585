// How long a remote run may be waited on: the job's max runtime, plus its max wait for spot capacity, plus a margin for
// starting, uploading and SageMaker's own lateness. The SageMaker wait stops the job past it, and the credential
// check warns when the credentials would expire before it.
import type { JobSpec, TrainingRequest } from '../request.js';

/** Allowed beyond max runtime and max wait. */
export const DEADLINE_MARGIN_SECONDS = 3600;

export function waitDeadlineSeconds(job: Pick<JobSpec, 'maxRuntimeSeconds' | 'spot'>): number {
  return job.maxRuntimeSeconds + (job.spot?.maxWaitSeconds ?? 0) + DEADLINE_MARGIN_SECONDS;
}

/** Whether this process waits on AWS for the run's end (a remote mode that waits): then the deadline applies to it. */
export function waitsOnAws(request: Pick<TrainingRequest, 'mode' | 'wait'>): boolean {
  return request.mode !== 'local' && request.wait;
}
