// The configuration's schema: reads the merged tree (file + overrides), checks every rule, and builds the
// TrainingRequest. Problems go to the issue list; checks that need the file system are returned to run afterwards.

import path from 'node:path';
import { JOB_NAME_PATTERN, MAX_JOB_NAME_LENGTH, MAX_NAME_PREFIX_LENGTH } from '../naming.js';
import {
  MODES,
  type BuildImageSpec,
  type ChannelSpec,
  type CheckpointSpec,
  type CompressionType,
  type FargateCapacity,
  type FargateSpec,
  type ImageSpec,
  type InputMode,
  type JobSpec,
  type LocalGpuPolicy,
  type LocalSpec,
  type Location,
  type MaxRegression,
  type MetricSpec,
  type Mode,
  type RecordWrapperType,
  type S3DistributionType,
  type S3Location,
  type DraftRequest,
  type TrainingRequest,
  type VpcSpec,
} from '../request.js';
import { checkMode, type ModeProblem } from './mode-rules.js';
import { formatDuration } from './duration.js';
import { DEFAULT_GATE, readGate } from './gate.js';
import { readRegister, readServe } from './serving.js';
import type { IssueList } from './errors.js';
import { parseImageReference } from './image-ref.js';
import { trainingInstanceTypeProblem } from './instance-types.js';
import { readLocalResources } from './local-resources.js';
import { LocationError, hasUriScheme, parseS3Uri } from './locations.js';
import {
  checkKeys,
  checkString,
  child,
  describe,
  readDuration,
  readEnum,
  readInteger,
  readMap,
  readNumber,
  readSeq,
  readBoolean,
  readString,
  readStringList,
  readStringMap,
  whereMissing,
  type StringRule,
} from './read.js';
import { childPath, nodeAt, type MapNode, type TreeNode } from './tree.js';
import { modeWarnings } from './mode-warnings.js';
import type { ConfigIssue } from './errors.js';

export const TOP_LEVEL_KEYS = [
  'mode',
  'region',
  'image',
  'job',
  'channels',
  'output',
  'hyperparameters',
  'metrics',
  'local',
  'tags',
  'fargate',
  'wait',
  'reuse',
  'gate',
  'serve',
  'register',
] as const;
export const IMAGE_BUILD_KEYS = [
  'dockerfile',
  'context',
  'build-args',
  'target',
  'platform',
  'repository',
  'force-build',
  'registry-username',
  'registry-password-env',
  'create-repository',
  'immutable-tags',
] as const;
const IMAGE_KEYS = [...IMAGE_BUILD_KEYS, 'uri'] as const;
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
const VPC_KEYS = ['subnets', 'security-groups'] as const;
const FARGATE_KEYS = [
  'cluster',
  'task-definition',
  'container',
  'subnets',
  'security-groups',
  'assign-public-ip',
  'capacity',
  'github-app-secret',
] as const;
const SPOT_KEYS = ['max-wait', 'checkpoint-s3-uri'] as const;
const CHECKPOINT_KEYS = ['s3-uri', 'local-path', 'host-path'] as const;
const CHANNEL_KEYS = ['source', 'input-mode', 'content-type', 'distribution', 'compression', 'record-wrapper'] as const;
const METRIC_KEYS = ['name', 'regex', 'goal', 'threshold', 'max-regression'] as const;
const LOCAL_KEYS = ['gpu', 'cancel-grace', 'aws-credentials', 'shm-size', 'gpus-per-host', 'ulimits'] as const;

/** Limits of the SageMaker API (and of this tool's local mode) checked before anything runs. */
export const LIMITS = {
  instanceCount: { min: 1, max: 100 },
  localInstanceCount: 8,
  volumeSizeGb: { min: 1, max: 16_384 },
  maxRuntimeSeconds: { min: 1, max: 2_419_200 },
  keepAliveSeconds: { min: 0, max: 3_600 },
  maxRetryAttempts: { min: 1, max: 30 },
  capacityRetries: { min: 0, max: 5 },
  vpcSubnets: { min: 1, max: 16 },
  vpcSecurityGroups: { min: 1, max: 5 },
  resourceId: 32,
  kmsKeyId: 2_048,
  fargateSubnets: { min: 1, max: 16 },
  fargateSecurityGroups: { min: 0, max: 5 },
  ecsName: 255,
  cancelGraceSeconds: { min: 0, max: 60 },
  metrics: 40,
  metricName: 255,
  metricRegex: 500,
  hyperparameters: 100,
  hyperparameterKey: 256,
  hyperparameterValue: 2_500,
  environment: 100,
  environmentKey: 512,
  environmentValue: 512,
  containerList: 100,
  containerListItem: 256,
  channels: 20,
  channelName: 64,
  tags: 50,
  tagKey: 128,
  tagValue: 256,
} as const;

export const DEFAULTS = {
  mode: 'local' as Mode,
  region: 'us-east-1',
  namePrefix: 'training',
  instanceType: 'ml.m5.large',
  instanceCount: 1,
  volumeSizeGb: 30,
  maxRuntimeSeconds: 86_400,
  platform: 'linux/amd64',
  checkpointContainerPath: '/opt/ml/checkpoints',
  localOutput: '.sagemaker-train/output',
  localGpu: 'required' as LocalGpuPolicy,
  cancelGraceSeconds: 5,
  capacityRetries: 0,
  wait: true,
  reuse: true,
  fargateContainer: 'runner',
  fargateCapacity: 'FARGATE' as FargateCapacity,
  assignPublicIp: false,
} as const;

const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
const INPUT_MODES: readonly InputMode[] = ['File', 'Pipe', 'FastFile'];
const DISTRIBUTIONS: readonly S3DistributionType[] = ['FullyReplicated', 'ShardedByS3Key'];
const COMPRESSIONS: readonly CompressionType[] = ['None', 'Gzip'];
const RECORD_WRAPPERS: readonly RecordWrapperType[] = ['None', 'RecordIO'];
const GPU_POLICIES: readonly LocalGpuPolicy[] = ['required', 'optional'];
const GOALS = ['maximize', 'minimize'] as const;
const FARGATE_CAPACITIES: readonly FargateCapacity[] = ['FARGATE', 'FARGATE_SPOT'];

const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const NAME_PREFIX_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const INSTANCE_TYPE_PATTERN = /^ml\.[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const LOCAL_INSTANCE_TYPES = ['local', 'local_gpu'];
const ENV_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9.\-_]+$/;
const STAGE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
const TAG_TEXT_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const PERCENT_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)%$/;
const SUBNET_PATTERN = /^subnet-[0-9a-z]+$/;
const SECURITY_GROUP_PATTERN = /^sg-[0-9a-z]+$/;
const ARN_HEAD = 'arn:aws[a-z-]*:';
const ACCOUNT_REGION = '([a-z]{2}(?:-[a-z]+)+-\\d{1,2}):\\d{12}:';
const KMS_KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const KMS_ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
const KMS_KEY_PATTERNS = [
  new RegExp(`^${KMS_KEY_ID}$`, 'i'),
  new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}key/${KMS_KEY_ID}$`, 'i'),
];
const KMS_ALIAS_PATTERNS = [new RegExp(`^${KMS_ALIAS}$`), new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}${KMS_ALIAS}$`)];
const ECS_NAME = '[A-Za-z0-9_-]{1,255}';
const ECS_NAME_PATTERN = new RegExp(`^${ECS_NAME}$`);
const CLUSTER_ARN_PATTERN = new RegExp(`^${ARN_HEAD}ecs:${ACCOUNT_REGION}cluster/${ECS_NAME}$`);
const TASK_DEFINITION_PATTERN = new RegExp(`^${ECS_NAME}(?::[1-9]\\d*)?$`);
const TASK_DEFINITION_ARN_PATTERN = new RegExp(
  `^${ARN_HEAD}ecs:${ACCOUNT_REGION}task-definition/${ECS_NAME}(?::[1-9]\\d*)?$`,
);
const SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN_PATTERN = new RegExp(`^${ARN_HEAD}secretsmanager:${ACCOUNT_REGION}secret:[A-Za-z0-9/_+=.@-]{1,512}$`);

const EXAMPLE_ROLE = 'arn:aws:iam::123456789012:role/SageMakerTraining';
const EXAMPLE_SUBNET = 'subnet-0123456789abcdef0';
const EXAMPLE_SECURITY_GROUP = 'sg-0123456789abcdef0';
const EXAMPLE_FARGATE = `{ cluster: training, task-definition: sagemaker-train-runner, subnets: [${EXAMPLE_SUBNET}] }`;

/** A check on the local file system, run after the tree has been read. */
export interface PathCheck {
  where: string;
  path: string;
  expect: 'file' | 'directory' | 'directory-if-exists';
  /** Extra words for a missing path (`set image.dockerfile, or image.uri to use a prebuilt image`). */
  hint?: string;
  /** Skip this check when the check with this path failed (a default Dockerfile inside a missing context). */
  unlessFailed?: string;
}

export interface BuildContext {
  workspace: string;
  configFile?: string;
  env: Record<string, string | undefined>;
  issues: IssueList;
}

export interface BuildResult {
  /** Absent when an issue was added. */
  request?: TrainingRequest;
  pathChecks: PathCheck[];
  /** Settings that have no effect in the chosen mode. */
  warnings: ConfigIssue[];
}

/** Reads and checks the merged configuration tree: the typed request when no issue was added. */
export function buildRequest(root: MapNode, context: BuildContext): BuildResult {
  return new RequestBuilder(root, context).build();
}

class RequestBuilder {
  private readonly pathChecks: PathCheck[] = [];
  private readonly issues: IssueList;
  private mode: Mode = DEFAULTS.mode;
  /** False when the mode given is invalid: mode-dependent rules are then skipped. */
  private modeKnown = true;
  /** ` (mode set by input "mode")` when an override chose the mode; empty otherwise. */
  private modeNote = '';
  private region: string = DEFAULTS.region;

  constructor(
    private readonly root: MapNode,
    private readonly context: BuildContext,
  ) {
    this.issues = context.issues;
  }

  build(): BuildResult {
    checkKeys(this.root, TOP_LEVEL_KEYS, this.issues);
    this.readMode();
    this.region = this.readRegion();
    const job = this.readJob();
    const image = this.readImage();
    const fargate = this.readFargate();
    const gate = readGate(this.root, this.issues);
    const { serve, files } = readServe(this.root, this.issues, this.context.workspace);
    for (const file of files) this.pathChecks.push({ where: file.where, path: file.path, expect: 'file' });
    const register = readRegister(this.root, this.issues, serve);
    const output = this.readOutput();
    if (register && output.kind !== 's3') {
      this.issues.add(
        whereOf(this.root, 'register'),
        'needs an S3 output (output: s3://bucket/prefix/): the model package points at model.tar.gz in S3',
      );
    }
    const draft: DraftRequest = {
      mode: this.mode,
      workspace: this.context.workspace,
      ...(this.context.configFile !== undefined ? { configFile: this.context.configFile } : {}),
      region: this.region,
      image,
      job,
      channels: this.readChannels(),
      output,
      hyperparameters: this.readHyperparameters(),
      metrics: this.readMetrics(),
      local: this.readLocal(),
      tags: this.readTags(),
      ...(fargate !== undefined ? { fargate } : {}),
      wait: this.readWait(),
      reuse: readBoolean(this.root, 'reuse', this.issues) ?? DEFAULTS.reuse,
      ...(gate.baseline !== DEFAULT_GATE.baseline ? { gate } : {}),
      ...(serve ? { serve } : {}),
      ...(register ? { register } : {}),
    };
    const warnings = this.modeKnown ? modeWarnings(this.root, this.mode) : [];
    return { ...this.checkMode(draft), pathChecks: this.pathChecks, warnings };
  }

  /**
   * The mode's rules on the request as read, each reported at its key's line unless a problem at that key (with a
   * more precise message) was reported already; the typed request when nothing at all is wrong.
   */
  private checkMode(draft: DraftRequest): { request?: TrainingRequest } {
    if (!this.modeKnown) return {};
    const check = checkMode(draft);
    if (check.ok) return this.issues.empty ? { request: check.request } : {};
    const reported = (key: string): boolean =>
      this.issues.items.some(
        (issue) =>
          issue.where === key ||
          issue.where.startsWith(`${key} `) ||
          issue.where.startsWith(`${key}.`) ||
          issue.where.startsWith(`${key}[`),
      );
    for (const problem of check.problems) {
      if (!reported(problem.key)) this.issues.add(whereOf(this.root, problem.key), modeMessage(problem));
    }
    return {};
  }

  private get remote(): boolean {
    return this.modeKnown && this.mode !== 'local';
  }

  // ── mode and region ──────────────────────────────────────────────────────────────────────────────────────────────

  private readMode(): void {
    const node = child(this.root, 'mode');
    if (node === undefined) return;
    const mode = readEnum(this.root, 'mode', this.issues, MODES);
    if (mode === undefined) this.modeKnown = false;
    else {
      this.mode = mode;
      if (node.override !== undefined) this.modeNote = ` (mode set by ${node.override})`;
    }
  }

  private readRegion(): string {
    const rule: StringRule = {
      allowed: 'an AWS region such as us-east-1',
      check: (text) =>
        REGION_PATTERN.test(text) ? undefined : `must be an AWS region such as us-east-1 or eu-west-2 (got "${text}")`,
    };
    if (child(this.root, 'region') !== undefined) {
      return readString(this.root, 'region', this.issues, rule) ?? DEFAULTS.region;
    }
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
      const value = this.context.env[name]?.trim();
      if (value === undefined || value === '') continue;
      if (REGION_PATTERN.test(value)) return value;
      this.issues.add(
        `env ${name}`,
        `must be an AWS region such as us-east-1 (got "${value}"); or set region in the configuration`,
      );
      return DEFAULTS.region;
    }
    return DEFAULTS.region;
  }

  // ── job ──────────────────────────────────────────────────────────────────────────────────────────────────────────

  private readJob(): JobSpec {
    const job = readMap(this.root, 'job', this.issues, JOB_KEYS, '{ instance-type: ml.m5.large }', {
      'max-wait':
        'max-wait applies only to managed spot training: set it as job.spot.max-wait, with a checkpoint S3 URI (spot: { max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ })',
    });
    const namePrefix =
      readString(job, 'name-prefix', this.issues, {
        allowed: 'a job name prefix such as iris',
        check: (text) =>
          NAME_PREFIX_PATTERN.test(text) && text.length <= MAX_NAME_PREFIX_LENGTH
            ? undefined
            : `must be 1 to ${MAX_NAME_PREFIX_LENGTH} letters, digits or hyphens starting with a letter or digit, so generated job names fit SageMaker's ${MAX_JOB_NAME_LENGTH} characters (got "${text}"${text.length > MAX_NAME_PREFIX_LENGTH ? `, ${text.length} characters` : ''})`,
      }) ?? DEFAULTS.namePrefix;
    const name = readString(job, 'name', this.issues, {
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
    const roleArn = this.readRoleArn(job);
    const instanceType = this.readInstanceType(job);
    const instanceCount = this.readInstanceCount(job);
    const volumeSizeGb = readInteger(job, 'volume-size-gb', this.issues, LIMITS.volumeSizeGb) ?? DEFAULTS.volumeSizeGb;
    const maxRuntimeSeconds =
      readDuration(job, 'max-runtime', this.issues, LIMITS.maxRuntimeSeconds) ?? DEFAULTS.maxRuntimeSeconds;
    const spotMap = readMap(
      job,
      'spot',
      this.issues,
      SPOT_KEYS,
      '{ max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ }',
    );
    const checkpointMap = readMap(
      job,
      'checkpoint',
      this.issues,
      CHECKPOINT_KEYS,
      '{ s3-uri: s3://bucket/checkpoints/, local-path: /opt/ml/checkpoints }',
    );
    const spot = spotMap === undefined ? undefined : this.readSpot(spotMap, checkpointMap, maxRuntimeSeconds);
    const checkpoint = this.readCheckpoint(spotMap, checkpointMap, namePrefix);
    const environment = readStringMap(job, 'environment', this.issues, {
      example: '{ LOG_LEVEL: info }',
      maxEntries: LIMITS.environment,
      maxValueLength: LIMITS.environmentValue,
      checkKey: (key) =>
        ENV_NAME_PATTERN.test(key) && key.length <= LIMITS.environmentKey
          ? undefined
          : `environment variable names must be letters, digits and underscores, not starting with a digit, at most ${LIMITS.environmentKey} characters (got "${key}")`,
    });
    const listRule = { maxItems: LIMITS.containerList, maxLength: LIMITS.containerListItem };
    const entrypoint = readStringList(job, 'entrypoint', this.issues, {
      ...listRule,
      example: '[python3, /opt/program/train.py]',
      nonEmptyItems: true,
    });
    if (entrypoint !== undefined && entrypoint.length === 0) {
      this.issues.add(
        child(job, 'entrypoint')?.where ?? 'job.entrypoint',
        'must list at least the program to run, such as [python3, /opt/program/train.py]',
      );
    }
    const args = readStringList(job, 'arguments', this.issues, {
      ...listRule,
      example: '[--verbose]',
      nonEmptyItems: false,
    });
    const keepAliveSeconds = readDuration(job, 'keep-alive', this.issues, LIMITS.keepAliveSeconds);
    const maxRetryAttempts = readInteger(job, 'max-retry-attempts', this.issues, LIMITS.maxRetryAttempts);
    const vpc = this.readVpc(job);
    const networkIsolation = readBoolean(job, 'network-isolation', this.issues);
    const interContainerEncryption = readBoolean(job, 'inter-container-encryption', this.issues);
    const outputKmsKeyId = this.readKmsKey(job, 'output-kms-key');
    const volumeKmsKeyId = this.readKmsKey(job, 'volume-kms-key');
    const capacityRetries =
      readInteger(job, 'capacity-retries', this.issues, LIMITS.capacityRetries) ?? DEFAULTS.capacityRetries;
    const pricePerHour = this.readPricePerHour(job);
    return {
      namePrefix,
      ...(name !== undefined ? { name } : {}),
      ...(roleArn !== undefined ? { roleArn } : {}),
      instanceType,
      instanceCount,
      volumeSizeGb,
      maxRuntimeSeconds,
      ...(spot !== undefined ? { spot } : {}),
      ...(checkpoint !== undefined ? { checkpoint } : {}),
      environment,
      ...(entrypoint !== undefined && entrypoint.length > 0 ? { entrypoint } : {}),
      ...(args !== undefined && args.length > 0 ? { arguments: args } : {}),
      ...(keepAliveSeconds !== undefined ? { keepAliveSeconds } : {}),
      ...(maxRetryAttempts !== undefined ? { maxRetryAttempts } : {}),
      ...(vpc !== undefined ? { vpc } : {}),
      ...(networkIsolation !== undefined ? { networkIsolation } : {}),
      ...(interContainerEncryption !== undefined ? { interContainerEncryption } : {}),
      ...(outputKmsKeyId !== undefined ? { outputKmsKeyId } : {}),
      ...(volumeKmsKeyId !== undefined ? { volumeKmsKeyId } : {}),
      capacityRetries,
      ...(pricePerHour !== undefined ? { pricePerHour } : {}),
    };
  }

  private readRoleArn(job: MapNode | undefined): string | undefined {
    const roleArn = readString(job, 'role-arn', this.issues, {
      allowed: `an IAM role ARN such as ${EXAMPLE_ROLE}`,
      check: (text) =>
        ROLE_ARN_PATTERN.test(text) ? undefined : `must be an IAM role ARN such as ${EXAMPLE_ROLE} (got "${text}")`,
    });
    if (this.remote && child(job, 'role-arn') === undefined) {
      this.issues.add(
        'job.role-arn',
        `is required in ${this.mode} mode${this.modeNote}: the IAM role SageMaker assumes to run the job, such as ${EXAMPLE_ROLE}`,
      );
    }
    return roleArn;
  }

  private readInstanceType(job: MapNode | undefined): string {
    const node = child(job, 'instance-type');
    const instanceType = readString(job, 'instance-type', this.issues, {
      allowed: 'an instance type such as ml.m5.large',
      check: (text) => {
        if (LOCAL_INSTANCE_TYPES.includes(text)) return undefined;
        // Local mode only reads the family (GPU or not); the service takes only the types it offers for training.
        if (INSTANCE_TYPE_PATTERN.test(text)) return this.remote ? trainingInstanceTypeProblem(text) : undefined;
        const hint = INSTANCE_TYPE_PATTERN.test(`ml.${text}`) ? ` (did you mean "ml.${text}"?)` : '';
        return `must be an ml.<family>.<size> instance type such as ml.m5.large or ml.g5.xlarge, or local / local_gpu in local mode (got "${text}")${hint}`;
      },
    });
    if (
      instanceType !== undefined &&
      node !== undefined &&
      this.remote &&
      LOCAL_INSTANCE_TYPES.includes(instanceType)
    ) {
      this.issues.add(
        node.where,
        `"${instanceType}" runs on this machine and needs mode local; ${this.mode} mode needs an ml.* instance type such as ml.m5.large${this.modeNote}`,
      );
    }
    return instanceType ?? DEFAULTS.instanceType;
  }

  private readInstanceCount(job: MapNode | undefined): number {
    const count = readInteger(job, 'instance-count', this.issues, LIMITS.instanceCount);
    if (count !== undefined && this.modeKnown && this.mode === 'local' && count > LIMITS.localInstanceCount) {
      this.issues.add(
        child(job, 'instance-count')?.where ?? 'job.instance-count',
        `must be at most ${LIMITS.localInstanceCount} in local mode, where every host is a container on this machine (got ${count}); use mode sagemaker for more instances`,
      );
    }
    return count ?? DEFAULTS.instanceCount;
  }

  /** job.vpc (SageMaker's VpcConfig): both lists are required. Read in every mode; only the remote modes use it. */
  private readVpc(job: MapNode | undefined): VpcSpec | undefined {
    const vpc = readMap(
      job,
      'vpc',
      this.issues,
      VPC_KEYS,
      `{ subnets: [${EXAMPLE_SUBNET}], security-groups: [${EXAMPLE_SECURITY_GROUP}] }`,
    );
    if (vpc === undefined) return undefined;
    const subnets = this.readIdList(vpc, 'subnets', {
      what: 'subnet ID',
      pattern: SUBNET_PATTERN,
      example: EXAMPLE_SUBNET,
      count: LIMITS.vpcSubnets,
      limitOf: 'SageMaker',
      required: `with job.vpc: the subnets the training instances run in, such as [${EXAMPLE_SUBNET}] (1 to ${LIMITS.vpcSubnets.max})`,
    });
    const securityGroupIds = this.readIdList(vpc, 'security-groups', {
      what: 'security group ID',
      pattern: SECURITY_GROUP_PATTERN,
      example: EXAMPLE_SECURITY_GROUP,
      count: LIMITS.vpcSecurityGroups,
      limitOf: 'SageMaker',
      required: `with job.vpc: the security groups of the training instances, such as [${EXAMPLE_SECURITY_GROUP}] (1 to ${LIMITS.vpcSecurityGroups.max})`,
    });
    if (subnets === undefined || securityGroupIds === undefined) return undefined;
    return { subnets, securityGroupIds };
  }

  /** A list of AWS resource IDs (subnets, security groups): the count within limits, each ID well formed, no repeats. */
  private readIdList(
    map: MapNode | undefined,
    key: string,
    rule: {
      what: string;
      pattern: RegExp;
      example: string;
      count: { min: number; max: number };
      limitOf: string;
      /** The rest of "is required …" when the list must be given (`with job.vpc: …`); undefined when it is optional. */
      required?: string;
    },
  ): string[] | undefined {
    const node = child(map, key);
    const list = readSeq(map, key, this.issues, `[${rule.example}]`);
    if (list === undefined) {
      const absent = node === undefined || isEmpty(node);
      if (absent && rule.required !== undefined) {
        this.issues.add(whereMissing(map, key, ''), `is required ${rule.required}`);
      }
      return undefined;
    }
    let usable = true;
    const { min, max } = rule.count;
    if (list.items.length < min || list.items.length > max) {
      this.issues.add(
        list.where,
        `must list ${min} to ${max} ${rule.what}s, ${rule.limitOf}'s limit (got ${list.items.length})`,
      );
      usable = false;
    }
    const ids: string[] = [];
    for (const item of list.items) {
      const id = checkString(item, this.issues, {
        allowed: `a ${rule.what} such as ${rule.example}`,
        check: (text) =>
          rule.pattern.test(text) && text.length <= LIMITS.resourceId
            ? undefined
            : `must be a ${rule.what} such as ${rule.example} (got "${text}")`,
      });
      if (id === undefined) usable = false;
      else if (ids.includes(id)) {
        this.issues.add(item.where, `lists ${id} more than once`);
        usable = false;
      } else ids.push(id);
    }
    return usable ? ids : undefined;
  }

  // OutputDataConfig.KmsKeyId takes a key or an alias; ResourceConfig.VolumeKmsKeyId documents only a key id or key ARN.
  private readKmsKey(job: MapNode | undefined, key: 'output-kms-key' | 'volume-kms-key'): string | undefined {
    const keyArn = `arn:aws:kms:${this.region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const aliases = key === 'output-kms-key';
    const allowed = aliases
      ? `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab), key ARN (${keyArn}), alias (alias/training) or alias ARN`
      : `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab) or key ARN (${keyArn}); SageMaker takes no alias here`;
    const patterns = aliases ? [...KMS_KEY_PATTERNS, ...KMS_ALIAS_PATTERNS] : KMS_KEY_PATTERNS;
    return readString(job, key, this.issues, {
      allowed,
      check: (text) => {
        if (text.length > LIMITS.kmsKeyId) {
          return `must be ${allowed}, at most ${LIMITS.kmsKeyId} characters (got ${text.length} characters)`;
        }
        return patterns.some((pattern) => pattern.test(text)) ? undefined : `must be ${allowed} (got "${text}")`;
      },
    });
  }

  private readPricePerHour(job: MapNode | undefined): number | undefined {
    const node = child(job, 'price-per-hour');
    if (node === undefined) return undefined;
    if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && node.value > 0) {
      return node.value;
    }
    this.issues.add(
      node.where,
      `must be a positive number: the price in USD of one instance-hour, such as 1.41 (got ${describe(node)})`,
    );
    return undefined;
  }

  private readSpot(
    spotMap: MapNode,
    checkpointMap: MapNode | undefined,
    maxRuntimeSeconds: number,
  ): { maxWaitSeconds: number } | undefined {
    const maxWaitNode = child(spotMap, 'max-wait');
    const maxWait = readDuration(spotMap, 'max-wait', this.issues, { min: 1 });
    if (maxWaitNode === undefined) {
      this.issues.add(
        childPath(spotMap.path, 'max-wait'),
        `is required with spot: the longest to wait for spot capacity plus train, at least max-runtime (${formatDuration(maxRuntimeSeconds)}), such as 4h`,
      );
    } else if (maxWait !== undefined && maxWait < maxRuntimeSeconds) {
      this.issues.add(
        maxWaitNode.where,
        `must be at least max-runtime (${formatDuration(maxRuntimeSeconds)}) because it includes the training time (got ${describe(maxWaitNode)})`,
      );
    }
    const hasCheckpointUri =
      child(spotMap, 'checkpoint-s3-uri') !== undefined || child(checkpointMap, 's3-uri') !== undefined;
    if (!hasCheckpointUri) {
      this.issues.add(
        spotMap.where,
        'needs a checkpoint S3 URI so interrupted spot training can resume: set job.spot.checkpoint-s3-uri or job.checkpoint.s3-uri',
      );
    }
    return maxWait === undefined ? undefined : { maxWaitSeconds: maxWait };
  }

  private readCheckpoint(
    spotMap: MapNode | undefined,
    checkpointMap: MapNode | undefined,
    namePrefix: string,
  ): CheckpointSpec | undefined {
    const spotUriNode = child(spotMap, 'checkpoint-s3-uri');
    const blockUriNode = child(checkpointMap, 's3-uri');
    const spotUri = spotUriNode === undefined ? undefined : this.readS3(spotUriNode);
    const blockUri = blockUriNode === undefined ? undefined : this.readS3(blockUriNode);
    if (spotUri !== undefined && blockUri !== undefined && spotUri.uri !== blockUri.uri) {
      this.issues.add(
        spotUriNode?.where ?? 'job.spot.checkpoint-s3-uri',
        `names a different checkpoint location than job.checkpoint.s3-uri (${blockUri.uri}); set one of them`,
      );
    }
    if (checkpointMap === undefined && spotUriNode === undefined) return undefined;
    if (this.remote && spotUriNode === undefined && blockUriNode === undefined && checkpointMap !== undefined) {
      this.issues.add(
        childPath(checkpointMap.path, 's3-uri'),
        `is required in ${this.mode} mode when checkpointing: SageMaker copies checkpoints to S3, such as s3://my-bucket/checkpoints/`,
      );
    }
    const containerPath =
      readString(checkpointMap, 'local-path', this.issues, {
        allowed: 'an absolute path inside the container such as /opt/ml/checkpoints',
        check: (text) =>
          text.startsWith('/')
            ? undefined
            : `must be an absolute path inside the container such as /opt/ml/checkpoints (got "${text}")`,
      }) ?? DEFAULTS.checkpointContainerPath;
    const hostNode = child(checkpointMap, 'host-path');
    let hostPath = path.join(this.context.workspace, '.sagemaker-train', 'checkpoints', namePrefix);
    if (hostNode !== undefined) {
      const text = checkString(hostNode, this.issues, { allowed: 'a folder relative to the workspace' });
      if (text !== undefined) {
        hostPath = this.localPath(text, hostNode.where);
        this.pathChecks.push({ where: hostNode.where, path: hostPath, expect: 'directory-if-exists' });
      }
    }
    const s3Uri = spotUri ?? blockUri;
    return { ...(s3Uri !== undefined ? { s3Uri } : {}), containerPath, hostPath };
  }

  // ── image ────────────────────────────────────────────────────────────────────────────────────────────────────────

  private readImage(): ImageSpec {
    const image = readMap(
      this.root,
      'image',
      this.issues,
      IMAGE_KEYS,
      '{ uri: registry/repository:tag } or { dockerfile: Dockerfile, context: . }',
    );
    const uriNode = child(image, 'uri');
    if (image !== undefined && uriNode !== undefined) return this.readPrebuiltImage(image, uriNode);
    return this.readBuildImage(image);
  }

  private readPrebuiltImage(image: MapNode, uriNode: TreeNode): ImageSpec {
    for (const key of IMAGE_BUILD_KEYS) {
      const entry = image.entries.get(key);
      if (entry !== undefined) {
        this.issues.add(
          entry.keyWhere,
          `cannot be combined with image.uri: a prebuilt image is used as it is (remove image.uri to build the image, or remove ${key})`,
        );
      }
    }
    const uri = checkString(uriNode, this.issues, {
      allowed: 'an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0',
      check: (text) => {
        const ref = parseImageReference(text);
        if ('problem' in ref)
          return `must be an image reference such as registry/repository:tag: it ${ref.problem} (got "${text}")`;
        if (ref.tag === undefined && ref.digest === undefined) {
          return `must name a tag (:1.0) or a digest (@sha256:…) so the run uses a known image (got "${text}")`;
        }
        if (this.remote && ref.registry === undefined) {
          return `must include the registry host in ${this.mode} mode, such as 123456789012.dkr.ecr.${this.region}.amazonaws.com/iris:1.0: SageMaker pulls from Amazon ECR or a private registry (got "${text}")`;
        }
        return undefined;
      },
    });
    return { kind: 'prebuilt', uri: uri ?? '' };
  }

  private readBuildImage(image: MapNode | undefined): BuildImageSpec {
    const workspace = this.context.workspace;
    const contextNode = child(image, 'context');
    const contextText =
      contextNode === undefined
        ? undefined
        : checkString(contextNode, this.issues, { allowed: 'a folder relative to the workspace' });
    const context =
      contextText === undefined ? workspace : this.localPath(contextText, contextNode?.where ?? 'image.context');
    const contextWhere = contextNode?.where ?? 'image.context';
    this.pathChecks.push({ where: contextWhere, path: context, expect: 'directory' });

    const dockerfileNode = child(image, 'dockerfile');
    const dockerfileText =
      dockerfileNode === undefined
        ? undefined
        : checkString(dockerfileNode, this.issues, { allowed: 'a Dockerfile path relative to the workspace' });
    const dockerfile =
      dockerfileText === undefined
        ? path.join(context, 'Dockerfile')
        : this.localPath(dockerfileText, dockerfileNode?.where ?? 'image.dockerfile');
    if (dockerfileNode === undefined) {
      this.pathChecks.push({
        where: 'image.dockerfile',
        path: dockerfile,
        expect: 'file',
        hint: 'set image.dockerfile, or image.uri to use a prebuilt image',
        unlessFailed: context,
      });
    } else if (dockerfileText !== undefined) {
      this.pathChecks.push({ where: dockerfileNode.where, path: dockerfile, expect: 'file' });
    }

    const buildArgs = readStringMap(image, 'build-args', this.issues, {
      example: '{ BASE_IMAGE: python:3.12-slim }',
      maxEntries: 100,
      maxValueLength: 65_536,
      checkKey: (key) =>
        ENV_NAME_PATTERN.test(key)
          ? undefined
          : `build argument names must be letters, digits and underscores, not starting with a digit (got "${key}")`,
    });
    const target = readString(image, 'target', this.issues, {
      allowed: 'a build stage name such as train',
      check: (text) =>
        STAGE_NAME_PATTERN.test(text)
          ? undefined
          : `must be a build stage name: a letter, then letters, digits, _, . or - (got "${text}")`,
    });
    const platform = readEnum(image, 'platform', this.issues, PLATFORMS) ?? DEFAULTS.platform;
    const repository = this.readRepository(image);
    const forceBuild = readBoolean(image, 'force-build', this.issues);
    const registry = this.readRegistryAccess(image);
    return {
      kind: 'build',
      dockerfile,
      context,
      buildArgs,
      ...(target !== undefined ? { target } : {}),
      platform,
      ...(repository !== undefined ? { repository } : {}),
      ...(forceBuild !== undefined ? { forceBuild } : {}),
      ...registry,
    };
  }

  /** Credentials for a registry other than ECR (a user name and the variable holding the password), ECR options. */
  private readRegistryAccess(
    image: MapNode | undefined,
  ): Pick<BuildImageSpec, 'registryUsername' | 'registryPasswordEnv' | 'createRepository' | 'immutableTags'> {
    const registryUsername = readString(image, 'registry-username', this.issues, { allowed: 'a registry user name' });
    const registryPasswordEnv = readString(image, 'registry-password-env', this.issues, {
      allowed: 'the name of an environment variable such as REGISTRY_PASSWORD',
      check: (text) =>
        // Hyphens allowed: the action's registry-password input arrives as INPUT_REGISTRY-PASSWORD.
        /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text)
          ? undefined
          : `must be the name of an environment variable holding the password, such as REGISTRY_PASSWORD, never the password itself (got a value that is not a variable name)`,
    });
    if (registryUsername !== undefined && registryPasswordEnv === undefined) {
      this.issues.add(
        child(image, 'registry-username')?.where ?? 'image.registry-username',
        'needs image.registry-password-env (the environment variable holding the password) or the registry-password input',
      );
    }
    const createRepository = readBoolean(image, 'create-repository', this.issues);
    const immutableTags = readBoolean(image, 'immutable-tags', this.issues);
    return {
      ...(registryUsername !== undefined ? { registryUsername } : {}),
      ...(registryPasswordEnv !== undefined ? { registryPasswordEnv } : {}),
      ...(createRepository !== undefined ? { createRepository } : {}),
      ...(immutableTags !== undefined ? { immutableTags } : {}),
    };
  }

  private readRepository(image: MapNode | undefined): string | undefined {
    const example = `123456789012.dkr.ecr.${this.region}.amazonaws.com/iris-training`;
    const repository = readString(image, 'repository', this.issues, {
      allowed: `a registry repository such as ${example}`,
      check: (text) => {
        const ref = parseImageReference(text);
        if ('problem' in ref)
          return `must be a registry repository such as ${example}: it ${ref.problem} (got "${text}")`;
        if (ref.tag !== undefined || ref.digest !== undefined) {
          return `must not include a tag or digest: built images are tagged by their content (got "${text}")`;
        }
        if (this.remote && ref.registry === undefined) {
          return `must include the registry host in ${this.mode} mode, such as ${example} (got "${text}")`;
        }
        return undefined;
      },
    });
    if (this.remote && child(image, 'repository') === undefined) {
      this.issues.add(
        'image.repository',
        `is required in ${this.mode} mode${this.modeNote} when the image is built: the registry repository to push it to, such as ${example} (or set image.uri to use a prebuilt image)`,
      );
    }
    return repository;
  }

  // ── data locations ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Resolves a local path against the workspace; absolute paths are allowed only in local mode. */
  private localPath(text: string, where: string): string {
    if (path.isAbsolute(text) && this.remote) {
      this.issues.add(
        where,
        `must be relative to the workspace in ${this.mode} mode; absolute paths are allowed only in local mode (got "${text}")`,
      );
    }
    return path.resolve(this.context.workspace, text);
  }

  private readS3(node: TreeNode, asPrefix = true): S3Location | undefined {
    const text = checkString(node, this.issues, { allowed: 'an S3 URI such as s3://my-bucket/prefix/' });
    if (text === undefined) return undefined;
    try {
      return parseS3Uri(text, { asPrefix });
    } catch (error) {
      if (!(error instanceof LocationError)) throw error;
      this.issues.add(node.where, error.message);
      return undefined;
    }
  }

  /** A local folder or an S3 URI. Non-s3 schemes (`https://`) are errors, as are malformed S3 URIs (`s3:/x`). */
  private readLocation(
    node: TreeNode,
    options: { asPrefix: boolean; localOnlyInLocalMode: boolean },
  ): Location | undefined {
    const allowed =
      options.localOnlyInLocalMode && this.remote
        ? 'an S3 URI such as s3://my-bucket/prefix/'
        : 'a local folder or an S3 URI such as s3://my-bucket/prefix/';
    const text = checkString(node, this.issues, { allowed });
    if (text === undefined) return undefined;
    if (/^s3:/i.test(text)) return this.readS3(node, options.asPrefix);
    if (hasUriScheme(text)) {
      this.issues.add(node.where, `must be ${allowed}; only s3:// URIs are supported (got "${text}")`);
      return undefined;
    }
    if (options.localOnlyInLocalMode && this.remote) {
      this.issues.add(
        node.where,
        `must be an S3 URI in ${this.mode} mode${this.modeNote}, such as s3://my-bucket/models/ (got "${text}"); local folders work only in local mode`,
      );
      return undefined;
    }
    return { kind: 'local', path: this.localPath(text, node.where) };
  }

  private readChannels(): ChannelSpec[] {
    const channels = readMap(this.root, 'channels', this.issues, undefined, '{ training: data/ }');
    if (channels === undefined) return [];
    if (channels.entries.size > LIMITS.channels) {
      this.issues.add(
        channels.where,
        `may have at most ${LIMITS.channels} channels, SageMaker's limit (got ${channels.entries.size})`,
      );
    }
    const result: ChannelSpec[] = [];
    for (const entry of channels.entries.values()) {
      const name = entry.key;
      if (!CHANNEL_NAME_PATTERN.test(name) || name.length > LIMITS.channelName) {
        this.issues.add(
          entry.keyWhere,
          `channel names must be 1 to ${LIMITS.channelName} letters, digits, dots, hyphens or underscores (got "${name}")`,
        );
        continue;
      }
      const channel = this.readChannel(name, entry.node);
      if (channel !== undefined) result.push(channel);
    }
    return result;
  }

  private readChannel(name: string, node: TreeNode): ChannelSpec | undefined {
    let sourceNode: TreeNode | undefined = node;
    let settings: MapNode | undefined;
    if (node.kind === 'map') {
      settings = node;
      checkKeys(node, CHANNEL_KEYS, this.issues);
      sourceNode = child(node, 'source');
      if (sourceNode === undefined) {
        this.issues.add(
          childPath(node.path, 'source'),
          'is required: a local folder or an S3 URI such as s3://my-bucket/data/',
        );
        return undefined;
      }
    } else if (node.kind === 'seq') {
      this.issues.add(
        node.where,
        `must be a local folder, an S3 URI, or a mapping with source (got ${describe(node)})`,
      );
      return undefined;
    }
    const source = this.readLocation(sourceNode, { asPrefix: false, localOnlyInLocalMode: false });
    if (source?.kind === 'local')
      this.pathChecks.push({ where: sourceNode.where, path: source.path, expect: 'directory' });
    const inputMode = readEnum(settings, 'input-mode', this.issues, INPUT_MODES) ?? 'File';
    const contentType = readString(settings, 'content-type', this.issues, {
      allowed: 'a MIME type such as text/csv',
      check: (text) => (text.length <= 256 ? undefined : `must be at most 256 characters (got ${text.length})`),
    });
    const distribution = readEnum(settings, 'distribution', this.issues, DISTRIBUTIONS) ?? 'FullyReplicated';
    const compression = readEnum(settings, 'compression', this.issues, COMPRESSIONS) ?? 'None';
    const recordWrapper = readEnum(settings, 'record-wrapper', this.issues, RECORD_WRAPPERS) ?? 'None';
    if (source === undefined) return undefined;
    return {
      name,
      source,
      inputMode,
      ...(contentType !== undefined ? { contentType } : {}),
      distribution,
      compression,
      recordWrapper,
    };
  }

  private readOutput(): Location {
    const node = child(this.root, 'output');
    const fallback: Location = { kind: 'local', path: path.join(this.context.workspace, DEFAULTS.localOutput) };
    if (node === undefined) {
      if (this.remote) {
        this.issues.add(
          'output',
          `is required in ${this.mode} mode${this.modeNote}: an S3 URI for the model artifacts, such as s3://my-bucket/models/`,
        );
      }
      return fallback;
    }
    const output = this.readLocation(node, { asPrefix: true, localOnlyInLocalMode: true });
    if (output?.kind === 'local')
      this.pathChecks.push({ where: node.where, path: output.path, expect: 'directory-if-exists' });
    return output ?? fallback;
  }

  // ── fargate and wait ─────────────────────────────────────────────────────────────────────────────────────────────

  /** The runner's ECS task: required in fargate mode, an error in any other. */
  private readFargate(): FargateSpec | undefined {
    const entry = this.root.entries.get('fargate');
    const fargate = readMap(this.root, 'fargate', this.issues, FARGATE_KEYS, EXAMPLE_FARGATE);
    const inFargateMode = this.modeKnown && this.mode === 'fargate';
    if (fargate !== undefined && this.modeKnown && !inFargateMode) {
      this.issues.add(
        entry?.keyWhere ?? 'fargate',
        `needs mode: fargate (the mode is ${this.mode}${this.modeNote}): it describes the ECS task that runs the training in fargate mode; remove it, or set mode: fargate`,
      );
    }
    // A fargate value that is not a mapping has been reported: its keys are not missing, the mapping is.
    const checkRequired = inFargateMode && (fargate !== undefined || entry === undefined || isEmpty(entry.node));
    // An empty string value is reported as such; an empty list value (`subnets:`) reads as absent.
    const required = (key: string, what: string, emptyIsAbsent = false): void => {
      const node = child(fargate, key);
      if (checkRequired && (node === undefined || (emptyIsAbsent && isEmpty(node)))) {
        this.issues.add(
          whereMissing(fargate, key, 'fargate'),
          `is required in fargate mode${this.modeNote}: ${what}, such as fargate: ${EXAMPLE_FARGATE}`,
        );
      }
    };
    const cluster = readString(fargate, 'cluster', this.issues, {
      allowed: 'an ECS cluster name or ARN such as training',
      check: (text) =>
        this.ecsNameProblem(text, ECS_NAME_PATTERN, CLUSTER_ARN_PATTERN, {
          what: 'an ECS cluster name or ARN',
          example: `training or arn:aws:ecs:${this.region}:123456789012:cluster/training`,
        }),
    });
    required('cluster', 'the ECS cluster (name or ARN) the runner task runs in');
    const taskDefinition = readString(fargate, 'task-definition', this.issues, {
      allowed: 'a task definition family, family:revision or ARN such as sagemaker-train-runner',
      check: (text) =>
        this.ecsNameProblem(text, TASK_DEFINITION_PATTERN, TASK_DEFINITION_ARN_PATTERN, {
          what: 'a task definition family, family:revision or ARN',
          example: `sagemaker-train-runner, sagemaker-train-runner:3 or arn:aws:ecs:${this.region}:123456789012:task-definition/sagemaker-train-runner:3`,
        }),
    });
    required('task-definition', "the runner's task definition (family, family:revision or ARN)");
    const container =
      readString(fargate, 'container', this.issues, {
        allowed: 'the name of the runner container in the task definition, such as runner',
        check: (text) =>
          ECS_NAME_PATTERN.test(text)
            ? undefined
            : `must be a container name from the task definition: 1 to ${LIMITS.ecsName} letters, digits, hyphens or underscores (got "${text}")`,
      }) ?? DEFAULTS.fargateContainer;
    const subnets = this.readIdList(fargate, 'subnets', {
      what: 'subnet ID',
      pattern: SUBNET_PATTERN,
      example: EXAMPLE_SUBNET,
      count: LIMITS.fargateSubnets,
      limitOf: 'ECS',
    });
    required('subnets', `the subnets of the runner task (1 to ${LIMITS.fargateSubnets.max} subnet IDs)`, true);
    const securityGroups =
      this.readIdList(fargate, 'security-groups', {
        what: 'security group ID',
        pattern: SECURITY_GROUP_PATTERN,
        example: EXAMPLE_SECURITY_GROUP,
        count: LIMITS.fargateSecurityGroups,
        limitOf: 'ECS',
      }) ?? [];
    const assignPublicIp = readBoolean(fargate, 'assign-public-ip', this.issues) ?? DEFAULTS.assignPublicIp;
    const capacity = readEnum(fargate, 'capacity', this.issues, FARGATE_CAPACITIES) ?? DEFAULTS.fargateCapacity;
    const githubAppSecret = readString(fargate, 'github-app-secret', this.issues, {
      allowed: 'a Secrets Manager secret name or ARN such as github-app/sagemaker-train',
      check: (text) =>
        SECRET_NAME_PATTERN.test(text) || SECRET_ARN_PATTERN.test(text)
          ? undefined
          : `must be a Secrets Manager secret name (letters, digits and / _ + = . @ -, at most 512 characters) or ARN, such as github-app/sagemaker-train (got "${text}")`,
    });
    if (!inFargateMode || cluster === undefined || taskDefinition === undefined || subnets === undefined) {
      return undefined;
    }
    return {
      cluster,
      taskDefinition,
      container,
      subnets,
      securityGroups,
      assignPublicIp,
      capacity,
      ...(githubAppSecret !== undefined ? { githubAppSecret } : {}),
    };
  }

  /** A name, or an ARN in the run's region (ECS finds a cluster or task definition only in the region it runs in). */
  private ecsNameProblem(
    text: string,
    name: RegExp,
    arn: RegExp,
    described: { what: string; example: string },
  ): string | undefined {
    if (name.test(text)) return undefined;
    const region = arn.exec(text)?.[1];
    if (region === undefined) return `must be ${described.what}, such as ${described.example} (got "${text}")`;
    if (region !== this.region) {
      return `names region ${region}, but the run is in ${this.region}: ECS runs the task in the run's region (got "${text}")`;
    }
    return undefined;
  }

  /** wait: false hands the end of the run to the fargate runner, which completes the check run with its GitHub App. */
  private readWait(): boolean {
    const node = child(this.root, 'wait');
    const wait = readBoolean(this.root, 'wait', this.issues) ?? DEFAULTS.wait;
    if (wait || node === undefined || !this.modeKnown) return wait;
    if (this.mode !== 'fargate') {
      this.issues.add(
        node.where,
        `may be false only in fargate mode, where the runner task reports the result itself; ${this.mode} mode waits for the training to end (the mode is ${this.mode}${this.modeNote}). Remove wait, or set mode: fargate and fargate.github-app-secret`,
      );
    } else if (child(readMapQuiet(this.root, 'fargate'), 'github-app-secret') === undefined) {
      this.issues.add(
        node.where,
        'may be false only with fargate.github-app-secret: the Secrets Manager secret (name or ARN) holding the GitHub App ({"appId": …, "privateKey": …}) the runner completes the check run with, such as github-app/sagemaker-train',
      );
    }
    return wait;
  }

  // ── hyperparameters, metrics, local, tags ────────────────────────────────────────────────────────────────────────

  private readHyperparameters(): Record<string, string> {
    return readStringMap(this.root, 'hyperparameters', this.issues, {
      example: '{ epochs: 10, eta: 0.05 }',
      maxEntries: LIMITS.hyperparameters,
      maxValueLength: LIMITS.hyperparameterValue,
      checkKey: (key) =>
        key.length <= LIMITS.hyperparameterKey
          ? undefined
          : `hyperparameter names must be at most ${LIMITS.hyperparameterKey} characters (got ${key.length})`,
    });
  }

  private readMetrics(): MetricSpec[] {
    const metrics = readSeq(this.root, 'metrics', this.issues, '[{ name: accuracy, regex: "accuracy=([0-9.]+)" }]');
    if (metrics === undefined) return [];
    if (metrics.items.length > LIMITS.metrics) {
      this.issues.add(
        metrics.where,
        `may define at most ${LIMITS.metrics} metrics, SageMaker's limit for metric definitions (got ${metrics.items.length})`,
      );
    }
    const result: MetricSpec[] = [];
    const seen = new Map<string, string>();
    for (const item of metrics.items) {
      if (item.kind !== 'map') {
        this.issues.add(
          item.where,
          `must be a mapping such as { name: accuracy, regex: "accuracy=([0-9.]+)" } (got ${describe(item)})`,
        );
        continue;
      }
      const metric = this.readMetric(item);
      if (metric === undefined) continue;
      const first = seen.get(metric.name);
      if (first !== undefined) {
        this.issues.add(
          child(item, 'name')?.where ?? item.where,
          `metric names must be unique: "${metric.name}" is also defined at ${first}`,
        );
        continue;
      }
      seen.set(metric.name, child(item, 'name')?.where ?? item.where);
      result.push(metric);
    }
    return result;
  }

  private readMetric(item: MapNode): MetricSpec | undefined {
    checkKeys(item, METRIC_KEYS, this.issues);
    const name = readString(item, 'name', this.issues, {
      allowed: 'a metric name such as accuracy',
      check: (text) =>
        text.length <= LIMITS.metricName
          ? undefined
          : `must be at most ${LIMITS.metricName} characters (got ${text.length})`,
    });
    if (child(item, 'name') === undefined)
      this.issues.add(childPath(item.path, 'name'), 'is required, such as accuracy');
    const regex = readString(item, 'regex', this.issues, {
      allowed: 'a regular expression with a capture group, such as accuracy=([0-9.]+)',
      check: (text) => regexProblem(text),
    });
    if (child(item, 'regex') === undefined) {
      this.issues.add(
        childPath(item.path, 'regex'),
        'is required: a regular expression whose first capture group is the value',
      );
    }
    const goal = readEnum(item, 'goal', this.issues, GOALS);
    const threshold = readNumber(item, 'threshold', this.issues);
    const maxRegression = this.readMaxRegression(item);
    for (const key of ['threshold', 'max-regression']) {
      const node = child(item, key);
      if (node !== undefined && child(item, 'goal') === undefined) {
        this.issues.add(node.where, `needs goal (maximize or minimize) to say which direction is better`);
      }
    }
    if (name === undefined || regex === undefined) return undefined;
    return {
      name,
      regex,
      ...(goal !== undefined ? { goal } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(maxRegression !== undefined ? { maxRegression } : {}),
      ...(item.line !== undefined && item.override === undefined ? { line: item.line } : {}),
    };
  }

  private readMaxRegression(item: MapNode): MaxRegression | undefined {
    const node = child(item, 'max-regression');
    if (node === undefined) return undefined;
    const allowed = `a number ≥ 0 (absolute, in the metric's unit) or a percentage such as 1% (relative) (got ${describe(node)})`;
    if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= 0) {
      return { kind: 'absolute', value: node.value };
    }
    const percent =
      node.kind === 'scalar' && typeof node.value === 'string' ? PERCENT_PATTERN.exec(node.value.trim()) : null;
    if (percent?.[1] !== undefined) return { kind: 'relative', value: Number(percent[1]) / 100 };
    this.issues.add(node.where, `must be ${allowed}`);
    return undefined;
  }

  private readLocal(): LocalSpec {
    const local = readMap(this.root, 'local', this.issues, LOCAL_KEYS, '{ gpu: optional, cancel-grace: 5s }');
    return {
      gpu: readEnum(local, 'gpu', this.issues, GPU_POLICIES) ?? DEFAULTS.localGpu,
      cancelGraceSeconds:
        readDuration(local, 'cancel-grace', this.issues, LIMITS.cancelGraceSeconds) ?? DEFAULTS.cancelGraceSeconds,
      ...(readBoolean(local, 'aws-credentials', this.issues) === true ? { awsCredentials: true } : {}),
      ...readLocalResources(local, this.issues),
    };
  }

  private readTags(): Record<string, string> {
    const tags = readStringMap(this.root, 'tags', this.issues, {
      example: '{ team: ml }',
      maxEntries: LIMITS.tags,
      maxValueLength: LIMITS.tagValue,
      checkKey: (key) => {
        if (key.length > LIMITS.tagKey)
          return `tag keys must be at most ${LIMITS.tagKey} characters (got ${key.length})`;
        if (key.toLowerCase().startsWith('aws:'))
          return `tag keys must not start with aws:, which AWS reserves (got "${key}")`;
        if (!TAG_TEXT_PATTERN.test(key)) {
          return `tag keys may contain letters, digits, spaces and _ . : / = + - @ (got "${key}")`;
        }
        return undefined;
      },
    });
    const tagsNode = child(this.root, 'tags');
    for (const [key, value] of Object.entries(tags)) {
      if (!TAG_TEXT_PATTERN.test(value)) {
        const where =
          tagsNode?.kind === 'map' ? (tagsNode.entries.get(key)?.node.where ?? `tags.${key}`) : `tags.${key}`;
        this.issues.add(where, `tag values may contain letters, digits, spaces and _ . : / = + - @ (got "${value}")`);
      }
    }
    return tags;
  }
}

/** Why a metric regex is unusable, or undefined. The first capture group is the value. */
export function regexProblem(source: string): string | undefined {
  if (source.length > LIMITS.metricRegex) {
    return `must be at most ${LIMITS.metricRegex} characters, SageMaker's limit (got ${source.length})`;
  }
  let groups: number;
  try {
    groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `must be a valid regular expression (got ${JSON.stringify(source)}: ${detail})`;
  }
  if (groups < 1) {
    return `must have a capture group around the value, such as accuracy=([0-9.]+) (got ${JSON.stringify(source)})`;
  }
  return undefined;
}

function isEmpty(node: TreeNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** The mapping under `key` when there is one, without reporting anything (it is read, and reported, elsewhere). */
function readMapQuiet(map: MapNode, key: string): MapNode | undefined {
  const node = child(map, key);
  return node?.kind === 'map' ? node : undefined;
}

/** The YAML path with its line (`job.volume-kms-key (line 7)`), or the path alone for a key that is absent. */
function whereOf(root: MapNode, key: string): string {
  return nodeAt(root, key)?.where ?? key;
}

/** The problem's message without its leading key, which the issue's `where` names already. */
function modeMessage(problem: ModeProblem): string {
  const text = problem.message.startsWith(`${problem.key} `)
    ? problem.message.slice(problem.key.length + 1)
    : problem.message;
  return text.replace(/\.$/, '');
}
