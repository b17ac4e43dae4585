// A local stand-in for api.github.com: records every request, checks each against GitHub's OpenAPI description,
// answers with realistic shapes (from the description's examples), keeps check runs, comments and branch
// protection in memory, and can inject faults (5xx, rate limits, missing permissions).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { githubOpenApi } from './github-openapi.js';

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

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at?: string;
  completed_at?: string | null;
  details_url?: string;
  external_id?: string;
  output: { title: string | null; summary: string | null; text: string | null; annotations?: unknown[] };
  /** Every PATCH the run received, in order. */
  updates: Json[];
}

export interface FakeGithub {
  url: string;
  requests: RecordedRequest[];
  checkRuns: StoredCheckRun[];
  comments: { id: number; issue: number; body: string }[];
  /** Branch name → commit SHAs, newest first. */
  commits: Record<string, string[]>;
  protection: Record<string, Json | undefined>;
  faults: Fault[];
  /** Adds a completed check run on a commit (a result some earlier run left). */
  addCheckRun(run: Partial<StoredCheckRun> & { head_sha: string; name: string }): StoredCheckRun;
  /** Every OpenAPI problem of every recorded request, one line each. */
  problems(): string[];
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

export async function startFakeGithub(): Promise<FakeGithub> {
  const api = githubOpenApi();
  const state = {
    requests: [] as RecordedRequest[],
    checkRuns: [] as StoredCheckRun[],
    comments: [] as { id: number; issue: number; body: string }[],
    commits: {} as Record<string, string[]>,
    protection: {} as Record<string, Json | undefined>,
    faults: [] as Fault[],
  };
  let nextId = 1000;
  let url = '';

  const checkRunJson = (run: StoredCheckRun, owner: string, repo: string): Json => {
    const base = api.example('check-run');
    return {
      ...base,
      id: run.id,
      node_id: `CR_${run.id}`,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at ?? null,
      completed_at: run.completed_at ?? null,
      details_url: run.details_url ?? null,
      external_id: run.external_id ?? null,
      url: `${url}/repos/${owner}/${repo}/check-runs/${run.id}`,
      html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.output.annotations?.length ?? 0,
        annotations_url: `${url}/repos/${owner}/${repo}/check-runs/${run.id}/annotations`,
      },
    };
  };

  const addCheckRun: FakeGithub['addCheckRun'] = (run) => {
    const stored: StoredCheckRun = {
      id: nextId++,
      status: 'completed',
      conclusion: 'success',
      started_at: '2025-01-01T00:00:00Z',
      completed_at: '2025-01-01T00:01:00Z',
      output: { title: null, summary: null, text: null },
      updates: [],
      ...run,
    };
    state.checkRuns.push(stored);
    return stored;
  };

  function route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: Json | undefined,
  ): [number, unknown] {
    const [, owner = '', repo = ''] = OWNER.exec(path) ?? [];
    const rest = path.replace(OWNER, '');
    let m: RegExpExecArray | null;
    if (method === 'POST' && rest === '/check-runs') {
      const b = body ?? {};
      const run = addCheckRun({
        name: String(b.name),
        head_sha: String(b.head_sha),
        status: typeof b.status === 'string' ? b.status : 'queued',
        conclusion: typeof b.conclusion === 'string' ? b.conclusion : null,
        started_at: typeof b.started_at === 'string' ? b.started_at : new Date().toISOString(),
        completed_at: typeof b.completed_at === 'string' ? b.completed_at : null,
        ...(typeof b.details_url === 'string' ? { details_url: b.details_url } : {}),
        ...(typeof b.external_id === 'string' ? { external_id: b.external_id } : {}),
        output: { title: null, summary: null, text: null, ...(b.output as object) },
      });
      return [201, checkRunJson(run, owner, repo)];
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = state.checkRuns.find((r) => r.id === Number(m?.[1]));
      if (!run) return [404, { message: 'Not Found' }];
      if (method === 'GET') return [200, checkRunJson(run, owner, repo)];
      if (method === 'PATCH') {
        const b = body ?? {};
        run.updates.push(b);
        if (typeof b.status === 'string') run.status = b.status;
        if (typeof b.conclusion === 'string') {
          run.conclusion = b.conclusion;
          run.status = 'completed';
        }
        if (typeof b.completed_at === 'string') run.completed_at = b.completed_at;
        if (b.output) run.output = { ...run.output, ...b.output };
        return [200, checkRunJson(run, owner, repo)];
      }
    }
    if (method === 'GET' && rest === '/commits') {
      const branch = query.sha ?? 'main';
      const shas = state.commits[branch];
      if (!shas) return [404, { message: 'No commit found for SHA: ' + branch }];
      const perPage = Number(query.per_page ?? 30);
      const item = api.example('commit-items');
      const template = (Array.isArray(item) ? item[0] : item) as Json;
      return [200, shas.slice(0, perPage).map((sha) => ({ ...template, sha, node_id: `C_${sha}` }))];
    }
    if (method === 'GET' && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const ref = decodeURIComponent(m[1] ?? '');
      const runs = state.checkRuns.filter(
        (r) =>
          r.head_sha === ref &&
          (query.check_name === undefined || r.name === query.check_name) &&
          (query.status === undefined || r.status === query.status),
      );
      return [200, { total_count: runs.length, check_runs: runs.map((r) => checkRunJson(r, owner, repo)) }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') {
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const list = state.comments.filter((c) => c.issue === issue).slice((page - 1) * perPage, page * perPage);
        const template = api.example('issue-comment');
        return [200, list.map((c) => ({ ...template, id: c.id, body: c.body }))];
      }
      if (method === 'POST') {
        const comment = { id: nextId++, issue, body: String(body?.body) };
        state.comments.push(comment);
        return [201, { ...api.example('issue-comment'), id: comment.id, body: comment.body }];
      }
    }
    if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = state.comments.find((c) => c.id === Number(m?.[1]));
      if (!comment) return [404, { message: 'Not Found' }];
      comment.body = String(body?.body);
      return [200, { ...api.example('issue-comment'), id: comment.id, body: comment.body }];
    }
    if ((m = /^\/branches\/([^/]+)\/protection(\/required_status_checks)?$/.exec(rest))) {
      const branch = decodeURIComponent(m[1] ?? '');
      const current = state.protection[branch];
      if (!m[2] && method === 'GET') {
        return current ? [200, current] : [404, { message: 'Branch not protected' }];
      }
      if (!m[2] && method === 'PUT') {
        const b = body ?? {};
        const rsc = b.required_status_checks as Json | null;
        state.protection[branch] = {
          url: `${url}/repos/${owner}/${repo}/branches/${branch}/protection`,
          ...(rsc ? { required_status_checks: { ...rsc } } : {}),
          enforce_admins: { url: '', enabled: b.enforce_admins === true },
          ...(b.required_pull_request_reviews
            ? { required_pull_request_reviews: b.required_pull_request_reviews }
            : {}),
          __put: b,
        };
        return [200, state.protection[branch]];
      }
      if (m[2] && method === 'PATCH') {
        const rsc = current?.required_status_checks as Json | undefined;
        if (!current || !rsc) return [404, { message: 'Required status checks not enabled' }];
        Object.assign(rsc, body);
        return [200, rsc];
      }
    }
    return [404, { message: `fake GitHub: no route for ${method} ${path}` }];
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
    const record: RecordedRequest = {
      method,
      path,
      query,
      ...(body !== undefined ? { body } : {}),
      ...(validation.operationId ? { operationId: validation.operationId } : {}),
      problems,
      status: 0,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    state.requests.push(record);

    const key = `${method} ${path}`;
    const fault = state.faults.find((f) => f.match.test(key) && (f.times === undefined || f.times > 0));
    let status: number;
    let payload: unknown;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      status = fault.status;
      payload = { message: fault.message ?? `injected ${fault.status}`, documentation_url: 'https://docs.github.com' };
      Object.assign(headers, fault.headers);
    } else if (problems.length > 0) {
      status = 422;
      payload = { message: 'Validation Failed', errors: problems };
    } else {
      [status, payload] = route(method, path, query, body);
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
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    ...state,
    addCheckRun,
    problems: () => state.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`)),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
