// The runner's task definition, read before anything is uploaded or launched: the container must exist in it, and
// its log configuration says where the runner's lines will be.
import {
  type ContainerDefinition,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';

import { messageOf } from '../../error-message.js';
import { awsErrorName } from '../../wait/backoff.js';
import { essentialContainers, runnerContainer } from './task.js';

export interface RunnerDefinition {
  /** The runner's container (runnerContainer throws when the definition has none of that name). */
  container: ContainerDefinition;
  /** The revision described: a family name resolves to its latest active one. */
  arn?: string;
  /** The essential containers: a task whose essential container exits stops. */
  essential: Set<string>;
}

export interface DescribeRunnerDefinitionOptions {
  ecs: ECSClient;
  /** fargate.task-definition: a family, family:revision or ARN. */
  taskDefinition: string;
  /** fargate.container. */
  container: string;
  /** The request's region, named in the messages. */
  region: string;
}

/** DescribeTaskDefinition, with errors that name the setting to fix. */
export async function describeRunnerDefinition(o: DescribeRunnerDefinitionOptions): Promise<RunnerDefinition> {
  let def: TaskDefinition | undefined;
  try {
    def = (await o.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: o.taskDefinition }))).taskDefinition;
  } catch (err) {
    const name = awsErrorName(err);
    const hint =
      name === 'ClientException' || name === 'InvalidParameterException'
        ? ` Check fargate.task-definition (a family, family:revision or ARN in ${o.region}).`
        : '';
    throw new Error(`DescribeTaskDefinition ${o.taskDefinition} failed: ${messageOf(err)}.${hint}`, { cause: err });
  }
  if (!def) throw new Error(`fargate.task-definition: ${o.taskDefinition} was not found in ${o.region}.`);
  return {
    container: runnerContainer(def, o.container),
    ...(def.taskDefinitionArn ? { arn: def.taskDefinitionArn } : {}),
    essential: essentialContainers(def, o.container),
  };
}
