import { describe, expect, it } from 'vitest';
import { DurationError, formatDuration, parseDuration } from '../../src/config/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90m', 5400],
    ['2h', 7200],
    ['3600s', 3600],
    ['1d', 86_400],
    ['28d', 2_419_200],
    ['1h30m', 5400],
    ['1d12h', 129_600],
    ['1h0m30s', 3630],
    ['2h30m15s', 9015],
    ['0', 0],
    ['0s', 0],
    ['3600', 3600],
    [' 5m ', 300],
    [3600, 3600],
    [0, 0],
  ] as const)('%j → %d s', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each([
    ['2 hours'],
    [''],
    ['h'],
    ['1.5h'],
    ['-5m'],
    ['2H'],
    ['30m1h'],
    ['1h1h'],
    ['10ms'],
    ['1w'],
    ['5 m'],
    ['PT1H'],
    [1.5],
    [-1],
    ['99999999999999999999d'],
  ] as const)('rejects %j', (input) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
  });

  it('says what is allowed and what it got', () => {
    expect(() => parseDuration('2 hours')).toThrow(/must be a duration such as 90m, 2h or 3600s.*\(got "2 hours"\)/);
    expect(() => parseDuration(2.5)).toThrow(/whole number.*\(got 2\.5\)/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [60, '1m'],
    [5400, '1h30m'],
    [86_400, '1d'],
    [90_061, '1d1h1m1s'],
    [2_419_200, '28d'],
  ])('%d → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds);
  });
});
