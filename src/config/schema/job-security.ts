// job.vpc and the KMS keys of job: where the instances run and how their data is encrypted.

import { KMS_ALIAS_PATTERNS, KMS_KEY_PATTERNS, SECURITY_GROUP_PATTERN, SUBNET_PATTERN } from '../../patterns.js';
import type { JobSpec, VpcSpec } from '../../request.js';
import { readBoolean, readMap, readString } from '../read.js';
import type { MapNode } from '../tree.js';
import type { SectionContext } from './context.js';
import { readIdList } from './id-list.js';
import { EXAMPLE_SECURITY_GROUP, EXAMPLE_SUBNET, LIMITS } from './limits.js';

const VPC_KEYS = ['subnets', 'security-groups'] as const;

/** VPC, network isolation, encryption between instances, and the KMS keys of the output and the volume. */
export function readJobSecurity(
  ctx: SectionContext,
  job: MapNode | undefined,
): Pick<JobSpec, 'vpc' | 'networkIsolation' | 'interContainerEncryption' | 'outputKmsKeyId' | 'volumeKmsKeyId'> {
  return {
    vpc: readVpc(ctx, job),
    networkIsolation: readBoolean(job, 'network-isolation', ctx.issues),
    interContainerEncryption: readBoolean(job, 'inter-container-encryption', ctx.issues),
    outputKmsKeyId: readKmsKey(ctx, job, 'output-kms-key'),
    volumeKmsKeyId: readKmsKey(ctx, job, 'volume-kms-key'),
  };
}

/** job.vpc (SageMaker's VpcConfig): both lists are required. Read in every mode; only the remote modes use it. */
export function readVpc(ctx: SectionContext, job: MapNode | undefined): VpcSpec | undefined {
  const vpc = readMap(
    job,
    'vpc',
    ctx.issues,
    VPC_KEYS,
    `{ subnets: [${EXAMPLE_SUBNET}], security-groups: [${EXAMPLE_SECURITY_GROUP}] }`,
  );
  if (vpc === undefined) return undefined;
  const subnets = readIdList(ctx, vpc, 'subnets', {
    what: 'subnet ID',
    pattern: SUBNET_PATTERN,
    example: EXAMPLE_SUBNET,
    count: LIMITS.vpcSubnets,
    limitOf: 'SageMaker',
    required: `with job.vpc: the subnets the training instances run in, such as [${EXAMPLE_SUBNET}] (1 to ${LIMITS.vpcSubnets.max})`,
  });
  const securityGroupIds = readIdList(ctx, vpc, 'security-groups', {
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

// OutputDataConfig.KmsKeyId takes a key or an alias; ResourceConfig.VolumeKmsKeyId documents only a key id or key ARN.
export function readKmsKey(
  ctx: SectionContext,
  job: MapNode | undefined,
  key: 'output-kms-key' | 'volume-kms-key',
): string | undefined {
  const keyArn = `arn:aws:kms:${ctx.region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const aliases = key === 'output-kms-key';
  const allowed = aliases
    ? `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab), key ARN (${keyArn}), alias (alias/training) or alias ARN`
    : `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab) or key ARN (${keyArn}); SageMaker takes no alias here`;
  const patterns = aliases ? [...KMS_KEY_PATTERNS, ...KMS_ALIAS_PATTERNS] : KMS_KEY_PATTERNS;
  return readString(job, key, ctx.issues, {
    allowed,
    check: (text) => {
      if (text.length > LIMITS.kmsKeyId) {
        return `must be ${allowed}, at most ${LIMITS.kmsKeyId} characters (got ${text.length} characters)`;
      }
      return patterns.some((pattern) => pattern.test(text)) ? undefined : `must be ${allowed} (got "${text}")`;
    },
  });
}
