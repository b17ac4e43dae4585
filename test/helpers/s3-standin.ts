// A local HTTP stand-in for the S3 REST API (path-style), for the real S3Client pointed at it. It keeps S3's rules
// the code depends on: a request must be signed (SigV4) by a known access key; a bucket must exist; a read-only
// grant refuses writes with 403 AccessDenied; keys are at most 1024 bytes; ListObjectsV2 returns keys in UTF-8 byte
// order, at most MaxKeys (≤ 1000) per page, with continuation tokens. Multipart uploads are refused (501): nothing
// here sends one for the small files tests use. Every request is recorded.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { S3Client } from '@aws-sdk/client-s3';

export interface S3Call {
  method: string;
  bucket: string;
  key: string;
  query: Record<string, string>;
  status: number;
  at: number;
}

export interface StoredObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

export interface S3StandinOptions {
  /** Buckets and what the stand-in's credentials may do in each. */
  buckets: Record<string, { access: 'read-write' | 'read-only' }>;
}

export const STANDIN_ACCESS_KEY = 'AKIDSTANDIN0000000001';
const MAX_KEY_BYTES = 1024;
const MAX_KEYS = 1000;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** S3 lists keys in the byte order of their UTF-8 encoding. */
export const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Decodes an `aws-chunked` body (`<hex size>;chunk-signature=…\r\n<data>\r\n` … `0\r\n<trailers>\r\n\r\n`). */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export class S3Standin {
  readonly calls: S3Call[] = [];
  readonly objects = new Map<string, Map<string, StoredObject>>();
  private server?: Server;
  endpoint = '';

  constructor(private readonly options: S3StandinOptions) {
    for (const bucket of Object.keys(options.buckets)) this.objects.set(bucket, new Map());
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
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
    const data = Buffer.from(body);
    this.objects
      .get(bucket)
      ?.set(key, { body: data, etag: `"${createHash('md5').update(data).digest('hex')}"`, lastModified: new Date() });
  }

  text(bucket: string, key: string): string | undefined {
    return this.objects.get(bucket)?.get(key)?.body.toString('utf8');
  }

  keys(bucket: string): string[] {
    return [...(this.objects.get(bucket)?.keys() ?? [])].sort(compareKeys);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://standin');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const query = Object.fromEntries(url.searchParams.entries());
    const call: S3Call = { method: req.method ?? '', bucket, key, query, status: 0, at: Date.now() };
    this.calls.push(call);
    const answer = this.answer(req, call, Buffer.concat(chunks));
    call.status = answer.status;
    res.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/xml' });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  private answer(req: IncomingMessage, call: S3Call, raw: Buffer): Answer {
    const auth = String(req.headers.authorization ?? '');
    const accessKey = /Credential=([^/]+)\//.exec(auth)?.[1];
    if (!auth.startsWith('AWS4-HMAC-SHA256 ')) return error(403, 'AccessDenied', 'Anonymous access is denied');
    if (accessKey !== STANDIN_ACCESS_KEY)
      return error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    const grant = this.options.buckets[call.bucket];
    const objects = this.objects.get(call.bucket);
    if (!grant || !objects) return error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (Buffer.byteLength(call.key) > MAX_KEY_BYTES) return error(400, 'KeyTooLongError', 'Your key is too long');
    if ('uploads' in call.query || 'uploadId' in call.query) return error(501, 'NotImplemented', 'multipart upload');
    switch (req.method) {
      case 'PUT': {
        if (grant.access !== 'read-write') return error(403, 'AccessDenied', 'Access Denied');
        const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
        this.put(call.bucket, call.key, chunked ? decodeAwsChunked(raw) : raw);
        return { status: 200, headers: { etag: objects.get(call.key)?.etag ?? '' }, body: '' };
      }
      case 'GET':
      case 'HEAD': {
        if (req.method === 'GET' && call.key === '') return this.list(call.bucket, call.query);
        const object = objects.get(call.key);
        if (!object) return error(404, 'NoSuchKey', 'The specified key does not exist.');
        return {
          status: 200,
          headers: {
            'content-length': String(object.body.length),
            etag: object.etag,
            'last-modified': object.lastModified.toUTCString(),
            'content-type': 'application/octet-stream',
          },
          body: object.body,
        };
      }
      default:
        return error(405, 'MethodNotAllowed', `${req.method} is not allowed here`);
    }
  }

  private list(bucket: string, query: Record<string, string>): Answer {
    if (query['list-type'] !== '2') return error(400, 'InvalidArgument', 'only ListObjectsV2 is served');
    const prefix = query.prefix ?? '';
    const maxKeys = Math.min(Number(query['max-keys'] ?? MAX_KEYS), MAX_KEYS);
    const after = query['continuation-token']
      ? Buffer.from(query['continuation-token'], 'base64url').toString()
      : undefined;
    const all = this.keys(bucket).filter(
      (k) => k.startsWith(prefix) && (after === undefined || compareKeys(k, after) > 0),
    );
    const page = all.slice(0, maxKeys);
    const truncated = all.length > page.length;
    const objects = this.objects.get(bucket) as Map<string, StoredObject>;
    const contents = page
      .map((k) => {
        const o = objects.get(k) as StoredObject;
        return `<Contents><Key>${escapeXml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${escapeXml(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join('');
    const next = truncated
      ? `<NextContinuationToken>${Buffer.from(page[page.length - 1] as string).toString('base64url')}</NextContinuationToken>`
      : '';
    const body =
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
      `<Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount>` +
      `<MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`;
    return { status: 200, body };
  }
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

function error(status: number, code: string, message: string): Answer {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>standin</RequestId></Error>`,
  };
}
