import { describe, expect, it } from 'vitest';

import {
  awsErrorName,
  backoffDelay,
  isAccessDeniedError,
  isThrottlingError,
  isTransientError,
} from '../../src/wait/backoff.js';

function awsError(name: string, status?: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...extra });
}

describe('backoffDelay', () => {
  it.each([
    [0, 0, 500],
    [0, 0.999, 1000],
    [1, 0, 1000],
    [3, 0.5, 6000],
    [10, 0, 5000],
    [10, 0.999, 9995],
    [500, 0.999, 9995],
  ])('attempt %i, random %f → %i ms (base 1 s, cap 10 s)', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { baseMs: 1000, capMs: 10_000, random: () => random })).toBe(expected);
  });

  it('never exceeds the cap and never retries at once', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = backoffDelay(attempt, { baseMs: 2000, capMs: 300_000 });
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(300_000);
    }
  });
});

describe('error classes', () => {
  it.each([
    ['ThrottlingException 400', awsError('ThrottlingException', 400), { throttling: true, transient: true }],
    ['429 of any name', awsError('SomethingElse', 429), { throttling: true, transient: true }],
    ['InternalServerError 500', awsError('InternalServerError', 500), { throttling: false, transient: true }],
    ['ServiceUnavailable 503', awsError('ServiceUnavailable', 503), { throttling: false, transient: true }],
    ['ECONNRESET', Object.assign(new Error('reset'), { code: 'ECONNRESET' }), { throttling: false, transient: true }],
    ['ValidationException 400', awsError('ValidationException', 400), { throttling: false, transient: false }],
    ['AccessDeniedException 400', awsError('AccessDeniedException', 400), { throttling: false, transient: false }],
    ['a string', 'boom', { throttling: false, transient: false }],
  ])('%s', (_label, err, expected) => {
    expect({ throttling: isThrottlingError(err), transient: isTransientError(err) }).toEqual(expected);
  });

  it('recognises access denied by name or status', () => {
    expect(isAccessDeniedError(awsError('AccessDeniedException', 400))).toBe(true);
    expect(isAccessDeniedError(awsError('Whatever', 403))).toBe(true);
    expect(isAccessDeniedError(awsError('ValidationException', 400))).toBe(false);
  });

  it('names errors by name, then code', () => {
    expect(awsErrorName(awsError('ResourceInUse', 400))).toBe('ResourceInUse');
    expect(awsErrorName(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(awsErrorName(undefined)).toBeUndefined();
  });
});
