// GitHub's OIDC ID token: what the job asks its runner for (ACTIONS_ID_TOKEN_REQUEST_URL with a bearer token) and
// exchanges with STS for a role's credentials. A fresh token every time: each lives only minutes.
import { messageOf } from '../error-message.js';

/** The audience AWS expects in the token (the IAM OIDC provider's client ID). */
export const STS_AUDIENCE = 'sts.amazonaws.com';

export const ID_TOKEN_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const ID_TOKEN_TOKEN_ENV = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';

/** The job cannot get an ID token: its permissions lack `id-token: write` (or this is not an Actions run). */
export class IdTokenUnavailableError extends Error {
  constructor() {
    super(
      `GitHub's OIDC token is not available to this job (${ID_TOKEN_URL_ENV} and ${ID_TOKEN_TOKEN_ENV} are not set): ` +
        'role-to-assume needs `permissions: id-token: write` on the job or workflow. ' +
        'Pull requests from forks never get one.',
    );
    this.name = 'IdTokenUnavailableError';
  }
}

export interface IdTokenOptions {
  env: Record<string, string | undefined>;
  /** Every secret seen (the request token and the ID token) goes here before anything could print it. */
  mask: (secret: string) => void;
  audience?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** A fresh ID token for `audience` (default sts.amazonaws.com), masked. */
export async function fetchGithubIdToken(opts: IdTokenOptions): Promise<string> {
  const requestUrl = opts.env[ID_TOKEN_URL_ENV]?.trim();
  const requestToken = opts.env[ID_TOKEN_TOKEN_ENV]?.trim();
  if (!requestUrl || !requestToken) throw new IdTokenUnavailableError();
  opts.mask(requestToken);

  const url = new URL(requestUrl);
  url.searchParams.set('audience', opts.audience ?? STS_AUDIENCE);
  let response: Response;
  try {
    response = await (opts.fetch ?? fetch)(url, {
      headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
      signal: opts.signal ?? AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new Error(`Could not reach GitHub for an OIDC token (${url.origin}): ${messageOf(err)}`, { cause: err });
  }
  if (!response.ok) {
    // The body is GitHub's explanation; it holds no token.
    const body = (await response.text().catch(() => '')).slice(0, 300).trim();
    throw new Error(
      `GitHub refused an OIDC token (HTTP ${response.status}${body ? `: ${body}` : ''}); ` +
        'check that the job has `permissions: id-token: write`',
    );
  }
  const payload = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
  const token = payload?.value;
  if (typeof token !== 'string' || token === '') throw new Error('GitHub answered without an OIDC token (no "value")');
  opts.mask(token);
  return token;
}

/** The claims worth showing when a role refuses the token (`sub`, `aud`), read without verifying; never the token. */
export function idTokenClaims(token: string): { sub?: string; aud?: string } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const aud = Array.isArray(claims.aud) ? claims.aud.join(',') : claims.aud;
    return {
      ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
      ...(typeof aud === 'string' ? { aud } : {}),
    };
  } catch {
    return {};
  }
}
