import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LocationError,
  bucketNameProblem,
  hasUriScheme,
  parseS3Uri,
  resolveLocalPath,
} from '../../src/config/locations.js';

describe('parseS3Uri', () => {
  it.each([
    [
      's3://my-bucket/models/iris/',
      false,
      { uri: 's3://my-bucket/models/iris/', bucket: 'my-bucket', key: 'models/iris/' },
    ],
    [
      's3://my-bucket/models/iris',
      true,
      { uri: 's3://my-bucket/models/iris/', bucket: 'my-bucket', key: 'models/iris/' },
    ],
    ['s3://my-bucket/data/train', false, { uri: 's3://my-bucket/data/train', bucket: 'my-bucket', key: 'data/train' }],
    ['s3://my-bucket', false, { uri: 's3://my-bucket/', bucket: 'my-bucket', key: '' }],
    ['s3://my-bucket/', true, { uri: 's3://my-bucket/', bucket: 'my-bucket', key: '' }],
    ['s3://abc', false, { uri: 's3://abc/', bucket: 'abc', key: '' }],
    ['s3://a.b-c.d1/x y/z', false, { uri: 's3://a.b-c.d1/x y/z', bucket: 'a.b-c.d1', key: 'x y/z' }],
    [`s3://${'b'.repeat(63)}/k`, false, { uri: `s3://${'b'.repeat(63)}/k`, bucket: 'b'.repeat(63), key: 'k' }],
  ] as const)('%s (prefix %s)', (text, asPrefix, expected) => {
    expect(parseS3Uri(text, { asPrefix })).toEqual({ kind: 's3', ...expected });
  });

  it.each([
    ['s3:/x', /must be an S3 URI/],
    ['s3://', /must name a bucket/],
    ['s3:///key', /must name a bucket/],
    ['S3://bucket/key', /lowercase s3:\/\//],
    ['https://bucket.s3.amazonaws.com/key', /must be an S3 URI/],
    ['bucket/key', /must be an S3 URI/],
    ['s3://My-Bucket/key', /must be lowercase/],
    ['s3://ab/key', /3 to 63 characters/],
    [`s3://${'b'.repeat(64)}/key`, /3 to 63 characters/],
    ['s3://-bucket/key', /start and end with a letter or digit/],
    ['s3://bucket-/key', /start and end with a letter or digit/],
    ['s3://my_bucket/key', /lowercase letters, digits, dots and hyphens/],
    ['s3://my..bucket/key', /two dots/],
    ['s3://192.168.1.10/key', /IP address/],
    ['s3://xn--bucket/key', /xn--/],
    ['s3://bucket//key', /empty path segment/],
    ['s3://bucket/a//b', /empty path segment/],
    ['s3://bucket/a\nb', /control characters/],
  ])('rejects %j', (text, message) => {
    expect(() => parseS3Uri(text)).toThrow(LocationError);
    expect(() => parseS3Uri(text)).toThrow(message);
  });
});

describe('bucketNameProblem', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.1', '1bucket'])('accepts %s', (bucket) => {
    expect(bucketNameProblem(bucket)).toBeUndefined();
  });
});

describe('hasUriScheme', () => {
  it.each([
    ['s3://b', true],
    ['s3:/x', true],
    ['https://x', true],
    ['S3://b', true],
    ['data/train', false],
    ['/abs/path', false],
    ['./a:b', false],
    ['C:\\data', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(hasUriScheme(text)).toBe(expected);
  });
});

describe('resolveLocalPath', () => {
  it('resolves relative paths against the workspace and keeps absolute ones', () => {
    expect(resolveLocalPath('/ws', 'data/train')).toEqual({ kind: 'local', path: path.resolve('/ws/data/train') });
    expect(resolveLocalPath('/ws', '/abs/data/')).toEqual({ kind: 'local', path: path.resolve('/abs/data') });
  });
});
