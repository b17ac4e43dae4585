// The ECS stand-in refuses what ECS refuses for the Fargate backend: a task definition of another family, a task it
// never started; a task is RUNNING until stopped, then STOPPED with the runner's exit code.
import { describe, expect, it } from 'vitest';

import { createEcsStandin } from './ecs-standin.js';

const ECS = 'AmazonEC2ContainerServiceV20141113.';

describe('the ECS stand-in', () => {
  it('refuses a task definition of another family, to describe or to run', () => {
    const ecs = createEcsStandin('us-east-1');
    expect(ecs.answer(`${ECS}DescribeTaskDefinition`, { taskDefinition: 'other' })?.status).toBe(400);
    expect(ecs.answer(`${ECS}RunTask`, { taskDefinition: 'other', cluster: 'c' })?.status).toBe(400);
    expect(ecs.tasks).toHaveLength(0);
  });

  it('reports a task it never started as MISSING, and cannot stop it', () => {
    const ecs = createEcsStandin('us-east-1');
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task/c/unknown';
    expect(ecs.answer(`${ECS}DescribeTasks`, { cluster: 'c', tasks: [arn] })?.body).toEqual({
      tasks: [],
      failures: [{ arn, reason: 'MISSING' }],
    });
    expect(() => ecs.stop(arn, 0)).toThrow(/no task/);
  });

  it('runs a task until it is stopped, with the runner’s environment and then its exit code', () => {
    const ecs = createEcsStandin('us-east-1');
    const overrides = { containerOverrides: [{ name: 'runner', environment: [{ name: 'A', value: 'b' }] }] };
    const run = ecs.answer(`${ECS}RunTask`, { taskDefinition: 'sagemaker-training-runner', cluster: 'c', overrides });
    const arn = (run?.body as { tasks: { taskArn: string }[] }).tasks[0]?.taskArn ?? '';
    expect(ecs.tasks).toEqual([{ taskArn: arn, environment: { A: 'b' } }]);
    const status = () =>
      (ecs.answer(`${ECS}DescribeTasks`, { cluster: 'c', tasks: [arn] })?.body as { tasks: Record<string, unknown>[] })
        .tasks[0];
    expect(status()).toMatchObject({ lastStatus: 'RUNNING' });
    ecs.stop(arn, 10);
    expect(status()).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'runner', exitCode: 10 }],
    });
  });

  it('leaves other services’ operations to the caller', () => {
    expect(createEcsStandin('us-east-1').answer('SageMaker.CreateTrainingJob', {})).toBeUndefined();
  });
});
