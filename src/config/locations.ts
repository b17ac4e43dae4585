// S3 URIs and local paths: the two kinds of place data can come from or go to.

import path from 'node:path';
import type { LocalLocation, S3Location } from '../request.js';

export class LocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocationError';
  }
}

const S3_HINT = 'an S3 URI such as s3://my-bucket/prefix/';

/** True when the text starts with a URI scheme (`s3:`, `https:`, `S3:`), as opposed to a local path. */
export function hasUriScheme(text: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(text);
}

/** Why a bucket name breaks S3's naming rules, or undefined when it follows them. */
export function bucketNameProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return `must be 3 to 63 characters long (got ${bucket.length})`;
  if (/[A-Z]/.test(bucket)) return 'must be lowercase';
  if (!/^[a-z0-9.-]+$/.test(bucket)) return 'may contain only lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket)) return 'must start and end with a letter or digit';
  if (bucket.includes('..')) return 'must not contain two dots in a row';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return 'must not look like an IP address';
  if (bucket.startsWith('xn--')) return 'must not start with xn--';
  return undefined;
}

/**
 * Parses `s3://bucket[/key]`. With `asPrefix` (output and checkpoint folders) the URI is normalised to end with `/`;
 * otherwise it is kept as written (a channel's `s3://b/data` selects every key starting with `data`, as SageMaker
 * does), except that a bare bucket becomes `s3://bucket/`. Throws LocationError with a message naming the rule broken.
 */
export function parseS3Uri(text: string, options: { asPrefix?: boolean } = {}): S3Location {
  const got = JSON.stringify(text);
  if (!text.startsWith('s3://')) {
    if (/^s3:\/\//i.test(text)) throw new LocationError(`must start with lowercase s3:// (got ${got})`);
    throw new LocationError(`must be ${S3_HINT} (got ${got})`);
  }
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? '' : rest.slice(slash + 1);
  if (bucket === '') throw new LocationError(`must name a bucket: ${S3_HINT} (got ${got})`);
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem !== undefined) {
    throw new LocationError(`bucket name ${JSON.stringify(bucket)} ${bucketProblem} (got ${got})`);
  }
  if (key.startsWith('/') || key.includes('//')) {
    throw new LocationError(`must not contain an empty path segment ("//") after the bucket (got ${got})`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new LocationError(`must not contain control characters (got ${got})`);
  if (Buffer.byteLength(key, 'utf8') > 1024) throw new LocationError(`key must be at most 1024 bytes (got ${got})`);
  const normalisedKey = options.asPrefix === true && key !== '' && !key.endsWith('/') ? `${key}/` : key;
  return { kind: 's3', uri: `s3://${bucket}/${normalisedKey}`, bucket, key: normalisedKey };
}

/** Resolves a path from the configuration against the workspace (absolute paths are kept, normalised). */
export function resolveLocalPath(workspace: string, text: string): LocalLocation {
  return { kind: 'local', path: path.resolve(workspace, text) };
}
