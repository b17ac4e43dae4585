// The lineage shaped to SageMaker's limits, and when a run registers: pure, table-driven.
import { describe, expect, it } from 'vitest';

import { clientToken, customerMetadata, metadataValue, type Lineage } from '../../src/register/lineage.js';
import { shouldRegister } from '../../src/register/when.js';
import type { RegisterSpec } from '../../src/request.js';
import { modelProblems } from '../helpers/aws-model.js';

const lineage = (hyperparameters: Record<string, string>): Lineage => ({
  repository: 'acme/iris',
  commit: 'c'.repeat(40),
  run: '42',
  jobName: 'iris-1',
  imageUri: 'registry/iris:ctx-1',
  hyperparameters,
});

const fits = (metadata: Record<string, string>): string[] =>
  modelProblems('sagemaker', 'CreateModelPackage', 'input', { CustomerMetadataProperties: metadata });

describe('customerMetadata', () => {
  it('keeps at most 50 entries, counting the hyperparameters that did not fit', () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`p${String(i).padStart(2, '0')}`, 'x']));
    const metadata = customerMetadata(lineage(many));
    expect(Object.keys(metadata)).toHaveLength(50);
    expect(metadata['hp-omitted']).toBe(String(80 - (50 - 5 - 1)));
    expect(fits(metadata)).toEqual([]);
  });

  it('keeps every hyperparameter when they fit, without an omitted count', () => {
    const metadata = customerMetadata(lineage({ a: '1', b: '2' }));
    expect(metadata).toMatchObject({ 'hp.a': '1', 'hp.b': '2' });
    expect(metadata['hp-omitted']).toBeUndefined();
  });

  it.each([
    ['a value past 256 characters is cut', 'x'.repeat(300), `${'x'.repeat(253)}...`],
    ['characters SageMaker refuses become _', 'a,b;c"d', 'a_b_c_d'],
    ['an empty value becomes _', '', '_'],
  ])('%s', (_what, value, expected) => {
    expect(metadataValue(value)).toBe(expected);
    expect(fits({ k: metadataValue(value) })).toEqual([]);
  });

  it('gives a client token SageMaker accepts, the same for the same group and commit', () => {
    expect(clientToken('g', 'c')).toMatch(/^[a-f0-9]{36}$/);
    expect(clientToken('g', 'c')).toBe(clientToken('g', 'c'));
    expect(clientToken('g', 'd')).not.toBe(clientToken('g', 'c'));
  });
});

describe('shouldRegister', () => {
  const spec: RegisterSpec = {
    group: 'g',
    approval: 'PendingManualApproval',
    onDispatch: false,
    problemType: 'regression',
    contentTypes: ['text/csv'],
    responseTypes: ['text/csv'],
  };
  it.each([
    ['a push to the default branch', spec, { eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, true],
    ['a push to another branch', spec, { eventName: 'push', ref: 'refs/heads/dev', defaultBranch: 'main' }, false],
    [
      'a push to the configured branch',
      { ...spec, branch: 'master' },
      { eventName: 'push', ref: 'refs/heads/master' },
      true,
    ],
    ['a pull request', spec, { eventName: 'pull_request', ref: 'refs/pull/1/merge', defaultBranch: 'main' }, false],
    ['workflow_dispatch by default', spec, { eventName: 'workflow_dispatch', ref: 'refs/heads/main' }, false],
    ['workflow_dispatch when asked', { ...spec, onDispatch: true }, { eventName: 'workflow_dispatch' }, true],
  ])('%s', (_what, s, event, expected) => {
    const decision = shouldRegister(s, event);
    expect('register' in decision).toBe(expected);
    if (!expected) expect('skipped' in decision && decision.skipped.length).toBeGreaterThan(10);
  });
});
