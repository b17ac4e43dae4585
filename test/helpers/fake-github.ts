// A local stand-in for api.github.com that enforces GitHub's rules, not only its shapes: every request is checked
// against GitHub's OpenAPI description (and refused with 422 when it does not match); tokens are identities (an App
// id and permissions: the workflow token is the github-actions app, 15368; forks and Dependabot get read-only ones)
// and each operation needs its permission; a check run may be changed only by the App that created it; the
// repository has a commit graph with merge, squash and rebase merges and the commit → pull request association;
// lists filter and page; comments have authors; secondary and primary rate limits answer 403/429 with Retry-After
// and refuse a retry that comes too early. Faults (5xx, 403) can be injected on top.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StoredCheckRun } from './github-standin/checks.js';
import { defaultTokens, type Identity } from './github-standin/identities.js';
import { refusal } from './github-standin/identities.js';
import { Repository } from './github-standin/repository.js';
import { route, type StandInState, type StoredComment, type StoredRuleset } from './github-standin/routes.js';
import { githubOpenApi } from './github-openapi.js';

export type { StoredCheckRun } from './github-standin/checks.js';
export type { StoredComment, StoredRuleset } from './github-standin/routes.js';
export * from './github-standin/identities.js';
export { Repository, newSha, type MergeMethod, type StoredPull } from './github-standin/repository.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Json;
  operationId?: string;
  problems: string[];
  /** The status the stand-in answered. */
  status: number;
  authorization?: string;
  /** Who the token is (absent when it is unknown). */
  identity?: Identity;
  /** Milliseconds since the epoch when it arrived. */
  at: number;
}

export interface Fault {
  /** Which requests: `METHOD /path regex`, e.g. 'POST /check-runs$'. */
  match: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail (default: all). */
  times?: number;
}

export interface RateLimit {
  match: RegExp;
  /** secondary: 403 (or 429) with Retry-After; primary: 403 with x-ratelimit-remaining 0 and the reset time. */
  kind: 'secondary' | 'primary';
  /** Seconds until the identity may call again. */
  retryAfter: number;
  status?: 403 | 429;
  times?: number;
}

export interface FakeGithub {
  url: string;
  requests: RecordedRequest[];
  checkRuns: StoredCheckRun[];
  comments: StoredComment[];
  /** Branch name → commit SHAs, newest first (the repository's). */
  commits: Record<string, string[]>;
  repository: Repository;
  protection: Record<string, Json | undefined>;
  rulesets: StoredRuleset[];
  faults: Fault[];
  rateLimits: RateLimit[];
  /** Token → identity. A token not here is refused with 401 Bad credentials. */
  tokens: Map<string, Identity>;
  /** Requests that came while their identity was told to wait (a retry before Retry-After). */
  earlyRetries: RecordedRequest[];
  /** Adds a check run on a commit (a result some earlier run left), by default completed, by the workflow token. */
  addCheckRun(run: Partial<StoredCheckRun> & { head_sha: string; name: string }): StoredCheckRun;
  /** Every OpenAPI problem of every recorded request, one line each. */
  problems(): string[];
  /** Empties every record and store (tokens stay). */
  reset(): void;
  close(): Promise<void>;
}

const OWNER = /^\/repos\/([^/]+)\/([^/]+)/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to ' +
  'GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';

function rateLimited(limit: RateLimit, now: number): [number, Json, Record<string, string>] {
  if (limit.kind === 'secondary') {
    return [limit.status ?? 403, { message: SECONDARY }, { 'retry-after': String(limit.retryAfter) }];
  }
  const reset = Math.ceil(now / 1000) + limit.retryAfter;
  return [
    limit.status ?? 403,
    { message: 'API rate limit exceeded for installation ID 1.' },
    { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(reset) },
  ];
}

export async function startFakeGithub(): Promise<FakeGithub> {
  const api = githubOpenApi();
  const repository = new Repository();
  let nextId = 1000;
  const state: StandInState = {
    url: '',
    api,
    checkRuns: [],
    comments: [],
    repository,
    protection: {},
    rulesets: [],
    nextId: () => nextId++,
  };
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const rateLimits: RateLimit[] = [];
  const earlyRetries: RecordedRequest[] = [];
  const tokens = defaultTokens();
  /** Token → until when (ms) it was told to wait, and what it was told. */
  const waiting = new Map<string, { until: number; answer: [number, Json, Record<string, string>] }>();

  const addCheckRun: FakeGithub['addCheckRun'] = (run) => {
    const stored: StoredCheckRun = {
      id: nextId++,
      status: 'completed',
      conclusion: 'success',
      app_id: 15368,
      started_at: '2025-01-01T00:00:00Z',
      completed_at: '2025-01-01T00:01:00Z',
      output: { title: null, summary: null, text: null },
      updates: [],
      ...run,
    };
    state.checkRuns.push(stored);
    return stored;
  };

  /** The answer before any route: authentication, rate limits, injected faults, OpenAPI problems, permissions. */
  function gatekeeper(
    record: RecordedRequest,
    token: string | undefined,
  ): [number, Json, Record<string, string>] | undefined {
    const now = Date.now();
    const fault = faults.find((f) => f.match.test(`${record.method} ${record.path}`) && (f.times ?? 1) > 0);
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      const message = fault.message ?? `injected ${fault.status}`;
      return [fault.status, { message, documentation_url: 'https://docs.github.com' }, fault.headers ?? {}];
    }
    if (!token) return [401, { message: 'Requires authentication' }, {}];
    const identity = tokens.get(token);
    if (!identity) return [401, { message: 'Bad credentials' }, {}];
    record.identity = identity;
    const wait = waiting.get(token);
    if (wait && now < wait.until) {
      earlyRetries.push(record);
      return wait.answer;
    }
    const limit = rateLimits.find((l) => l.match.test(`${record.method} ${record.path}`) && (l.times ?? 1) > 0);
    if (limit) {
      if (limit.times !== undefined) limit.times--;
      const answer = rateLimited(limit, now);
      waiting.set(token, { until: now + limit.retryAfter * 1000, answer });
      return answer;
    }
    if (record.problems.length > 0) return [422, { message: 'Validation Failed', errors: record.problems }, {}];
    const refused = refusal(identity, record.operationId);
    if (refused) return [refused[0], { message: refused[1], documentation_url: 'https://docs.github.com/rest' }, {}];
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const query: Record<string, string> = {};
    parsed.searchParams.forEach((v, k) => (query[k] = v));
    const text = await readBody(req);
    let body: Json | undefined;
    const problems: string[] = [];
    if (text) {
      try {
        body = JSON.parse(text) as Json;
      } catch {
        problems.push('the body is not JSON');
      }
    }
    const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '') || '/';
    const validation = api.validate({ method, path: parsed.pathname, query, ...(body !== undefined ? { body } : {}) });
    problems.push(...validation.problems);
    const authorization = req.headers.authorization;
    const record: RecordedRequest = {
      method,
      path,
      query,
      ...(body !== undefined ? { body } : {}),
      ...(validation.operationId ? { operationId: validation.operationId } : {}),
      problems,
      status: 0,
      ...(authorization ? { authorization } : {}),
      at: Date.now(),
    };
    requests.push(record);
    const token = /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1];
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    let status: number;
    let payload: unknown;
    const refused = gatekeeper(record, token);
    if (refused) {
      [status, payload] = refused;
      Object.assign(headers, refused[2]);
    } else {
      const [, owner = '', repo = ''] = OWNER.exec(path) ?? [];
      const rest = path.replace(OWNER, '');
      [status, payload] = route(state, {
        method,
        owner,
        repo,
        rest,
        query,
        body,
        identity: record.identity as Identity,
      });
    }
    record.status = status;
    res.writeHead(status, headers);
    res.end(status === 204 ? undefined : JSON.stringify(payload));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: state.url,
    requests,
    checkRuns: state.checkRuns,
    comments: state.comments,
    commits: repository.commits,
    repository,
    protection: state.protection,
    rulesets: state.rulesets,
    faults,
    rateLimits,
    tokens,
    earlyRetries,
    addCheckRun,
    problems: () => requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`)),
    reset: () => {
      for (const list of [
        requests,
        state.checkRuns,
        state.comments,
        faults,
        rateLimits,
        earlyRetries,
        state.rulesets,
      ]) {
        list.length = 0;
      }
      for (const key of Object.keys(repository.commits)) delete repository.commits[key];
      for (const key of Object.keys(state.protection)) delete state.protection[key];
      repository.pulls.length = 0;
      waiting.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
