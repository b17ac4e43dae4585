import type { Task } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';

import {
  clientToken,
  clusterNameOf,
  describeExit,
  regionOfArn,
  runnerLogLocation,
  startedBy,
  taskEnd,
  taskIdOf,
} from '../../../src/backends/fargate/task.js';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef';
const LONG = `a${'-b'.repeat(31)}`; // 63 characters, the longest job name

describe('clientToken and startedBy', () => {
  it.each([['smt-42-1-abcdef'], [LONG], ['x']])('%s: within the limits, deterministic, new per attempt', (job) => {
    const first = clientToken(job, 1, '42-1');
    expect(first).toMatch(/^[!-~]{1,64}$/);
    expect(clientToken(job, 1, '42-1')).toBe(first);
    expect(clientToken(job, 2, '42-1')).not.toBe(first);
    // A re-run (another attempt of the workflow) with an explicit job name is a new request.
    expect(clientToken(job, 1, '42-2')).not.toBe(first);
    const by = startedBy(job);
    expect(by).toMatch(/^[A-Za-z0-9_/-]{1,36}$/);
    expect(startedBy(job)).toBe(by);
  });

  it('keeps two long names that share their start apart', () => {
    expect(startedBy(`${LONG.slice(0, 60)}abc`)).not.toBe(startedBy(`${LONG.slice(0, 60)}abd`));
    expect(startedBy('smt-42-1-abcdef')).toBe('smt-42-1-abcdef');
  });
});

describe('ARNs', () => {
  it('reads the task id, cluster and region', () => {
    expect(taskIdOf(ARN)).toBe('0123456789abcdef');
    expect(clusterNameOf(ARN)).toBe('ml-ci');
    expect(clusterNameOf('arn:aws:ecs:eu-west-1:123456789012:cluster/ml-ci')).toBe('ml-ci');
    expect(clusterNameOf('ml-ci')).toBe('ml-ci');
    expect(regionOfArn(ARN)).toBe('eu-west-1');
    expect(regionOfArn('ml-ci')).toBeUndefined();
  });
});

describe('runnerLogLocation', () => {
  it('is <prefix>/<container>/<task id> in the awslogs group', () => {
    expect(
      runnerLogLocation(
        {
          name: 'runner',
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/runner', 'awslogs-stream-prefix': 'ci', 'awslogs-region': 'us-east-1' },
          },
        },
        ARN,
      ),
    ).toEqual({ group: '/ecs/runner', region: 'us-east-1', stream: 'ci/runner/0123456789abcdef' });
  });

  it.each([
    [
      'another driver',
      { logDriver: 'splunk' as const, options: { 'awslogs-group': 'g', 'awslogs-stream-prefix': 'p' } },
    ],
    ['no stream prefix', { logDriver: 'awslogs' as const, options: { 'awslogs-group': 'g' } }],
    ['no log configuration', undefined],
  ])('is unknown with %s', (_what, logConfiguration) => {
    expect(
      runnerLogLocation({ name: 'runner', ...(logConfiguration ? { logConfiguration } : {}) }, ARN),
    ).toBeUndefined();
  });
});

describe('taskEnd (a task succeeded only if STOPPED, started, and every essential container exited 0)', () => {
  const essential = new Set(['runner', 'sidecar']);
  const task = (t: Partial<Task>): Task => ({ lastStatus: 'STOPPED', ...t });
  it.each<[string, Task, ReturnType<typeof taskEnd>]>([
    [
      'TaskFailedToStart',
      task({ stopCode: 'TaskFailedToStart', stoppedReason: 'no ENI', containers: [{ name: 'runner', exitCode: 0 }] }),
      { kind: 'never-started', reason: 'TaskFailedToStart: no ENI' },
    ],
    [
      'no container ever ran',
      task({ stopCode: 'UserInitiated', stoppedReason: 'stopped', containers: [{ name: 'runner', reason: 'pull' }] }),
      { kind: 'never-started', reason: 'UserInitiated: stopped (runner: pull)' },
    ],
    [
      'every essential container exited 0',
      task({
        stopCode: 'EssentialContainerExited',
        containers: [
          { name: 'runner', exitCode: 0 },
          { name: 'sidecar', exitCode: 0 },
          { name: 'log', exitCode: 1 },
        ],
      }),
      { kind: 'exited', exitCode: 0, succeeded: true, problems: [] },
    ],
    [
      'the runner exited 10',
      task({
        containers: [
          { name: 'runner', exitCode: 10 },
          { name: 'sidecar', exitCode: 0 },
        ],
      }),
      { kind: 'exited', exitCode: 10, succeeded: false, problems: ['essential container runner exited 10'] },
    ],
    [
      'an essential container without exit code',
      task({
        containers: [
          { name: 'runner', exitCode: 0 },
          { name: 'sidecar', runtimeId: 'x', reason: 'killed' },
        ],
      }),
      {
        kind: 'exited',
        exitCode: 0,
        succeeded: false,
        problems: ['essential container sidecar reported no exit code (killed)'],
      },
    ],
  ])('%s', (_name, t, expected) => {
    expect(taskEnd(t, 'runner', essential)).toEqual(expected);
  });
});

describe('describeExit', () => {
  it.each([
    [0, 'exit code 0 (the job completed)'],
    [2, 'exit code 2 (the request could not be read or is not valid; nothing was launched)'],
    [137, 'exit code 137 (killed (SIGKILL: out of memory, or it did not stop within stopTimeout))'],
    [42, 'exit code 42'],
    [undefined, 'no exit code'],
  ])('%s', (code, text) => {
    expect(describeExit(code)).toBe(text);
  });
});
