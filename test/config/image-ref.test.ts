import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/config/image-ref.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    ['python:3.12-slim', { path: 'python', tag: '3.12-slim' }],
    ['iris-training', { path: 'iris-training' }],
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris-training:1.0',
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', path: 'iris-training', tag: '1.0' },
    ],
    ['localhost:5000/team/iris', { registry: 'localhost:5000', path: 'team/iris' }],
    [`ghcr.io/octo/iris@${DIGEST}`, { registry: 'ghcr.io', path: 'octo/iris', digest: DIGEST }],
    [`ghcr.io/octo/iris:v1@${DIGEST}`, { registry: 'ghcr.io', path: 'octo/iris', tag: 'v1', digest: DIGEST }],
    ['library/my_image__x', { path: 'library/my_image__x' }],
  ])('%s', (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  it.each([
    ['ghcr.io/Octo/iris:1', /lowercase/],
    ['ghcr.io/octo/iris@sha256:abc', /malformed digest/],
    ['ghcr.io/octo/iris:bad tag', /spaces/],
    ['ghcr.io/octo/iris:-x', /malformed tag/],
    ['ghcr.io//iris', /must name a repository/],
    ['ghcr.io/octo/-iris', /invalid repository path component/],
    [`r/${'a'.repeat(260)}`, /at most 255/],
  ])('rejects %s', (text, problem) => {
    const result = parseImageReference(text);
    expect(result).toHaveProperty('problem');
    expect((result as { problem: string }).problem).toMatch(problem);
  });
});
