import { ListTagsCommand, SageMakerClient, StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { afterEach, describe, expect, it } from 'vitest';

import { stopSavedTrainingJob, stopTrainingJob } from '../../../src/backends/sagemaker/index.js';
import { MemoryLogger } from '../../helpers/docker.js';
import { awsError, resetMocks, smMock } from './fake-aws.js';
import { readRunIdentity } from '../../../src/run-identity.js';

afterEach(() => resetMocks());

const client = (): SageMakerClient => new SageMakerClient({ region: 'eu-west-1' });

describe('stopTrainingJob', () => {
  it('asks SageMaker to stop the job', async () => {
    smMock.on(StopTrainingJobCommand).resolves({});
    const logger = new MemoryLogger();
    expect(await stopTrainingJob(client(), 'job-1', logger)).toBe(true);
    expect(smMock.commandCalls(StopTrainingJobCommand)[0]?.args[0].input).toEqual({ TrainingJobName: 'job-1' });
    expect(logger.infos).toEqual(['Stop requested for training job job-1']);
  });

  it('is quiet about a job that already ended (ValidationException)', async () => {
    smMock
      .on(StopTrainingJobCommand)
      .rejects(
        awsError('ValidationException', 400, 'The job status is Completed. Only InProgress jobs can be stopped.'),
      );
    const logger = new MemoryLogger();
    expect(await stopTrainingJob(client(), 'job-1', logger)).toBe(false);
    expect(logger.warnings).toEqual([]);
    expect(logger.infos[0]).toMatch(/job-1 is not running: nothing to stop/);
  });

  it('never throws: any other error is a warning', async () => {
    smMock.on(StopTrainingJobCommand).rejects(awsError('AccessDeniedException', 400, 'no'));
    const logger = new MemoryLogger();
    expect(await stopTrainingJob(client(), 'job-1', logger)).toBe(false);
    expect(logger.warnings).toEqual(['Could not stop training job job-1: no']);
  });

  it('with runTag: leaves a job another run created running', async () => {
    smMock
      .on(DescribeTrainingJobCommand)
      .resolves({ TrainingJobStatus: 'InProgress', TrainingJobArn: 'arn:aws:sagemaker:x:1:training-job/job-1' });
    smMock.on(ListTagsCommand).resolves({ Tags: [{ Key: 'sagemaker-train:run', Value: '7-1' }] });
    smMock.on(StopTrainingJobCommand).resolves({});
    const logger = new MemoryLogger();
    expect(await stopTrainingJob(client(), 'job-1', logger, { runTag: '8-1' })).toBe(false);
    expect(smMock.commandCalls(StopTrainingJobCommand)).toEqual([]);
    expect(logger.warnings[0]).toMatch(/not created by this run/);
  });

  it('with runTag: stops this run’s job, and skips one that already ended', async () => {
    smMock
      .on(DescribeTrainingJobCommand)
      .resolvesOnce({ TrainingJobStatus: 'InProgress', TrainingJobArn: 'arn:1' })
      .resolvesOnce({ TrainingJobStatus: 'Completed', TrainingJobArn: 'arn:1' });
    smMock.on(ListTagsCommand).resolves({ Tags: [{ Key: 'sagemaker-train:run', Value: '8-1' }] });
    smMock.on(StopTrainingJobCommand).resolves({});
    const logger = new MemoryLogger();
    expect(await stopTrainingJob(client(), 'job-1', logger, { runTag: '8-1' })).toBe(true);
    expect(await stopTrainingJob(client(), 'job-1', logger, { runTag: '8-1' })).toBe(false);
    expect(smMock.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(logger.infos).toContain('Training job job-1 is already Completed: nothing to stop');
  });
});

describe('stopSavedTrainingJob (post step)', () => {
  it('stops the saved job only when this run created it, in the region given', async () => {
    smMock.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: 'InProgress', TrainingJobArn: 'arn:1' });
    smMock.on(ListTagsCommand).resolves({ Tags: [{ Key: 'sagemaker-train:run', Value: '8-2' }] });
    smMock.on(StopTrainingJobCommand).resolves({});
    const regions: string[] = [];
    const logger = new MemoryLogger();
    const stopped = await stopSavedTrainingJob({
      jobName: 'job-1',
      region: 'eu-north-1',
      logger,
      identity: readRunIdentity({ GITHUB_RUN_ID: '8', GITHUB_RUN_ATTEMPT: '2' }),
      sagemaker: (region) => {
        regions.push(region);
        return Promise.resolve(client());
      },
    });
    expect(stopped).toBe(true);
    expect(regions).toEqual(['eu-north-1']);
    expect(smMock.commandCalls(StopTrainingJobCommand)[0]?.args[0].input).toEqual({ TrainingJobName: 'job-1' });
  });

  it('never throws, even when no client can be made', async () => {
    const logger = new MemoryLogger();
    const stopped = await stopSavedTrainingJob({
      jobName: 'job-1',
      region: 'eu-north-1',
      logger,
      identity: readRunIdentity({}),
      sagemaker: () => Promise.reject(new Error('no credentials')),
    });
    expect(stopped).toBe(false);
    expect(logger.warnings).toEqual(['Could not stop training job job-1: no credentials']);
  });
});
