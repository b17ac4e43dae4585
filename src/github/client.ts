// The GitHub REST client: the Actions toolkit's getOctokit (GHES base URL and the runner's proxy settings come with
// it) with plugin-throttling (primary and secondary rate limits, waiting out Retry-After) and plugin-retry (5xx and
// a 429 without rate-limit headers). Created at the edge and passed in; loaded lazily: a run without a token never
// loads Octokit.
import type { Octokit } from '@octokit/rest';

import type { Logger } from '../logger.js';

/** The part of Octokit this project uses: typed `request('METHOD /path', params)`. */
export type GitHub = Pick<Octokit, 'request'>;

export interface CreateGithubOptions {
  token: string;
  /** GITHUB_API_URL (https://api.github.com, a GHES /api/v3 URL, or a test stand-in). */
  baseUrl: string;
  logger: Logger;
  /** Retries of a 5xx or 429 answer (plugin-retry waits 1 s, 4 s, 9 s … between them). */
  retries?: number;
  /** Retries of one request refused for a rate limit (each after the wait GitHub asks for). */
  rateLimitRetries?: number;
}

export const DEFAULT_API_URL = 'https://api.github.com';
/** Waits longer than this (a primary limit resetting in an hour) are not waited out: the call fails instead. */
export const MAX_RATE_LIMIT_WAIT_S = 120;

/** The throttling plugin's handlers: wait (as GitHub asks) and retry a few times, unless the wait is too long. */
export function rateLimitHandlers(logger: Logger, retries: number) {
  const handler =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount >= retries || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${retryAfter} s again.`);
        return false;
      }
      logger.info(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s.`);
      return true;
    };
  return { onRateLimit: handler('primary'), onSecondaryRateLimit: handler('secondary') };
}

export async function createGithub(options: CreateGithubOptions): Promise<GitHub> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const { logger } = options;
  const quiet = (message: string): void => logger.debug(`GitHub: ${message}`);
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: 'sagemaker-training-action',
      retry: { retries: options.retries ?? 2 },
      throttle: rateLimitHandlers(logger, options.rateLimitRetries ?? 3),
      log: { debug: () => undefined, info: () => undefined, warn: quiet, error: quiet },
    },
    retry,
    throttling,
  );
  return client;
}

export type GithubErrorKind = 'permission' | 'rate-limit' | 'not-found' | 'unavailable' | 'other';

export interface GithubErrorInfo {
  kind: GithubErrorKind;
  status?: number;
  message: string;
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** What kind of failure a thrown Octokit error is, with a one-line message. */
export function describeGithubError(err: unknown): GithubErrorInfo {
  const e = err as { status?: unknown; message?: unknown; response?: { headers?: unknown } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const raw = typeof e?.message === 'string' ? e.message : String(err);
  const message = (raw.split('\n')[0] ?? raw).replace(/ - https?:\/\/\S+$/, '').slice(0, 500);
  const headers = e?.response?.headers;
  if (
    status === 429 ||
    (status === 403 &&
      (header(headers, 'x-ratelimit-remaining') === '0' ||
        header(headers, 'retry-after') !== undefined ||
        /rate limit/i.test(raw)))
  ) {
    return { kind: 'rate-limit', status, message };
  }
  if (status === 401 || status === 403) return { kind: 'permission', status, message };
  if (status === 404) return { kind: 'not-found', status, message };
  if (status === undefined || status >= 500) return { kind: 'unavailable', ...(status ? { status } : {}), message };
  return { kind: 'other', status, message };
}

/** `403 Resource not accessible by integration` style text. */
export function errorText(info: GithubErrorInfo): string {
  return info.status ? `${info.status} ${info.message}` : info.message;
}
