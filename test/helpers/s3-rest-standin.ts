// A stand-in for the S3 REST operations the tool calls (path style, as the SDK addresses an IP endpoint):
// ListObjectsV2, HeadObject, GetObject, PutObject. It keeps S3's rules, not only its shapes: a request must be
// signed, a bucket must exist, an access policy says who may list, read and write (as IAM would); a missing key
// reads as 404 only to a caller allowed to list the bucket (403 otherwise); a listing returns at most 1,000 keys a
// page and accepts only the continuation tokens it issued; a key is at most 1,024 bytes; an ETag is the MD5 of the
// bytes of a single-part upload. Mounted by test/helpers/aws-standin.ts on the same endpoint as the JSON APIs.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type S3Action = 's3:ListBucket' | 's3:GetObject' | 's3:PutObject';

export interface S3Request {
  accessKeyId: string;
  action: S3Action;
  bucket: string;
  key: string;
  /** ListObjectsV2's prefix (IAM's `s3:prefix`); absent when S3 asks whether the caller may list at all. */
  prefix?: string;
}

export interface S3Object {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

export interface S3Call {
  /** `ListObjectsV2`, `HeadObject`, `GetObject`, `PutObject`. */
  operation: string;
  /** The HTTP method. */
  method: string;
  bucket: string;
  key: string;
  /** ListObjectsV2's prefix. */
  prefix?: string;
  status: number;
  at: number;
}

export interface S3Standin {
  buckets: Map<string, Map<string, S3Object>>;
  calls: S3Call[];
  /** Who may do what (default: everyone signed, everything). */
  allow: (request: S3Request) => boolean;
  put(bucket: string, key: string, body: string | Buffer): S3Object;
  delete(bucket: string, key: string): boolean;
  text(bucket: string, key: string): string | undefined;
  /** Handles one S3 request (the caller read its body). */
  handle(req: IncomingMessage, raw: Buffer, res: ServerResponse): void;
}

const MAX_KEYS = 1000;
const MAX_KEY_BYTES = 1024;

/** S3 lists keys in the byte order of their UTF-8 encoding. */
export const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** An aws-chunked body (streamed uploads with trailing checksums): the data of its chunks. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!size) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function errorXml(code: string, message: string, resource: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>STANDIN</RequestId></Error>`;
}

/** The access key of a SigV4 Authorization header, or undefined when the request is not signed. */
function accessKeyOf(req: IncomingMessage): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  return /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\//.exec(auth)?.[1];
}

export interface S3StandinOptions {
  buckets?: string[];
  /** The access keys S3 knows (default: any); a request signed with another is refused (InvalidAccessKeyId). */
  accessKeys?: string[];
  onCall?: (call: S3Call) => void;
}

export function createS3Standin(options: S3StandinOptions = {}): S3Standin {
  const buckets = new Map<string, Map<string, S3Object>>((options.buckets ?? ['bucket']).map((b) => [b, new Map()]));
  const calls: S3Call[] = [];
  const record = (call: S3Call): void => {
    calls.push(call);
    options.onCall?.(call);
  };
  /** Continuation tokens issued: token → the listing it continues and where. */
  const tokens = new Map<string, { bucket: string; prefix: string; after: string }>();

  const standin: S3Standin = {
    buckets,
    calls,
    allow: () => true,
    put(bucket, key, body) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const object = {
        body: bytes,
        etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
      };
      const objects = buckets.get(bucket);
      if (!objects) throw new Error(`no bucket ${bucket}`);
      objects.set(key, object);
      return object;
    },
    delete: (bucket, key) => buckets.get(bucket)?.delete(key) ?? false,
    text: (bucket, key) => buckets.get(bucket)?.get(key)?.body.toString('utf8'),
    handle(req, raw, res) {
      const url = new URL(req.url ?? '/', 'http://s3');
      const path = decodeURIComponent(url.pathname).replace(/^\//, '');
      const slash = path.indexOf('/');
      const bucket = slash < 0 ? path : path.slice(0, slash);
      const key = slash < 0 ? '' : path.slice(slash + 1);
      const method = req.method ?? 'GET';
      const operation =
        method === 'PUT'
          ? 'PutObject'
          : method === 'HEAD'
            ? 'HeadObject'
            : key === '' && url.searchParams.get('list-type') === '2'
              ? 'ListObjectsV2'
              : key === ''
                ? 'ListObjects'
                : 'GetObject';
      const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
        const listed = operation === 'ListObjectsV2' ? { prefix: url.searchParams.get('prefix') ?? '' } : {};
        record({ operation, method, bucket, key, ...listed, status, at: Date.now() });
        const type = body === '' ? {} : { 'content-type': 'application/xml' };
        res.writeHead(status, { ...type, ...headers });
        res.end(method === 'HEAD' ? undefined : body);
      };
      const fail = (status: number, code: string, message: string): void =>
        send(status, errorXml(code, message, `/${path}`));

      const accessKeyId = accessKeyOf(req);
      if (!accessKeyId) return fail(403, 'AccessDenied', 'Anonymous access is not allowed');
      if (options.accessKeys && !options.accessKeys.includes(accessKeyId)) {
        return fail(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
      }
      if (!['GET', 'HEAD', 'PUT'].includes(method))
        return fail(405, 'MethodNotAllowed', `${method} is not allowed here`);
      // Nothing the tool sends to a stand-in is large enough for a multipart upload: refused, not half-served.
      if (url.searchParams.has('uploads') || url.searchParams.has('uploadId')) {
        return fail(501, 'NotImplemented', 'multipart uploads are not served by this stand-in');
      }
      const objects = buckets.get(bucket);
      if (!objects) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
      const may = (action: S3Action, prefix?: string): boolean =>
        standin.allow({ accessKeyId, action, bucket, key, ...(prefix !== undefined ? { prefix } : {}) });

      if (operation === 'ListObjects') return fail(400, 'InvalidRequest', 'this stand-in answers only ListObjectsV2');
      if (operation === 'ListObjectsV2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        if (!may('s3:ListBucket', prefix)) return fail(403, 'AccessDenied', 'Access Denied');
        const maxKeys = Math.min(MAX_KEYS, Number(url.searchParams.get('max-keys') ?? MAX_KEYS));
        const token = url.searchParams.get('continuation-token');
        let after = '';
        if (token !== null) {
          const issued = tokens.get(token);
          if (!issued || issued.bucket !== bucket || issued.prefix !== prefix) {
            return fail(400, 'InvalidArgument', 'The continuation token provided is incorrect');
          }
          after = issued.after;
        }
        const keys = [...objects.keys()]
          .filter((k) => k.startsWith(prefix) && compareKeys(k, after) > 0)
          .sort(compareKeys);
        const page = keys.slice(0, maxKeys);
        const truncated = keys.length > page.length;
        let next = '';
        if (truncated) {
          next = randomBytes(12).toString('base64url');
          tokens.set(next, { bucket, prefix, after: page.at(-1) ?? '' });
        }
        const contents = page.map((k) => {
          const o = objects.get(k) as S3Object;
          return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
        });
        return send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents.join('')}${token !== null ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ''}${truncated ? `<NextContinuationToken>${next}</NextContinuationToken>` : ''}</ListBucketResult>`,
        );
      }
      if (Buffer.byteLength(key) > MAX_KEY_BYTES) return fail(400, 'KeyTooLongError', 'Your key is too long');
      if (operation === 'PutObject') {
        if (!may('s3:PutObject')) return fail(403, 'AccessDenied', 'Access Denied');
        const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
        const object = standin.put(bucket, key, chunked ? decodeAwsChunked(raw) : raw);
        return send(200, '', { etag: object.etag });
      }
      // GetObject and HeadObject.
      if (!may('s3:GetObject')) return fail(403, 'AccessDenied', 'Access Denied');
      const object = objects.get(key);
      if (!object) {
        // Without s3:ListBucket S3 does not say whether a key exists: 403, not 404.
        if (!may('s3:ListBucket')) return fail(403, 'AccessDenied', 'Access Denied');
        return fail(404, 'NoSuchKey', 'The specified key does not exist.');
      }
      const headers = {
        'content-length': String(object.body.length),
        etag: object.etag,
        'last-modified': object.lastModified.toUTCString(),
      };
      record({ operation, method, bucket, key, status: 200, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers });
      res.end(method === 'HEAD' ? undefined : object.body);
    },
  };
  return standin;
}
