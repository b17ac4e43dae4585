// The S3 stand-in (test/helpers/s3-rest-standin.ts) answering as S3 does for a caller with given IAM policies,
// evaluated by the template tests' evaluator: 403 for what the policies refuse; for a missing key 404 only when the
// caller may list the bucket (s3:ListBucket, with no s3:prefix in that check), 403 otherwise; ListObjectsV2 checked
// with its `s3:prefix`. Served over HTTP for the real S3Client, as the other stand-ins are.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { S3Client } from '@aws-sdk/client-s3';

import { decide, type PolicyDocument } from '../infra/iam/policy-eval.js';
import { createS3Standin, type S3Request, type S3Standin } from './s3-rest-standin.js';

export interface S3IamStandin {
  client: S3Client;
  s3: S3Standin;
  /** Every request and S3's answer: `GetObject k 403`, `ListObjectsV2 prefix 200`. */
  log: string[];
  close(): Promise<void>;
}

/** IAM's request for an S3 call: the object's ARN, or the bucket's with `s3:prefix` for a listing. */
function iamRequest(r: S3Request): Parameters<typeof decide>[1] {
  if (r.action !== 's3:ListBucket') return { action: r.action, resource: `arn:aws:s3:::${r.bucket}/${r.key}` };
  return {
    action: r.action,
    resource: `arn:aws:s3:::${r.bucket}`,
    ...(r.prefix ? { context: { 's3:prefix': r.prefix } } : {}),
  };
}

export async function s3IamStandin(bucket: string, policies: PolicyDocument[]): Promise<S3IamStandin> {
  const log: string[] = [];
  const s3 = createS3Standin({
    buckets: [bucket],
    onCall: (c) => log.push(`${c.operation} ${c.operation === 'ListObjectsV2' ? c.prefix : c.key} ${c.status}`),
  });
  s3.allow = (request) => decide(policies, iamRequest(request)) === 'allowed';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => s3.handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new S3Client({
    region: 'eu-west-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDIAMSTANDIN', secretAccessKey: 'not-a-secret' },
  });
  return {
    client,
    s3,
    log,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
