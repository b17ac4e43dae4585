// An S3 stand-in that answers as S3 does for a caller with given IAM policies: 403 for what the policies refuse, and for
// a missing key 404 only when the caller may list the bucket (s3:ListBucket, with no s3:prefix in that check), 403
// otherwise; ListObjectsV2 checked with its `s3:prefix`. The policies are evaluated by the template tests' evaluator.
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

import { decide, type PolicyDocument } from '../infra/iam/policy-eval.js';

type S3Error = Error & { $metadata: { httpStatusCode: number } };
const s3Error = (name: string, status: number, message: string): S3Error =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });

export interface S3Standin {
  client: S3Client;
  objects: Map<string, { body: string; lastModified: Date }>;
  /** Every request and S3's answer: `GetObject k 403`. */
  log: string[];
  restore(): void;
}

export function s3IamStandin(bucket: string, policies: PolicyDocument[]): S3Standin {
  const mock = mockClient(S3Client);
  const objects = new Map<string, { body: string; lastModified: Date }>();
  const log: string[] = [];
  const allowed = (action: string, resource: string, context?: Record<string, string>): boolean =>
    decide(policies, { action, resource, ...(context ? { context } : {}) }) === 'allowed';
  mock.on(GetObjectCommand).callsFake((input: { Bucket: string; Key: string }) => {
    if (input.Bucket !== bucket) throw s3Error('NoSuchBucket', 404, 'The specified bucket does not exist');
    const object = objects.get(input.Key);
    let error: S3Error | undefined;
    if (!allowed('s3:GetObject', `arn:aws:s3:::${bucket}/${input.Key}`))
      error = s3Error('AccessDenied', 403, 'Access Denied');
    else if (!object)
      error = allowed('s3:ListBucket', `arn:aws:s3:::${bucket}`)
        ? s3Error('NoSuchKey', 404, 'The specified key does not exist.')
        : s3Error('AccessDenied', 403, 'Access Denied');
    log.push(`GetObject ${input.Key} ${error ? String(error.$metadata.httpStatusCode) : 200}`);
    if (error) throw error;
    if (!object) throw new Error('unreachable: a missing object is an error above');
    return { Body: { transformToString: () => Promise.resolve(object.body) }, LastModified: object.lastModified };
  });
  mock.on(ListObjectsV2Command).callsFake((input: { Bucket: string; Prefix?: string; MaxKeys?: number }) => {
    const prefix = input.Prefix ?? '';
    if (!allowed('s3:ListBucket', `arn:aws:s3:::${input.Bucket}`, prefix ? { 's3:prefix': prefix } : undefined)) {
      log.push(`ListObjectsV2 ${prefix} 403`);
      throw s3Error('AccessDenied', 403, 'Access Denied');
    }
    log.push(`ListObjectsV2 ${prefix} 200`);
    const keys = [...objects.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort()
      .slice(0, input.MaxKeys ?? 1000);
    return { Contents: keys.map((Key) => ({ Key })), KeyCount: keys.length, IsTruncated: false };
  });
  return { client: new S3Client({ region: 'eu-west-1' }), objects, log, restore: () => mock.restore() };
}
