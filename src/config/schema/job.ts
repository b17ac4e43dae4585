// The `job:` section: the training job's name, role, instances, limits, container settings and security.

import { JOB_NAME_PATTERN, MAX_JOB_NAME_LENGTH, MAX_NAME_PREFIX_LENGTH } from '../../naming.js';
import { ROLE_ARN_PATTERN } from '../../patterns.js';
import type { JobSpec } from '../../request.js';
import { trainingInstanceTypeProblem } from '../instance-types.js';
import {
  child,
  describe,
  readDuration,
  readInteger,
  readMap,
  readString,
  readStringList,
  readStringMap,
} from '../read.js';
import type { MapNode } from '../tree.js';
import { present, type SectionContext } from './context.js';
import { readJobSecurity } from './job-security.js';
import { DEFAULTS, ENV_NAME_PATTERN, EXAMPLE_ROLE, LIMITS } from './limits.js';
import { readCheckpoint, readSpot } from './spot-checkpoint.js';

const JOB_KEYS = [
  'name-prefix',
  'name',
  'role-arn',
  'instance-type',
  'instance-count',
  'volume-size-gb',
  'max-runtime',
  'spot',
  'checkpoint',
  'environment',
  'entrypoint',
  'arguments',
  'keep-alive',
  'max-retry-attempts',
  'vpc',
  'network-isolation',
  'inter-container-encryption',
  'output-kms-key',
  'volume-kms-key',
  'capacity-retries',
  'price-per-hour',
] as const;
const SPOT_KEYS = ['max-wait', 'checkpoint-s3-uri'] as const;
const CHECKPOINT_KEYS = ['s3-uri', 'local-path', 'host-path'] as const;
const NAME_PREFIX_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const INSTANCE_TYPE_PATTERN = /^ml\.[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const LOCAL_INSTANCE_TYPES = ['local', 'local_gpu'];

export function readJob(ctx: SectionContext): JobSpec {
  const job = readMap(ctx.root, 'job', ctx.issues, JOB_KEYS, '{ instance-type: ml.m5.large }', {
    'max-wait':
      'max-wait applies only to managed spot training: set it as job.spot.max-wait, with a checkpoint S3 URI (spot: { max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ })',
  });
  const namePrefix = readNamePrefix(ctx, job);
  const name = readJobName(ctx, job);
  const roleArn = readRoleArn(ctx, job);
  const instanceType = readInstanceType(ctx, job);
  const instanceCount = readInstanceCount(ctx, job);
  const volumeSizeGb = readInteger(job, 'volume-size-gb', ctx.issues, LIMITS.volumeSizeGb) ?? DEFAULTS.volumeSizeGb;
  const maxRuntimeSeconds =
    readDuration(job, 'max-runtime', ctx.issues, LIMITS.maxRuntimeSeconds) ?? DEFAULTS.maxRuntimeSeconds;
  const { spot, checkpoint } = readSpotAndCheckpoint(ctx, job, maxRuntimeSeconds, namePrefix);
  const container = readContainer(ctx, job);
  const keepAliveSeconds = readDuration(job, 'keep-alive', ctx.issues, LIMITS.keepAliveSeconds);
  const maxRetryAttempts = readInteger(job, 'max-retry-attempts', ctx.issues, LIMITS.maxRetryAttempts);
  const security = readJobSecurity(ctx, job);
  const capacityRetries =
    readInteger(job, 'capacity-retries', ctx.issues, LIMITS.capacityRetries) ?? DEFAULTS.capacityRetries;
  const pricePerHour = readPricePerHour(ctx, job);
  return present({
    namePrefix,
    name,
    roleArn,
    instanceType,
    instanceCount,
    volumeSizeGb,
    maxRuntimeSeconds,
    spot,
    checkpoint,
    ...container,
    keepAliveSeconds,
    maxRetryAttempts,
    ...security,
    capacityRetries,
    pricePerHour,
  });
}

function readNamePrefix(ctx: SectionContext, job: MapNode | undefined): string {
  return (
    readString(job, 'name-prefix', ctx.issues, {
      allowed: 'a job name prefix such as iris',
      check: (text) =>
        NAME_PREFIX_PATTERN.test(text) && text.length <= MAX_NAME_PREFIX_LENGTH
          ? undefined
          : `must be 1 to ${MAX_NAME_PREFIX_LENGTH} letters, digits or hyphens starting with a letter or digit, so generated job names fit SageMaker's ${MAX_JOB_NAME_LENGTH} characters (got "${text}"${text.length > MAX_NAME_PREFIX_LENGTH ? `, ${text.length} characters` : ''})`,
    }) ?? DEFAULTS.namePrefix
  );
}

function readJobName(ctx: SectionContext, job: MapNode | undefined): string | undefined {
  return readString(job, 'name', ctx.issues, {
    allowed: 'a training job name such as iris-manual-1',
    check: (text) => {
      if (text.length > MAX_JOB_NAME_LENGTH) {
        return `must be at most ${MAX_JOB_NAME_LENGTH} characters, SageMaker's limit for training job names (got ${text.length} characters: "${text}")`;
      }
      if (!JOB_NAME_PATTERN.test(text)) {
        return `may contain only letters, digits and hyphens (no underscores), starting and ending with a letter or digit, as SageMaker requires (${JOB_NAME_PATTERN.source}); got "${text}"`;
      }
      return undefined;
    },
  });
}

function readSpotAndCheckpoint(
  ctx: SectionContext,
  job: MapNode | undefined,
  maxRuntimeSeconds: number,
  namePrefix: string,
): Pick<JobSpec, 'spot' | 'checkpoint'> {
  const spotMap = readMap(
    job,
    'spot',
    ctx.issues,
    SPOT_KEYS,
    '{ max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ }',
  );
  const checkpointMap = readMap(
    job,
    'checkpoint',
    ctx.issues,
    CHECKPOINT_KEYS,
    '{ s3-uri: s3://bucket/checkpoints/, local-path: /opt/ml/checkpoints }',
  );
  const spot = spotMap === undefined ? undefined : readSpot(ctx, spotMap, checkpointMap, maxRuntimeSeconds);
  return { spot, checkpoint: readCheckpoint(ctx, spotMap, checkpointMap, namePrefix) };
}

/** The container's environment, entrypoint and arguments (an empty list is left out). */
function readContainer(
  ctx: SectionContext,
  job: MapNode | undefined,
): Pick<JobSpec, 'environment' | 'entrypoint' | 'arguments'> {
  const environment = readStringMap(job, 'environment', ctx.issues, {
    example: '{ LOG_LEVEL: info }',
    maxEntries: LIMITS.environment,
    maxValueLength: LIMITS.environmentValue,
    checkKey: (key) =>
      ENV_NAME_PATTERN.test(key) && key.length <= LIMITS.environmentKey
        ? undefined
        : `environment variable names must be letters, digits and underscores, not starting with a digit, at most ${LIMITS.environmentKey} characters (got "${key}")`,
  });
  const listRule = { maxItems: LIMITS.containerList, maxLength: LIMITS.containerListItem };
  const entrypoint = readStringList(job, 'entrypoint', ctx.issues, {
    ...listRule,
    example: '[python3, /opt/program/train.py]',
    nonEmptyItems: true,
  });
  if (entrypoint !== undefined && entrypoint.length === 0) {
    ctx.issues.add(
      child(job, 'entrypoint')?.where ?? 'job.entrypoint',
      'must list at least the program to run, such as [python3, /opt/program/train.py]',
    );
  }
  const args = readStringList(job, 'arguments', ctx.issues, {
    ...listRule,
    example: '[--verbose]',
    nonEmptyItems: false,
  });
  return {
    environment,
    entrypoint: entrypoint?.length ? entrypoint : undefined,
    arguments: args?.length ? args : undefined,
  };
}

export function readRoleArn(ctx: SectionContext, job: MapNode | undefined): string | undefined {
  const roleArn = readString(job, 'role-arn', ctx.issues, {
    allowed: `an IAM role ARN such as ${EXAMPLE_ROLE}`,
    check: (text) =>
      ROLE_ARN_PATTERN.test(text) ? undefined : `must be an IAM role ARN such as ${EXAMPLE_ROLE} (got "${text}")`,
  });
  if (ctx.remote && child(job, 'role-arn') === undefined) {
    ctx.issues.add(
      'job.role-arn',
      `is required in ${ctx.mode} mode${ctx.modeNote}: the IAM role SageMaker assumes to run the job, such as ${EXAMPLE_ROLE}`,
    );
  }
  return roleArn;
}

export function readInstanceType(ctx: SectionContext, job: MapNode | undefined): string {
  const node = child(job, 'instance-type');
  const instanceType = readString(job, 'instance-type', ctx.issues, {
    allowed: 'an instance type such as ml.m5.large',
    check: (text) => {
      if (LOCAL_INSTANCE_TYPES.includes(text)) return undefined;
      // Local mode only reads the family (GPU or not); the service takes only the types it offers for training.
      if (INSTANCE_TYPE_PATTERN.test(text)) return ctx.remote ? trainingInstanceTypeProblem(text) : undefined;
      const hint = INSTANCE_TYPE_PATTERN.test(`ml.${text}`) ? ` (did you mean "ml.${text}"?)` : '';
      return `must be an ml.<family>.<size> instance type such as ml.m5.large or ml.g5.xlarge, or local / local_gpu in local mode (got "${text}")${hint}`;
    },
  });
  if (instanceType !== undefined && node !== undefined && ctx.remote && LOCAL_INSTANCE_TYPES.includes(instanceType)) {
    ctx.issues.add(
      node.where,
      `"${instanceType}" runs on this machine and needs mode local; ${ctx.mode} mode needs an ml.* instance type such as ml.m5.large${ctx.modeNote}`,
    );
  }
  return instanceType ?? DEFAULTS.instanceType;
}

export function readInstanceCount(ctx: SectionContext, job: MapNode | undefined): number {
  const count = readInteger(job, 'instance-count', ctx.issues, LIMITS.instanceCount);
  if (count !== undefined && ctx.modeKnown && ctx.mode === 'local' && count > LIMITS.localInstanceCount) {
    ctx.issues.add(
      child(job, 'instance-count')?.where ?? 'job.instance-count',
      `must be at most ${LIMITS.localInstanceCount} in local mode, where every host is a container on this machine (got ${count}); use mode sagemaker for more instances`,
    );
  }
  return count ?? DEFAULTS.instanceCount;
}

export function readPricePerHour(ctx: SectionContext, job: MapNode | undefined): number | undefined {
  const node = child(job, 'price-per-hour');
  if (node === undefined) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && node.value > 0) {
    return node.value;
  }
  ctx.issues.add(
    node.where,
    `must be a positive number: the price in USD of one instance-hour, such as 1.41 (got ${describe(node)})`,
  );
  return undefined;
}
