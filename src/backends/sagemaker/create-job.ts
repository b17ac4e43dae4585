// CreateTrainingJob for one run, and what a refusal means: a name this run already used is attached to when the
// job's run tag says this run created it; a quota refusal ends the run with what to ask for; anything else throws.
import {
  CreateTrainingJobCommand,
  type DescribeTrainingJobCommandOutput,
  ListTagsCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';

import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { RemoteJobRequest } from '../../request.js';
import type { RunIdentity } from '../../run-identity.js';
import { State } from '../../state.js';
import { awsErrorName } from '../../wait/backoff.js';
import { createTrainingJobInput, runTags, runTagValue, TagKey } from './input.js';
import { jobLinks, type Outcome } from './outcome.js';

export interface CreateJobOptions {
  sagemaker: SageMakerClient;
  request: RemoteJobRequest;
  jobName: string;
  imageUri: string;
  /** The run: the job's tags, and whether an existing job of that name is this run's. */
  identity: RunIdentity;
  /** S3 URIs of the uploaded local-folder channels, by channel name. */
  channelUris: Record<string, string>;
  logger: Logger;
  onState?: (key: State, value: string) => void;
  /** DescribeTrainingJob of `jobName`, as the run records it (an attached job's description is its first look). */
  describe: () => Promise<DescribeTrainingJobCommandOutput>;
}

/** Creates the job; on ResourceInUse attaches to it when this run created it. Other outcomes end the run. */
export async function createOrAttach(o: CreateJobOptions): Promise<'created' | Outcome> {
  const { request, jobName } = o;
  const input = createTrainingJobInput(request, {
    jobName,
    imageUri: o.imageUri,
    tags: runTags(o.identity),
    channelUris: o.channelUris,
  });
  // Saved before the call returns: a cancellation mid-call still leaves the post step a name to stop.
  o.onState?.(State.JobName, jobName);
  o.onState?.(State.SageMakerRegion, request.region);
  o.logger.debug(`CreateTrainingJob ${JSON.stringify(input)}`);
  try {
    // Not abortable: once sent, the job may exist, and the stop after a cancellation needs to know.
    await o.sagemaker.send(new CreateTrainingJobCommand(input));
    o.logger.info(`Created training job ${jobName} (${request.job.instanceCount} × ${request.job.instanceType})`);
    o.logger.info(`Console: ${jobLinks(request.region, jobName)[0]?.url ?? ''}`);
    return 'created';
  } catch (err) {
    const name = awsErrorName(err);
    if (name === 'ResourceInUse') return attachIfOurs(o, err);
    if (name === 'ResourceLimitExceeded') {
      o.onState?.(State.JobName, '');
      return { status: 'Failed', failureReason: quotaMessage(request, err) };
    }
    throw new Error(`CreateTrainingJob ${jobName} failed: ${messageOf(err)}`, { cause: err });
  }
}

function quotaMessage(request: RemoteJobRequest, err: unknown): string {
  const { instanceType, instanceCount, spot } = request.job;
  const quota = `${instanceType} for ${spot ? 'spot ' : ''}training job usage`;
  return (
    `ResourceLimitExceeded: ${messageOf(err)} — the account's SageMaker quota "${quota}" in ${request.region} ` +
    `is too low for ${instanceCount} instance(s). Request an increase in the Service Quotas console ` +
    `(Amazon SageMaker → "${quota}"); retrying will not help.`
  );
}

/** The job of that name is this run's (its run tag): attach. Anyone else's: refuse, and leave it alone. */
async function attachIfOurs(o: CreateJobOptions, err: unknown): Promise<'created'> {
  const { jobName } = o;
  const ours = runTagValue(o.identity);
  let theirs: string | undefined;
  try {
    const job = await o.describe();
    const tags = await o.sagemaker.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }));
    theirs = tags.Tags?.find((t) => t.Key === TagKey.Run)?.Value;
  } catch (lookupErr) {
    o.logger.debug(`Looking up the existing job ${jobName}: ${messageOf(lookupErr)}`);
  }
  if (ours !== undefined && theirs === ours) {
    o.logger.info(`Training job ${jobName} already exists and was created by this run (${ours}): attaching`);
    return 'created';
  }
  // Not ours: the post step must not stop it.
  o.onState?.(State.JobName, '');
  throw new Error(
    `A training job named ${jobName} already exists and was not created by this run ` +
      `(its ${TagKey.Run} tag is ${theirs === undefined ? 'absent' : `"${theirs}"`}` +
      `${ours === undefined ? '' : `, this run is "${ours}"`}). Job names are unique per account and region: ` +
      `set another job.name or job.name-prefix. (${messageOf(err)})`,
    { cause: err },
  );
}
