import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/config/suggest.js';

const JOB = ['name-prefix', 'name', 'role-arn', 'instance-type', 'instance-count', 'max-runtime', 'keep-alive'];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ] as const)('%s / %s → %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('suggest', () => {
  it.each([
    ['max-runtim', 'max-runtime'],
    ['max_runtime', 'max-runtime'],
    ['maxRuntime', 'max-runtime'],
    ['instance-tpye', 'instance-type'],
    ['InstanceCount', 'instance-count'],
    ['rolearn', 'role-arn'],
    ['keepalive', 'keep-alive'],
    ['nmae', 'name'],
  ])('%s → %s', (name, expected) => {
    expect(suggest(name, JOB)).toBe(expected);
  });

  it.each([['fargate'], ['x'], ['completely-different']])('%s → nothing', (name) => {
    expect(suggest(name, JOB)).toBeUndefined();
  });
});
