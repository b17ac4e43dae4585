// ECS as the Fargate backend meets it, for the HTTP stand-in (test/helpers/aws-standin.ts): one task definition family
// with the runner's container, RunTask on it (a RUNNING task: nothing runs it, the test runs the runner itself and
// then stops the task with the runner's exit code), DescribeTasks of the tasks started here. Another family or cluster is refused as ECS refuses it.
export interface EcsStandin {
  /** The tasks started, with the environment RunTask gave the runner's container. */
  tasks: { taskArn: string; environment: Record<string, string>; exitCode?: number }[];
  /** The runner's container exits with this code: the task is STOPPED from then on. */
  stop(taskArn: string, exitCode: number): void;
  /** The answer to an ECS operation, or undefined for an operation of another service. */
  answer(operation: string, body: Record<string, unknown>): { status: number; body: unknown } | undefined;
}

const ECS_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const FAMILY = 'sagemaker-training-runner';
const CONTAINER = 'runner';

type Override = { name?: string; environment?: { name?: string; value?: string }[] };

export function createEcsStandin(region: string): EcsStandin {
  const account = '123456789012';
  const definitionArn = `arn:aws:ecs:${region}:${account}:task-definition/${FAMILY}:1`;
  const tasks: EcsStandin['tasks'] = [];
  const clientError = (message: string) => ({ status: 400, body: { __type: 'ClientException', message } });
  const family = (ref: unknown): boolean =>
    typeof ref === 'string' && (ref === FAMILY || ref === `${FAMILY}:1` || ref === definitionArn);
  const taskOf = (taskArn: string, cluster: string) => {
    const exitCode = tasks.find((t) => t.taskArn === taskArn)?.exitCode;
    const status = exitCode === undefined ? 'RUNNING' : 'STOPPED';
    return {
      taskArn,
      clusterArn: `arn:aws:ecs:${region}:${account}:cluster/${cluster}`,
      taskDefinitionArn: definitionArn,
      lastStatus: status,
      desiredStatus: status,
      launchType: 'FARGATE',
      ...(exitCode === undefined
        ? {}
        : { stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }),
      containers: [
        {
          name: CONTAINER,
          lastStatus: status,
          runtimeId: `${taskArn.slice(-8)}-runner`,
          ...(exitCode === undefined ? {} : { exitCode }),
        },
      ],
    };
  };

  return {
    tasks,
    stop(taskArn, exitCode) {
      const task = tasks.find((t) => t.taskArn === taskArn);
      if (!task) throw new Error(`no task ${taskArn} was started`);
      task.exitCode = exitCode;
    },
    answer(target, body) {
      if (!target.startsWith(ECS_PREFIX)) return undefined;
      switch (target.slice(ECS_PREFIX.length)) {
        case 'DescribeTaskDefinition':
          if (!family(body.taskDefinition)) return clientError('Unable to describe task definition.');
          return {
            status: 200,
            body: {
              taskDefinition: {
                taskDefinitionArn: definitionArn,
                family: FAMILY,
                revision: 1,
                requiresCompatibilities: ['FARGATE'],
                containerDefinitions: [{ name: CONTAINER, image: 'runner:latest', essential: true }],
              },
            },
          };
        case 'RunTask': {
          if (!family(body.taskDefinition)) return clientError('TaskDefinition not found.');
          const cluster = typeof body.cluster === 'string' ? body.cluster : 'default';
          const overrides = (body.overrides as { containerOverrides?: Override[] } | undefined)?.containerOverrides;
          const runner = overrides?.find((o) => o.name === CONTAINER);
          const environment = Object.fromEntries((runner?.environment ?? []).map((e) => [e.name ?? '', e.value ?? '']));
          const taskArn = `arn:aws:ecs:${region}:${account}:task/${cluster}/${String(tasks.length + 1).padStart(32, '0')}`;
          tasks.push({ taskArn, environment });
          return { status: 200, body: { tasks: [taskOf(taskArn, cluster)], failures: [] } };
        }
        case 'DescribeTasks': {
          const cluster = typeof body.cluster === 'string' ? body.cluster : 'default';
          const asked = Array.isArray(body.tasks) ? (body.tasks as string[]) : [];
          const known = asked.filter((arn) => tasks.some((t) => t.taskArn === arn));
          return {
            status: 200,
            body: {
              tasks: known.map((arn) => taskOf(arn, cluster)),
              failures: asked.filter((a) => !known.includes(a)).map((arn) => ({ arn, reason: 'MISSING' })),
            },
          };
        }
        default:
          return undefined;
      }
    },
  };
}
