import { ECSClient, StopTaskCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';

import { stopSavedTask, stopTask } from '../../../src/backends/fargate/stop.js';
import { TagKey } from '../../../src/backends/sagemaker/input.js';
import { MemoryLogger } from '../../helpers/docker.js';
import { awsError, ecsMock, resetFargateMocks, sageMakerMock, TASK_ARN } from './fake-ecs.js';
import { DescribeTrainingJobCommand, ListTagsCommand, StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { readRunIdentity } from '../../../src/run-identity.js';

afterEach(() => resetFargateMocks());

describe('stopTask', () => {
  it('sends StopTask with the cluster, the task and the reason', async () => {
    ecsMock.on(StopTaskCommand).resolves({ task: { taskArn: TASK_ARN, desiredStatus: 'STOPPED' } });
    const logger = new MemoryLogger();
    const sent = await stopTask({
      ecs: new ECSClient({ region: 'eu-west-1' }),
      cluster: 'ml-ci',
      taskArn: TASK_ARN,
      reason: 'cancelled',
      logger,
    });
    expect(sent).toBe(true);
    expect(ecsMock.commandCalls(StopTaskCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'ml-ci', task: TASK_ARN, reason: 'cancelled' },
    ]);
  });

  it.each([
    ['InvalidParameterException', 'info'],
    ['AccessDeniedException', 'warning'],
  ])('never throws: %s is a(n) %s', async (name, level) => {
    ecsMock.on(StopTaskCommand).rejects(awsError(name, 400, `${name}: nope`));
    const logger = new MemoryLogger();
    const sent = await stopTask({
      ecs: new ECSClient({ region: 'eu-west-1' }),
      cluster: 'ml-ci',
      taskArn: TASK_ARN,
      reason: 'cancelled',
      logger,
    });
    expect(sent).toBe(false);
    expect((level === 'info' ? logger.infos : logger.warnings).join('\n')).toContain(`${name}: nope`);
  });
});

describe('stopSavedTask (post step)', () => {
  it('stops the task in the region of its ARN (cluster from the ARN when not saved), then the job', async () => {
    ecsMock.on(StopTaskCommand).resolves({});
    sageMakerMock.on(StopTrainingJobCommand).resolves({});
    const regions: string[] = [];
    const done = await stopSavedTask({
      taskArn: TASK_ARN,
      jobName: 'smt-7-1-abc',
      sagemakerRegion: 'eu-west-1',
      logger: new MemoryLogger(),
      ecs: (region) => (regions.push(region), Promise.resolve(new ECSClient({ region }))),
    });
    expect(done).toEqual({ task: true, job: true });
    expect(regions).toEqual(['eu-west-1']);
    expect(ecsMock.commandCalls(StopTaskCommand)[0]?.args[0].input).toMatchObject({ cluster: 'ml-ci', task: TASK_ARN });
    expect(sageMakerMock.commandCalls(StopTrainingJobCommand)[0]?.args[0].input).toEqual({
      TrainingJobName: 'smt-7-1-abc',
    });
    // Outside a workflow run there is no run tag to check: the saved name is stopped as it is.
    expect(sageMakerMock.calls().map((c) => c.args[0].constructor.name)).toEqual(['StopTrainingJobCommand']);
  });

  it('in a workflow run, stops the job only when its run tag says this run created it', async () => {
    ecsMock.on(StopTaskCommand).resolves({});
    const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:training-job/smt-7-1-abc';
    sageMakerMock.on(DescribeTrainingJobCommand).resolves({ TrainingJobArn: arn, TrainingJobStatus: 'InProgress' });
    sageMakerMock.on(StopTrainingJobCommand).resolves({});
    const stop = (runTag: string) => {
      sageMakerMock.on(ListTagsCommand).resolves({ Tags: [{ Key: TagKey.Run, Value: runTag }] });
      return stopSavedTask({
        taskArn: TASK_ARN,
        jobName: 'smt-7-1-abc',
        sagemakerRegion: 'eu-west-1',
        logger: new MemoryLogger(),
        identity: readRunIdentity({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' }),
        ecs: (region) => Promise.resolve(new ECSClient({ region })),
      });
    };
    expect(await stop('7-1')).toEqual({ task: true, job: true });
    expect(sageMakerMock.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(await stop('99-1')).toEqual({ task: true, job: false });
    expect(sageMakerMock.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
  });

  it('never throws, whatever fails', async () => {
    const logger = new MemoryLogger();
    const done = await stopSavedTask({
      taskArn: TASK_ARN,
      jobName: 'j',
      sagemakerRegion: 'eu-west-1',
      logger,
      ecs: () => Promise.reject(new Error('no credentials')),
      sagemaker: () => Promise.reject(new Error('no credentials either')),
    });
    expect(done).toEqual({ task: false, job: false });
    expect(logger.warnings).toEqual([
      `Could not stop runner task ${TASK_ARN}: no credentials`,
      'Could not stop training job j: no credentials either',
    ]);
  });
});
