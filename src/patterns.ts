// The shapes of AWS identifiers this tool accepts or reads back (regions, ARNs, IDs, names) and their length limits:
// one definition for the configuration's checks, the AWS clients, the saved state and the backends.

/** An AWS region such as us-east-1 or eu-west-2 (a source, for composing; REGION_PATTERN to test a whole text). */
export const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
export const REGION_PATTERN = new RegExp(`^${REGION}$`);

/** `arn:<partition>:` for every partition (aws, aws-cn, aws-us-gov, …). */
const ARN_HEAD = 'arn:aws[a-z-]*:';
/** `<region>:<account>:` with the region captured. */
const ACCOUNT_REGION = `(${REGION}):\\d{12}:`;

/** An IAM role ARN (any partition; the role may have a path), as IAM names roles. */
export const ROLE_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** A subnet or security group ID, and the longest such ID. */
export const SUBNET_PATTERN = /^subnet-[0-9a-z]+$/;
export const SECURITY_GROUP_PATTERN = /^sg-[0-9a-z]+$/;
export const RESOURCE_ID_MAX_LENGTH = 32;

/** A KMS key: its ID or multi-Region ID, or its ARN; aliases by name or ARN. */
const KMS_KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const KMS_ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
export const KMS_KEY_PATTERNS: readonly RegExp[] = [
  new RegExp(`^${KMS_KEY_ID}$`, 'i'),
  new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}key/${KMS_KEY_ID}$`, 'i'),
];
export const KMS_ALIAS_PATTERNS: readonly RegExp[] = [
  new RegExp(`^${KMS_ALIAS}$`),
  new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}${KMS_ALIAS}$`),
];
export const KMS_KEY_ID_MAX_LENGTH = 2_048;

/** ECS names (clusters, task definition families, containers): 1 to 255 of these characters. */
const ECS_NAME = '[A-Za-z0-9_-]{1,255}';
export const ECS_NAME_MAX_LENGTH = 255;
export const ECS_NAME_PATTERN = new RegExp(`^${ECS_NAME}$`);
/** A cluster ARN, the region captured. */
export const CLUSTER_ARN_PATTERN = new RegExp(`^${ARN_HEAD}ecs:${ACCOUNT_REGION}cluster/${ECS_NAME}$`);
/** A cluster's name or ARN. */
export const CLUSTER_PATTERN = new RegExp(`^(?:${ARN_HEAD}ecs:${REGION}:\\d{12}:cluster/)?${ECS_NAME}$`);
/** A task definition: family or family:revision; and its ARN, the region captured. */
export const TASK_DEFINITION_PATTERN = new RegExp(`^${ECS_NAME}(?::[1-9]\\d*)?$`);
export const TASK_DEFINITION_ARN_PATTERN = new RegExp(
  `^${ARN_HEAD}ecs:${ACCOUNT_REGION}task-definition/${ECS_NAME}(?::[1-9]\\d*)?$`,
);
/** A task ARN in the format that names the cluster (the only one StopTask is given). */
export const TASK_ARN_PATTERN = new RegExp(`^${ARN_HEAD}ecs:${REGION}:\\d{12}:task/${ECS_NAME}/[a-f0-9]{32}$`);

/** A Secrets Manager secret: its name, or its ARN (the region captured). */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
export const SECRET_ARN_PATTERN = new RegExp(
  `^${ARN_HEAD}secretsmanager:${ACCOUNT_REGION}secret:[A-Za-z0-9/_+=.@-]{1,512}$`,
);

/** An ECR registry host, `<account>.dkr.ecr.<region>.amazonaws.com`, account and region captured. */
export const ECR_HOST_PATTERN = new RegExp(
  `^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.(${REGION})\\.amazonaws\\.com(?:\\.cn)?$`,
);

/** The region an ARN of `service` names (`arn:aws:ecs:eu-west-1:…` → eu-west-1), else undefined. */
export function regionInArn(arn: string, service: 'ecs' | 'secretsmanager'): string | undefined {
  return new RegExp(`^${ARN_HEAD}${service}:([a-z0-9-]+):`).exec(arn)?.[1];
}
