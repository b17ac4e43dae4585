// Back-off with jitter, and which AWS errors are worth waiting out. The SDK clients already retry (standard mode);
// this is the outer layer for long-running loops, where a burst of throttling must slow the loop, not end it.

export interface BackoffOptions {
  /** Delay of the first retry before jitter. */
  baseMs: number;
  /** No delay exceeds this. */
  capMs: number;
  /** A number in [0, 1), such as Math.random. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0 for the first): exponential, capped, with "equal jitter" (between half and
 * all of the exponential delay), so callers hitting the same limit spread out but never retry at once.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const random = opts.random ?? Math.random;
  const exponential = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

interface AwsErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function shapeOf(err: unknown): AwsErrorShape {
  return typeof err === 'object' && err !== null ? err : {};
}

/** The error's AWS name (`ThrottlingException`, `ResourceInUse`, …), or undefined. */
export function awsErrorName(err: unknown): string | undefined {
  const { name, code } = shapeOf(err);
  if (typeof name === 'string' && name !== 'Error') return name;
  return typeof code === 'string' ? code : undefined;
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

export function isThrottlingError(err: unknown): boolean {
  const name = awsErrorName(err);
  return (name !== undefined && THROTTLING_NAMES.has(name)) || shapeOf(err).$metadata?.httpStatusCode === 429;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Throttling, a 5xx answer, a network error or anything the SDK marked retryable: worth waiting out. */
export function isTransientError(err: unknown): boolean {
  if (isThrottlingError(err)) return true;
  const shape = shapeOf(err);
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  if (shape.$retryable !== undefined && shape.$retryable !== null && shape.$retryable !== false) return true;
  const name = awsErrorName(err);
  return name === 'TimeoutError' || name === 'InternalFailure' || (name !== undefined && NETWORK_CODES.has(name));
}

export function isAccessDeniedError(err: unknown): boolean {
  const name = awsErrorName(err);
  return (
    name === 'AccessDeniedException' ||
    name === 'AccessDenied' ||
    name === 'UnauthorizedOperation' ||
    shapeOf(err).$metadata?.httpStatusCode === 403
  );
}
