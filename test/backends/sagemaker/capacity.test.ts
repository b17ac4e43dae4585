import { describe, expect, it } from 'vitest';

import {
  capacityRetryDelayMs,
  capacityRetryName,
  isCapacityFailure,
} from '../../../src/backends/sagemaker/capacity.js';

/** docs/service-rules.md: SageMaker's job name pattern (63 characters at most). */
const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

describe('isCapacityFailure', () => {
  it.each([
    'CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.',
    'InsufficientInstanceCapacity: We currently do not have sufficient ml.p4d.24xlarge capacity in the AZ you requested',
    'unable to provision requested ml compute CAPACITY',
  ])('a Failed job whose reason says capacity: %s', (reason) => {
    expect(isCapacityFailure({ TrainingJobStatus: 'Failed', FailureReason: reason })).toBe(true);
  });

  it.each([
    ['Failed', 'AlgorithmError: CUDA out of memory'],
    ['Failed', 'AlgorithmError: queue capacity exceeded in the data loader'],
    ['Failed', 'ClientError: Data download failed'],
    ['Failed', 'ResourceLimitExceeded: The account-level service limit for capacity is 0 Instances'],
    ['Failed', undefined],
    ['Stopped', 'MaxWaitTimeExceeded: no spot capacity and training finished within MaxWaitTimeInSeconds'],
    ['Completed', 'capacity'],
  ] as const)('not %s with %s', (status, reason) => {
    expect(isCapacityFailure({ TrainingJobStatus: status, FailureReason: reason })).toBe(false);
  });
});

describe('capacityRetryName', () => {
  it('adds -c<n> to the name', () => {
    expect(capacityRetryName('smt-42-1-abcdef', 1)).toBe('smt-42-1-abcdef-c1');
    expect(capacityRetryName('smt-42-1-abcdef', 12)).toBe('smt-42-1-abcdef-c12');
  });

  it('cuts a long name to fit 63 characters, and stays valid and deterministic', () => {
    const base = `${'a'.repeat(59)}-bcd`;
    expect(base).toHaveLength(63);
    for (const n of [1, 2, 10, 30]) {
      const name = capacityRetryName(base, n);
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(JOB_NAME);
      expect(name.endsWith(`-c${n}`)).toBe(true);
      expect(capacityRetryName(base, n)).toBe(name);
    }
    // The cut falls just after a hyphen: no doubled hyphen left behind.
    expect(capacityRetryName(base, 1)).toBe(`${'a'.repeat(59)}-c1`);
  });

  it('gives each retry its own name', () => {
    const names = [1, 2, 3].map((n) => capacityRetryName('x'.repeat(63), n));
    expect(new Set(names).size).toBe(3);
  });
});

describe('capacityRetryDelayMs', () => {
  it('waits 1 min, then doubles, at most 5 min', () => {
    expect([1, 2, 3, 4, 10].map(capacityRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});
