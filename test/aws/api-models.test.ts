// The requests the code builds, held to AWS's published API models (test/helpers/aws-model.ts): every member known,
// every required one present, every value within the model's types, enums, lengths, ranges and patterns.
import { describe, expect, it } from 'vitest';

import { createTrainingJobInput, runTags } from '../../src/backends/sagemaker/input.js';
import { checkAnswer, modelProblems, refuseInvalidRequest, takeMismatches } from '../helpers/aws-model.js';
import { fullRequest } from '../backends/sagemaker/full-request.js';
import { sagemakerRequest } from '../backends/sagemaker/request.js';
import { readRunIdentity } from '../../src/run-identity.js';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train@sha256:' + 'a'.repeat(64);
const ACTIONS_ENV = {
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
  GITHUB_WORKFLOW: 'Train (nightly) #1',
  GITHUB_RUN_ID: '12345678901',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REF: 'refs/pull/7/merge',
};

describe('CreateTrainingJob as the code builds it', () => {
  it('fits the model with everything the configuration allows', () => {
    const request = fullRequest();
    // Values at SageMaker's limits: the longest hyperparameter value, two metrics with prefixes.
    request.hyperparameters.note = 'x'.repeat(2500);
    request.metrics.push({ name: 'train:loss', regex: 'loss=([0-9.]+)', goal: 'minimize' });
    const input = createTrainingJobInput(request, {
      jobName: 'iris-12345678901-2-abcdef',
      imageUri: IMAGE,
      tags: runTags(readRunIdentity(ACTIONS_ENV)),
      channelUris: { local: 's3://bucket/out/_channels/local-0123456789abcdef/' },
    });
    expect(modelProblems('sagemaker', 'CreateTrainingJob', 'input', input)).toEqual([]);
  });

  it('fits the model with the least configuration (the defaults)', () => {
    const input = createTrainingJobInput(sagemakerRequest(), {
      jobName: 'training-20261121-120000-0abc',
      imageUri: IMAGE,
      tags: runTags(readRunIdentity({})),
    });
    expect(modelProblems('sagemaker', 'CreateTrainingJob', 'input', input)).toEqual([]);
  });

  it('is what the checker would refuse when it breaks the model', () => {
    const input = createTrainingJobInput(sagemakerRequest(), { jobName: 'j', imageUri: IMAGE, tags: {} });
    const broken = {
      ...input,
      TrainingJobName: 'under_score',
      HyperParameters: { long: 'x'.repeat(2501) },
      StoppingCondition: { MaxRuntimeInSeconds: 0 },
      ResourceConfig: { ...input.ResourceConfig, InstanceType: 'ml.t2.nano' },
      Unknown: true,
    };
    const problems = modelProblems('sagemaker', 'CreateTrainingJob', 'input', broken);
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        'CreateTrainingJob input.TrainingJobName: does not match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} (got "under_score")',
        'CreateTrainingJob input.HyperParameters.long: at most 2500 characters (got "' + 'x'.repeat(76) + '...)',
        expect.stringMatching(/^CreateTrainingJob input\.ResourceConfig\.InstanceType: expected one of /),
        'CreateTrainingJob input.StoppingCondition.MaxRuntimeInSeconds: at least 1 (value) (got 0)',
        'CreateTrainingJob input.Unknown: not a member of CreateTrainingJobRequest',
      ]),
    );
  });
});

describe('the HTTP stand-ins’ check', () => {
  it('answers a request the model refuses as AWS would (ValidationException), and records it', () => {
    const refusal = refuseInvalidRequest('SageMaker.StopTrainingJob', { TrainingJobName: 'a_b' });
    expect(refusal).toEqual({
      __type: 'ValidationException',
      message: 'StopTrainingJob input.TrainingJobName: does not match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} (got "a_b")',
    });
    expect(refuseInvalidRequest('SageMaker.StopTrainingJob', { TrainingJobName: 'a-b' })).toBeUndefined();
    expect(takeMismatches()).toHaveLength(1);
  });

  it('records an answer AWS would never send, and lets errors and unknown services pass', () => {
    checkAnswer('SageMaker.DescribeTrainingJob', 200, { TrainingJobStatus: 'Running' });
    checkAnswer('SageMaker.DescribeTrainingJob', 400, { __type: 'ValidationException' });
    checkAnswer('Other.Operation', 200, { anything: true });
    const recorded = takeMismatches();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toContain(
      'DescribeTrainingJob output.TrainingJobStatus: expected one of InProgress, Completed, Failed, Stopping, Stopped',
    );
  });
});
