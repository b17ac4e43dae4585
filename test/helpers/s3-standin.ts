// Local mode's S3: the one S3 stand-in (test/helpers/s3-rest-standin.ts, with its rules: signed requests, existing
// buckets, 403 vs 404, keys of at most 1,024 bytes listed in UTF-8 byte order, pages of at most 1,000 keys with the
// continuation tokens it issued, MD5 ETags, multipart uploads refused) served on its own port, for the real S3Client
// and for containers, with one known access key and a grant per bucket: read-write, or read-only (a write is 403).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { S3Client } from '@aws-sdk/client-s3';

import {
  compareKeys,
  createS3Standin,
  type S3Call,
  type S3Object,
  type S3Standin as RestStandin,
} from './s3-rest-standin.js';

export { compareKeys };
export type { S3Call };
export type StoredObject = S3Object;

export interface S3StandinOptions {
  /** Buckets and what the stand-in's credentials may do in each. */
  buckets: Record<string, { access: 'read-write' | 'read-only' }>;
}

export const STANDIN_ACCESS_KEY = 'AKIDSTANDIN0000000001';

export class S3Standin {
  private readonly rest: RestStandin;
  private server?: Server;
  endpoint = '';

  constructor(options: S3StandinOptions) {
    this.rest = createS3Standin({ buckets: Object.keys(options.buckets), accessKeys: [STANDIN_ACCESS_KEY] });
    this.rest.allow = (r) => r.action !== 's3:PutObject' || options.buckets[r.bucket]?.access === 'read-write';
  }

  /** Every request, with S3's answer. */
  get calls(): S3Call[] {
    return this.rest.calls;
  }

  /** The objects of each bucket. */
  get objects(): Map<string, Map<string, S3Object>> {
    return this.rest.buckets;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.rest.handle(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((done) => {
      this.server?.closeAllConnections();
      this.server?.close(() => done());
    });
  }

  /** A real S3Client for the stand-in; `credentials: false` gives one with none (the SDK refuses before sending). */
  client(opts: { credentials?: boolean } = {}): S3Client {
    return new S3Client({
      region: 'eu-west-1',
      endpoint: this.endpoint,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials:
        opts.credentials === false
          ? () => Promise.reject(new Error('Could not load credentials from any providers'))
          : { accessKeyId: STANDIN_ACCESS_KEY, secretAccessKey: 'standin-secret' },
    });
  }

  put(bucket: string, key: string, body: string | Buffer): void {
    this.rest.put(bucket, key, body);
  }

  text(bucket: string, key: string): string | undefined {
    return this.rest.text(bucket, key);
  }

  /** A bucket's keys, in S3's listing order. */
  keys(bucket: string): string[] {
    return [...(this.objects.get(bucket)?.keys() ?? [])].sort(compareKeys);
  }
}
