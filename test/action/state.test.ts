import { describe, expect, it } from 'vitest';

import { isStateKey, readState, splitIds, State } from '../../src/state.js';

const from =
  (values: Record<string, string>) =>
  (key: string): string =>
    values[key] ?? '';

describe('state', () => {
  it('knows its keys and nothing else', () => {
    expect(Object.values(State).every(isStateKey)).toBe(true);
    expect(isStateKey('github-token')).toBe(false);
  });

  it('splits container ids', () => {
    expect(splitIds(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitIds('')).toEqual([]);
  });

  it('reads what the main step saved', () => {
    expect(
      readState(from({ 'job-name': 'j', containers: 'abc123,def456', network: 'net1', finished: 'true' })),
    ).toEqual({
      jobName: 'j',
      containers: ['abc123', 'def456'],
      network: 'net1',
      finished: true,
      checkRunDone: false,
      ignored: [],
    });
  });

  it('reads the check run id and whether the main step completed it, ignoring a malformed id', () => {
    expect(readState(from({ 'check-run-id': '4242', 'check-run-done': 'true' }))).toMatchObject({
      checkRunId: 4242,
      checkRunDone: true,
    });
    expect(readState(from({ 'check-run-conclusion': 'failure' })).checkRunConclusion).toBe('failure');
    expect(readState(from({ 'check-run-conclusion': 'bogus' }))).not.toHaveProperty('checkRunConclusion');
    const bad = readState(from({ 'check-run-id': '12; rm' }));
    expect(bad.checkRunId).toBeUndefined();
    expect(bad.ignored).toEqual(['check-run-id: "12; rm"']);
  });

  it('reads the runner task and its cluster, ignoring anything that is not an ECS task ARN or cluster', () => {
    const arn = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';
    expect(readState(from({ 'task-arn': arn, 'fargate-cluster': 'ml-ci' }))).toMatchObject({
      taskArn: arn,
      fargateCluster: 'ml-ci',
      ignored: [],
    });
    const bad = readState(from({ 'task-arn': `${arn} --force`, 'fargate-cluster': '../x' }));
    expect(bad).not.toHaveProperty('taskArn');
    expect(bad).not.toHaveProperty('fargateCluster');
    expect(bad.ignored).toEqual([`task-arn: "${arn} --force"`, 'fargate-cluster: "../x"']);
  });

  it('reads nothing as nothing to do', () => {
    expect(readState(from({}))).toEqual({ containers: [], finished: false, checkRunDone: false, ignored: [] });
  });

  it('ignores values that are not Docker ids, and says which', () => {
    const state = readState(from({ containers: 'good1,--rm,../../etc,$(x)', network: 'a b', finished: 'yes' }));
    expect(state.containers).toEqual(['good1']);
    expect(state.network).toBeUndefined();
    expect(state.finished).toBe(false);
    expect(state.ignored).toHaveLength(4);
  });
});
