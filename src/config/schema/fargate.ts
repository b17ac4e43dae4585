// The `fargate:` section: the ECS task that runs the training in fargate mode.

import {
  CLUSTER_ARN_PATTERN,
  ECS_NAME_PATTERN,
  SECRET_ARN_PATTERN,
  SECRET_NAME_PATTERN,
  SECURITY_GROUP_PATTERN,
  SUBNET_PATTERN,
  TASK_DEFINITION_ARN_PATTERN,
  TASK_DEFINITION_PATTERN,
} from '../../patterns.js';
import type { FargateCapacity, FargateSpec } from '../../request.js';
import { child, readBoolean, readEnum, readMap, readString, whereMissing } from '../read.js';
import type { MapNode } from '../tree.js';
import { isEmpty, present, type SectionContext } from './context.js';
import { readIdList } from './id-list.js';
import { DEFAULTS, EXAMPLE_FARGATE, EXAMPLE_SECURITY_GROUP, EXAMPLE_SUBNET, LIMITS } from './limits.js';

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
const FARGATE_CAPACITIES: readonly FargateCapacity[] = ['FARGATE', 'FARGATE_SPOT'];

/** The runner's ECS task: required in fargate mode, an error in any other. */
export function readFargate(ctx: SectionContext): FargateSpec | undefined {
  const entry = ctx.root.entries.get('fargate');
  const fargate = readMap(ctx.root, 'fargate', ctx.issues, FARGATE_KEYS, EXAMPLE_FARGATE);
  const inFargateMode = ctx.modeKnown && ctx.mode === 'fargate';
  if (fargate !== undefined && ctx.modeKnown && !inFargateMode) {
    ctx.issues.add(
      entry?.keyWhere ?? 'fargate',
      `needs mode: fargate (the mode is ${ctx.mode}${ctx.modeNote}): it describes the ECS task that runs the training in fargate mode; remove it, or set mode: fargate`,
    );
  }
  // A fargate value that is not a mapping has been reported: its keys are not missing, the mapping is.
  const checkRequired = inFargateMode && (fargate !== undefined || entry === undefined || isEmpty(entry.node));
  const required = checkRequired ? requireKey(ctx, fargate) : () => undefined;
  const cluster = readCluster(ctx, fargate);
  required('cluster', 'the ECS cluster (name or ARN) the runner task runs in');
  const taskDefinition = readTaskDefinition(ctx, fargate);
  required('task-definition', "the runner's task definition (family, family:revision or ARN)");
  const container = readContainerName(ctx, fargate);
  const { subnets, securityGroups } = readTaskNetwork(ctx, fargate, required);
  const assignPublicIp = readBoolean(fargate, 'assign-public-ip', ctx.issues) ?? DEFAULTS.assignPublicIp;
  const capacity = readEnum(fargate, 'capacity', ctx.issues, FARGATE_CAPACITIES) ?? DEFAULTS.fargateCapacity;
  const githubAppSecret = readAppSecret(ctx, fargate);
  if (!inFargateMode || cluster === undefined || taskDefinition === undefined || subnets === undefined) {
    return undefined;
  }
  return present({
    cluster,
    taskDefinition,
    container,
    subnets,
    securityGroups,
    assignPublicIp,
    capacity,
    githubAppSecret,
  });
}

type RequireKey = (key: string, what: string, emptyIsAbsent?: boolean) => void;

/** Reports `key` missing from the fargate mapping. An empty string value is reported as such where it is read; an
 * empty list value (`subnets:`) reads as absent. */
function requireKey(ctx: SectionContext, fargate: MapNode | undefined): RequireKey {
  return (key, what, emptyIsAbsent = false) => {
    const node = child(fargate, key);
    if (node === undefined || (emptyIsAbsent && isEmpty(node))) {
      ctx.issues.add(
        whereMissing(fargate, key, 'fargate'),
        `is required in fargate mode${ctx.modeNote}: ${what}, such as fargate: ${EXAMPLE_FARGATE}`,
      );
    }
  };
}

function readCluster(ctx: SectionContext, fargate: MapNode | undefined): string | undefined {
  return readString(fargate, 'cluster', ctx.issues, {
    allowed: 'an ECS cluster name or ARN such as training',
    check: (text) =>
      ecsNameProblem(ctx, text, ECS_NAME_PATTERN, CLUSTER_ARN_PATTERN, {
        what: 'an ECS cluster name or ARN',
        example: `training or arn:aws:ecs:${ctx.region}:123456789012:cluster/training`,
      }),
  });
}

function readTaskDefinition(ctx: SectionContext, fargate: MapNode | undefined): string | undefined {
  return readString(fargate, 'task-definition', ctx.issues, {
    allowed: 'a task definition family, family:revision or ARN such as sagemaker-train-runner',
    check: (text) =>
      ecsNameProblem(ctx, text, TASK_DEFINITION_PATTERN, TASK_DEFINITION_ARN_PATTERN, {
        what: 'a task definition family, family:revision or ARN',
        example: `sagemaker-train-runner, sagemaker-train-runner:3 or arn:aws:ecs:${ctx.region}:123456789012:task-definition/sagemaker-train-runner:3`,
      }),
  });
}

function readContainerName(ctx: SectionContext, fargate: MapNode | undefined): string {
  return (
    readString(fargate, 'container', ctx.issues, {
      allowed: 'the name of the runner container in the task definition, such as runner',
      check: (text) =>
        ECS_NAME_PATTERN.test(text)
          ? undefined
          : `must be a container name from the task definition: 1 to ${LIMITS.ecsName} letters, digits, hyphens or underscores (got "${text}")`,
    }) ?? DEFAULTS.fargateContainer
  );
}

function readTaskNetwork(
  ctx: SectionContext,
  fargate: MapNode | undefined,
  required: RequireKey,
): { subnets: string[] | undefined; securityGroups: string[] } {
  const subnets = readIdList(ctx, fargate, 'subnets', {
    what: 'subnet ID',
    pattern: SUBNET_PATTERN,
    example: EXAMPLE_SUBNET,
    count: LIMITS.fargateSubnets,
    limitOf: 'ECS',
  });
  required('subnets', `the subnets of the runner task (1 to ${LIMITS.fargateSubnets.max} subnet IDs)`, true);
  const securityGroups =
    readIdList(ctx, fargate, 'security-groups', {
      what: 'security group ID',
      pattern: SECURITY_GROUP_PATTERN,
      example: EXAMPLE_SECURITY_GROUP,
      count: LIMITS.fargateSecurityGroups,
      limitOf: 'ECS',
    }) ?? [];
  return { subnets, securityGroups };
}

function readAppSecret(ctx: SectionContext, fargate: MapNode | undefined): string | undefined {
  return readString(fargate, 'github-app-secret', ctx.issues, {
    allowed: 'a Secrets Manager secret name or ARN such as github-app/sagemaker-train',
    check: (text) =>
      SECRET_NAME_PATTERN.test(text) || SECRET_ARN_PATTERN.test(text)
        ? undefined
        : `must be a Secrets Manager secret name (letters, digits and / _ + = . @ -, at most 512 characters) or ARN, such as github-app/sagemaker-train (got "${text}")`,
  });
}

/** A name, or an ARN in the run's region (ECS finds a cluster or task definition only in the region it runs in). */
export function ecsNameProblem(
  ctx: SectionContext,
  text: string,
  name: RegExp,
  arn: RegExp,
  described: { what: string; example: string },
): string | undefined {
  if (name.test(text)) return undefined;
  const region = arn.exec(text)?.[1];
  if (region === undefined) return `must be ${described.what}, such as ${described.example} (got "${text}")`;
  if (region !== ctx.region) {
    return `names region ${region}, but the run is in ${ctx.region}: ECS runs the task in the run's region (got "${text}")`;
  }
  return undefined;
}
