import { describe, expect, it } from 'vitest';

import { readInputs } from '../../src/action/inputs.js';
import { FakeCore } from './fake-core.js';
import { readRunIdentity } from '../../src/run-identity.js';

describe('readInputs', () => {
  it('masks the token before anything else and reads the defaults', () => {
    const core = new FakeCore({ 'github-token': 'ghs_secret', config: '.github/sagemaker-training.yml' });
    const inputs = readInputs(core, readRunIdentity({ GITHUB_WORKSPACE: '/gh/ws' }), '/cwd');
    expect(core.events[0]).toBe('setSecret');
    expect(core.secrets).toEqual(['ghs_secret']);
    expect(inputs).toMatchObject({
      workspace: '/gh/ws',
      configFile: '.github/sagemaker-training.yml',
      configFileExplicit: false,
      overrides: [],
      githubToken: 'ghs_secret',
    });
  });

  it('treats a named file other than the default as explicit', () => {
    const inputs = readInputs(new FakeCore({ config: 'ml/train.yml' }), readRunIdentity({}), '/cwd');
    expect(inputs).toMatchObject({ configFile: 'ml/train.yml', configFileExplicit: true, workspace: '/cwd' });
  });

  it.each([
    [{ workspace: 'sub/dir' }, { GITHUB_WORKSPACE: '/gh/ws' }, '/gh/ws/sub/dir'],
    [{ workspace: '/abs' }, { GITHUB_WORKSPACE: '/gh/ws' }, '/abs'],
    [{}, {}, '/cwd'],
    [{}, { GITHUB_WORKSPACE: '  ' }, '/cwd'],
  ])('workspace %j with env %j → %s', (given, env, expected) => {
    expect(readInputs(new FakeCore(given), readRunIdentity(env), '/cwd').workspace).toBe(expected);
  });

  it('turns every non-empty override input (mode included) into an override naming the input', () => {
    const inputs = readInputs(
      new FakeCore({ mode: 'local', 'instance-count': '2', hyperparameters: 'epochs: 3', region: '' }),
      readRunIdentity({}),
      '/cwd',
    );
    expect(inputs.overrides.map((o) => [o.path.join('.'), o.source])).toEqual([
      ['mode', 'input "mode"'],
      ['job.instance-count', 'input "instance-count"'],
      ['hyperparameters', 'input "hyperparameters"'],
    ]);
  });

  it('does not mask an empty token', () => {
    const core = new FakeCore({});
    readInputs(core, readRunIdentity({}), '/cwd');
    expect(core.secrets).toEqual([]);
  });
});

describe('gate inputs', () => {
  it('defaults', () => {
    expect(readInputs(new FakeCore({}), readRunIdentity({}), '/cwd').gate).toEqual({
      checkName: 'sagemaker-training',
      comment: false,
      baselineDepth: 20,
      pullRequestTarget: 'refuse',
    });
  });
  it('reads them', () => {
    const core = new FakeCore({
      'check-name': ' ml-gate ',
      comment: 'true',
      'baseline-branch': 'master',
      'baseline-depth': '5',
      'pull-request-target': 'train-base',
    });
    expect(readInputs(core, readRunIdentity({}), '/cwd').gate).toEqual({
      checkName: 'ml-gate',
      comment: true,
      baselineBranch: 'master',
      baselineDepth: 5,
      pullRequestTarget: 'train-base',
    });
  });
  it.each([
    [{ comment: 'maybe' }, 'Input "comment" must be true or false (got "maybe")'],
    [{ 'pull-request-target': 'yes' }, 'Input "pull-request-target" must be refuse or train-base (got "yes")'],
    [{ 'baseline-depth': '0' }, 'Input "baseline-depth" must be a whole number from 1 to 100 (got "0")'],
    [{ 'baseline-depth': '20 commits' }, 'Input "baseline-depth" must be a whole number from 1 to 100'],
    [{ 'check-name': 'x'.repeat(101) }, 'Input "check-name" must be at most 100 characters'],
  ])('rejects %j', (inputs, message) => {
    expect(() => readInputs(new FakeCore(inputs), readRunIdentity({}), '/cwd')).toThrow(message);
  });
});
