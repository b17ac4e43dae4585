// Who calls AWS, from which code, and what IAM is asked for each call: the request (action, ARN, context keys) a call
// the code makes (read from src/ by ./code-calls.ts) turns into for a stack deployed with given parameters. A call
// with no entry here fails the policy tests: add its requests, then the grant.
import { ACCOUNT, REGION } from '../scenarios.js';
import type { Walk } from './code-calls.js';
import type { AccessRequest } from './policy-eval.js';

/** The values of a deployed stack a call's ARNs are built from. */
export interface Deployed {
  params: Record<string, string>;
  stack: string;
}

type Requests = (d: Deployed) => AccessRequest[];

const JOB = 'iris-20260101-120000-abc123';
const TASK_ID = '0123456789abcdef0123456789abcdef';
const CHANNEL = '_channels/train-0123456789abcdef';
export const INDEX_ENTRY = `_results/${'f'.repeat(64)}.json`;
const ARTIFACT = `${JOB}/output/model.tar.gz`;

const p = (d: Deployed, name: string): string => d.params[name] ?? '';
const object = (d: Deployed, key: string): string =>
  `arn:aws:s3:::${p(d, 'ArtifactBucket')}/${p(d, 'OutputPrefix')}/${key}`;
const bucket = (d: Deployed): string => `arn:aws:s3:::${p(d, 'ArtifactBucket')}`;
const job = (d: Deployed): string =>
  `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/${p(d, 'JobNamePrefix')}${JOB.slice(4)}`;
const repository = (): string => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/sagemaker-training`;
const role = (d: Deployed, suffix: string): string => `arn:aws:iam::${ACCOUNT}:role/${d.stack}-${suffix}`;
const trainingLogs = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/TrainingJobs`;
const viaS3 = { 'kms:ViaService': `s3.${REGION}.amazonaws.com` };

/** S3 encrypts with the bucket's key (when it has one) with the caller's permissions, through S3. */
function withBucketKey(d: Deployed, action: 'kms:GenerateDataKey' | 'kms:Decrypt'): AccessRequest[] {
  const key = p(d, 'ArtifactBucketKmsKeyArn');
  return key ? [{ action, resource: key, context: viaS3 }] : [];
}
const put = (d: Deployed, key: string): AccessRequest[] => [
  { action: 's3:PutObject', resource: object(d, key) },
  ...withBucketKey(d, 'kms:GenerateDataKey'),
];
const get = (d: Deployed, key: string): AccessRequest[] => [
  { action: 's3:GetObject', resource: object(d, key) },
  ...withBucketKey(d, 'kms:Decrypt'),
];

/** The docker engine's push of the training image, and the registry API calls of src/image/registry.ts. */
const ECR: Record<string, Requests> = {
  'ecr:GetAuthorizationToken': () => [{ action: 'ecr:GetAuthorizationToken', resource: '*' }],
  'ecr:DescribeRepositories': () => [{ action: 'ecr:DescribeRepositories', resource: repository() }],
  'ecr:CreateRepository': () => [{ action: 'ecr:CreateRepository', resource: repository() }],
  'registry:HEAD': () => [{ action: 'ecr:BatchGetImage', resource: repository() }],
  'registry:GET': () => [{ action: 'ecr:BatchGetImage', resource: repository() }],
  'registry:PUT': () => [{ action: 'ecr:PutImage', resource: repository() }],
  'registry:push': () =>
    ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'].map(
      (op) => ({ action: `ecr:${op}`, resource: repository() }),
    ),
};

/** Local-folder channels: the marker's HeadObject, lib-storage's upload of each file, the marker's PutObject. */
const CHANNEL_UPLOADS: Record<string, Requests> = {
  's3:HeadObject': (d) => get(d, `${CHANNEL}.complete`),
  's3:PutObject': (d) => [...put(d, `${CHANNEL}/data.csv`), ...put(d, `${CHANNEL}.complete`)],
  's3:CreateMultipartUpload': (d) => put(d, `${CHANNEL}/data.csv`),
  's3:UploadPart': (d) => put(d, `${CHANNEL}/data.csv`),
  's3:CompleteMultipartUpload': (d) => put(d, `${CHANNEL}/data.csv`),
  's3:AbortMultipartUpload': (d) => [{ action: 's3:AbortMultipartUpload', resource: object(d, `${CHANNEL}/data.csv`) }],
};

const list = (d: Deployed, prefix: string): AccessRequest[] => [
  { action: 's3:ListBucket', resource: bucket(d), context: { 's3:prefix': prefix } },
];

/**
 * The run cache's look-up (src/cache/): the index entry (a GET; after a 403, the listing of exactly that key), a HEAD
 * of each artifact the entry names, and the listing of each s3:// channel under the data prefix.
 */
const RUN_CACHE_LOOKUP: Record<string, Requests> = {
  's3:GetObject': (d) => get(d, INDEX_ENTRY),
  's3:HeadObject': (d) => get(d, ARTIFACT),
  's3:ListObjectsV2': (d) => [
    ...list(d, `${p(d, 'OutputPrefix')}/${INDEX_ENTRY}`),
    ...list(d, `${p(d, 'DataPrefix')}/train/`),
  ],
};

/** Every request of both tables, for an API in either. */
function merged(...tables: Record<string, Requests>[]): Record<string, Requests> {
  const apis = new Set(tables.flatMap((t) => Object.keys(t)));
  return Object.fromEntries(
    [...apis].map((api) => [api, (d: Deployed) => tables.flatMap((t) => t[api]?.(d) ?? [])] as const),
  );
}

/** Creating, watching and stopping the training job (src/backends/sagemaker/), and reading its log. */
const TRAINING_JOB: Record<string, Requests> = {
  'sagemaker:CreateTrainingJob': (d): AccessRequest[] => [
    { action: 'sagemaker:CreateTrainingJob', resource: job(d) },
    // The job is created with its run tags: AddTags, as part of the creation.
    {
      action: 'sagemaker:AddTags',
      resource: job(d),
      context: { 'sagemaker:TaggingAction': 'CreateTrainingJob', 'aws:TagKeys': ['sagemaker-train:run'] },
    },
    {
      action: 'iam:PassRole',
      resource: role(d, 'sagemaker-execution'),
      context: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
    },
  ],
  'sagemaker:DescribeTrainingJob': (d) => [{ action: 'sagemaker:DescribeTrainingJob', resource: job(d) }],
  'sagemaker:ListTags': (d) => [{ action: 'sagemaker:ListTags', resource: job(d) }],
  'sagemaker:StopTrainingJob': (d) => [{ action: 'sagemaker:StopTrainingJob', resource: job(d) }],
  'logs:DescribeLogStreams': () => [{ action: 'logs:DescribeLogStreams', resource: trainingLogs }],
  'logs:GetLogEvents': (d) => [
    {
      action: 'logs:GetLogEvents',
      resource: `${trainingLogs}:log-stream:${p(d, 'JobNamePrefix')}${JOB.slice(4)}/algo-1-1700000000`,
    },
  ],
};

export interface CallingRole {
  /** The template's logical id of the role. */
  role: string;
  walk: Walk;
  requests: Record<string, Requests>;
}

/** The serve test's download of the model, and registration in a group named after the job prefix. */
const group = (d: Deployed): string => `${p(d, 'JobNamePrefix')}-models`;
const SERVE_AND_REGISTER: Record<string, Requests> = {
  's3:GetObject': (d) => get(d, `${JOB}/output/model.tar.gz`),
  'sagemaker:DescribeModelPackageGroup': (d) => [
    {
      action: 'sagemaker:DescribeModelPackageGroup',
      resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/${group(d)}`,
    },
  ],
  'sagemaker:CreateModelPackageGroup': (d) => [
    {
      action: 'sagemaker:CreateModelPackageGroup',
      resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/${group(d)}`,
    },
  ],
  'sagemaker:ListModelPackages': () => [
    { action: 'sagemaker:ListModelPackages', resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/*` },
  ],
  'sagemaker:CreateModelPackage': (d) => [
    {
      action: 'sagemaker:CreateModelPackage',
      resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/${group(d)}/1`,
    },
  ],
};
const qualityReport = (d: Deployed): AccessRequest[] => put(d, `${JOB}/registration/model-quality.json`);

/** Each role the code runs as, the code that runs as it, and what each call asks IAM. */
export const CALLING_ROLES: CallingRole[] = [
  {
    role: 'SageMakerActionRole',
    walk: {
      entries: ['src/main.ts', 'src/post.ts'],
      mode: 'sagemaker',
    },
    // sagemaker mode records a completed run itself: the index entry is written too.
    requests: merged(ECR, CHANNEL_UPLOADS, TRAINING_JOB, RUN_CACHE_LOOKUP, SERVE_AND_REGISTER, {
      's3:PutObject': (d) => [...put(d, INDEX_ENTRY), ...qualityReport(d)],
    }),
  },
  {
    role: 'FargateActionRole',
    walk: { entries: ['src/main.ts', 'src/post.ts'], mode: 'fargate' },
    requests: merged(ECR, CHANNEL_UPLOADS, RUN_CACHE_LOOKUP, SERVE_AND_REGISTER, {
      // request.json beside the job's output (the runner records the run in the index, not the action), and the
      // model quality report.
      's3:PutObject': (d) => [...put(d, `${JOB}/request.json`), ...qualityReport(d)],
      's3:GetObject': (d) => get(d, `${JOB}/result.json`),
      // After a 403 on result.json: list exactly that key (src/aws/s3-missing.ts).
      's3:ListObjectsV2': (d) => list(d, `${p(d, 'OutputPrefix')}/${JOB}/result.json`),
      'ecs:RunTask': (d) => [
        {
          action: 'ecs:RunTask',
          resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${d.stack}-runner:3`,
          context: { 'ecs:cluster': `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${d.stack}` },
        },
        ...['runner-task', 'runner-execution'].map((r) => ({
          action: 'iam:PassRole',
          resource: role(d, r),
          context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
        })),
      ],
      'ecs:DescribeTasks': (d) => [
        { action: 'ecs:DescribeTasks', resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${d.stack}/${TASK_ID}` },
      ],
      'ecs:StopTask': (d) => [
        { action: 'ecs:StopTask', resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${d.stack}/${TASK_ID}` },
      ],
      'ecs:DescribeTaskDefinition': () => [{ action: 'ecs:DescribeTaskDefinition', resource: '*' }],
      'logs:GetLogEvents': (d) => [
        {
          action: 'logs:GetLogEvents',
          resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/${d.stack}-runner:log-stream:runner/runner/${TASK_ID}`,
        },
      ],
      'sagemaker:DescribeTrainingJob': TRAINING_JOB['sagemaker:DescribeTrainingJob'] as Requests,
      'sagemaker:ListTags': TRAINING_JOB['sagemaker:ListTags'] as Requests,
      'sagemaker:StopTrainingJob': TRAINING_JOB['sagemaker:StopTrainingJob'] as Requests,
    }),
  },
  {
    role: 'RunnerTaskRole',
    walk: {
      entries: ['src/runner/index.ts#runRunner'],
      mode: 'sagemaker',
      // What request.json rules out (checked in simulate.test.ts): the runner runs a prebuilt image (backendRequest),
      // so it never builds or pushes, and every channel is already in S3 (channelsInS3), so it uploads none.
      // and the runner gives the pipeline its image, so the pipeline never looks the run cache up (the action did).
      // It passes trainAndJudge no serve or register deps, so neither step runs there (the action's does).
      exclude: [
        'src/image/',
        'src/backends/sagemaker/channels.ts#uploadLocalChannels',
        'src/cache/reuse.ts#findReusableResult',
        'src/serve/',
        'src/register/',
      ],
    },
    requests: {
      ...TRAINING_JOB,
      's3:GetObject': (d) => get(d, `${JOB}/request.json`),
      // result.json, and the index entry of a run that completed (src/runner/reporter.ts).
      's3:PutObject': (d) => [...put(d, `${JOB}/result.json`), ...put(d, INDEX_ENTRY)],
      // Detached runs only, which need the stack's GitHubAppSecretArn.
      'secretsmanager:GetSecretValue': (d) =>
        p(d, 'GitHubAppSecretArn')
          ? [{ action: 'secretsmanager:GetSecretValue', resource: p(d, 'GitHubAppSecretArn') }]
          : [],
    },
  },
];
