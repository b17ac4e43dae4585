// The rules a request must meet for its mode, on the request itself: the one check that turns a DraftRequest into a
// TrainingRequest of its mode. The YAML reader (schema) reports these at the key's line; the Fargate runner applies
// them to the request it was handed. Backends take the typed request and check nothing again.

import type {
  DraftRequest,
  FargateRequest,
  FargateSpec,
  LocalRequest,
  RemoteJobRequest,
  S3Location,
  SageMakerRequest,
  TrainingRequest,
} from '../request.js';
import { hasInstanceStorage } from './instance-storage.js';

export interface ModeProblem {
  /** The YAML path of the setting to change (`job.role-arn`, `channels.train.input-mode`). */
  key: string;
  /** A sentence naming the setting and what is allowed. */
  message: string;
}

export type ModeCheck = { ok: true; request: TrainingRequest } | { ok: false; problems: ModeProblem[] };

/** Checks the request against its mode's rules; the typed request when it meets them, else every problem. */
export function checkMode(draft: DraftRequest): ModeCheck {
  const problems = modeProblems(draft);
  if (problems.length > 0) return { ok: false, problems };
  const request = typedRequest(draft);
  return request === undefined
    ? { ok: false, problems: [{ key: 'mode', message: `unknown mode ${draft.mode}` }] }
    : { ok: true, request };
}

/** The rules of a SageMaker job on any request (the Fargate runner's); the typed request when it meets them. */
export function checkRemoteJob(
  draft: DraftRequest,
): { ok: true; request: RemoteJobRequest } | { ok: false; problems: ModeProblem[] } {
  const problems = remoteProblems(draft);
  const { roleArn } = draft.job;
  const output = draft.output;
  if (problems.length > 0 || roleArn === undefined || output.kind !== 's3') return { ok: false, problems };
  return { ok: true, request: { ...draft, job: { ...draft.job, roleArn }, output } };
}

/** Every rule of the request's mode it breaks. */
export function modeProblems(draft: DraftRequest): ModeProblem[] {
  const problems = draft.mode === 'local' ? localProblems(draft) : remoteProblems(draft);
  if (draft.mode === 'fargate') problems.push(...fargateProblems(draft.fargate));
  return problems;
}

function localProblems(draft: DraftRequest): ModeProblem[] {
  return draft.channels
    .filter((channel) => channel.inputMode === 'Pipe')
    .map((channel) => ({
      key: `channels.${channel.name}.input-mode`,
      message: `Channel ${channel.name} uses Pipe input mode, which local mode does not support: use File or FastFile`,
    }));
}

function remoteProblems(draft: DraftRequest): ModeProblem[] {
  const { job, mode } = draft;
  const problems: ModeProblem[] = [];
  const add = (key: string, message: string): void => void problems.push({ key, message });
  if (!job.roleArn) add('job.role-arn', `job.role-arn is required in ${mode} mode (the role the job runs as).`);
  if (draft.output.kind !== 's3') add('output', `output must be an s3:// URI in ${mode} mode.`);
  if (!job.instanceType.startsWith('ml.')) {
    add('job.instance-type', `job.instance-type "${job.instanceType}" is not a SageMaker instance type (ml.*).`);
  }
  if (job.checkpoint && !job.checkpoint.s3Uri)
    add('job.checkpoint', `job.checkpoint needs an s3:// URI in ${mode} mode.`);
  const volumeKey = volumeKeyProblem(job.instanceType, job.volumeKmsKeyId);
  if (volumeKey !== undefined) add('job.volume-kms-key', volumeKey);
  return problems;
}

/** SageMaker refuses VolumeKmsKeyId on instance types with local NVMe storage (the instance encrypts it). */
export function volumeKeyProblem(instanceType: string, volumeKmsKeyId: string | undefined): string | undefined {
  if (volumeKmsKeyId === undefined || !hasInstanceStorage(instanceType)) return undefined;
  return (
    `job.volume-kms-key cannot be used with ${instanceType}: its storage is local NVMe instance storage, which the ` +
    'instance encrypts itself, and SageMaker refuses a volume KMS key for it. Remove job.volume-kms-key, or choose an ' +
    'instance type without instance storage (such as ml.m5.xlarge or ml.c5.xlarge).'
  );
}

function fargateProblems(spec: FargateSpec | undefined): ModeProblem[] {
  if (!spec) {
    return [
      {
        key: 'fargate',
        message: 'fargate is required in fargate mode (cluster, task-definition, container, subnets).',
      },
    ];
  }
  const problems: ModeProblem[] = [];
  const add = (key: string, message: string): void => void problems.push({ key, message });
  if (!spec.cluster.trim()) add('fargate.cluster', 'fargate.cluster is required (the ECS cluster name or ARN).');
  if (!spec.taskDefinition.trim())
    add('fargate.task-definition', 'fargate.task-definition is required (family, family:revision or ARN).');
  if (!spec.container.trim()) add('fargate.container', "fargate.container is required (the runner's container name).");
  if (spec.subnets.length === 0) add('fargate.subnets', 'fargate.subnets needs at least one subnet id.');
  return problems;
}

/** The draft as its mode's type; undefined when a field the mode requires is missing (modeProblems names it). */
function typedRequest(draft: DraftRequest): TrainingRequest | undefined {
  const { fargate, ...common } = draft;
  if (draft.mode === 'local') {
    const request: LocalRequest = { ...common, mode: 'local' };
    return request;
  }
  const roleArn = draft.job.roleArn;
  const output: S3Location | undefined = draft.output.kind === 's3' ? draft.output : undefined;
  if (roleArn === undefined || output === undefined) return undefined;
  const remote = { ...common, job: { ...draft.job, roleArn }, output };
  if (draft.mode === 'sagemaker') {
    const request: SageMakerRequest = { ...remote, mode: 'sagemaker' };
    return request;
  }
  if (fargate === undefined) return undefined;
  const request: FargateRequest = { ...remote, mode: 'fargate', fargate };
  return request;
}
