// The GitHub stand-in refuses what GitHub refuses: each rule the gate's tests lean on, shown refusing. Plain fetch,
// no Octokit: nothing retries or hides an answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  appToken,
  readOnlyWorkflowToken,
  startFakeGithub,
  workflowToken,
  type FakeGithub,
} from '../helpers/fake-github.js';

let fake: FakeGithub;
const APP = 424242;

beforeAll(async () => {
  fake = await startFakeGithub();
  fake.tokens.set('ghs_app', appToken(APP, 'ml-gate'));
  fake.tokens.set('ghs_other_app', appToken(777, 'other'));
  fake.tokens.set('ghs_fork', readOnlyWorkflowToken());
  fake.tokens.set('ghs_workflow', workflowToken());
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

type Obj = Record<string, unknown> & { id?: number; app?: { id: number }; message?: string; user?: object };

async function call(token: string | undefined, method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}/repos/octo/repo${path}`, {
    method,
    headers: { ...(token ? { authorization: `token ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  const list = (Array.isArray(parsed) ? parsed : []) as Obj[];
  return { status: res.status, headers: res.headers, json: (parsed ?? {}) as Obj, list };
}

const SHA = 'a'.repeat(40);
const create = (token: string, extra: object = {}) =>
  call(token, 'POST', '/check-runs', { name: 'gate', head_sha: SHA, status: 'in_progress', ...extra });

describe('identities and permissions', () => {
  it('no token, or one GitHub does not know: 401', async () => {
    expect((await call(undefined, 'GET', '/commits')).json.message).toBe('Requires authentication');
    expect(await call('ghs_nobody', 'GET', '/commits')).toMatchObject({
      status: 401,
      json: { message: 'Bad credentials' },
    });
  });

  it("a fork's (or Dependabot's) read-only token reads check runs but cannot create one", async () => {
    expect(await create('ghs_fork')).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by integration' },
    });
    expect((await call('ghs_fork', 'GET', `/commits/${SHA}/check-runs`)).status).toBe(200);
  });

  it("a person's token cannot create check runs (the Checks API is for Apps), nor can the workflow token protect a branch", async () => {
    expect((await create('ghp_x')).status).toBe(403);
    expect((await call('ghs_workflow', 'GET', '/branches/master/protection')).status).toBe(403);
  });

  it('requests that do not match the OpenAPI description: 422', async () => {
    expect((await create('ghs_app', { colour: 'red' })).status).toBe(422);
    expect(fake.problems()).toEqual(['POST /repos/octo/repo/check-runs: body has unknown property colour']);
    fake.requests.length = 0;
  });
});

describe('check runs', () => {
  it('only the App that created a check run may change it, with GitHub’s message', async () => {
    const created = await create('ghs_workflow');
    expect(created.json.app?.id).toBe(15368);
    const id = Number(created.json.id);
    const refused = await call('ghs_app', 'PATCH', `/check-runs/${id}`, { status: 'completed', conclusion: 'success' });
    expect(refused).toMatchObject({
      status: 403,
      json: { message: 'Invalid app_id `15368` - check run can only be modified by the GitHub App that created it.' },
    });
    expect(fake.checkRuns[0]).toMatchObject({ status: 'in_progress', conclusion: null });
    const mine = await call('ghs_workflow', 'PATCH', `/check-runs/${id}`, {
      status: 'completed',
      conclusion: 'success',
    });
    expect(mine.status).toBe(200);
  });

  it('completed needs a conclusion, and a completed run cannot go back in progress', async () => {
    expect((await create('ghs_app', { status: 'completed' })).status).toBe(422);
    const done = await create('ghs_app', { status: 'completed', conclusion: 'failure' });
    expect(
      (await call('ghs_app', 'PATCH', `/check-runs/${String(done.json.id)}`, { status: 'in_progress' })).status,
    ).toBe(422);
  });

  it('the list for a commit honours check_name, app_id, filter (latest by default) and pages', async () => {
    for (let i = 0; i < 3; i++) fake.addCheckRun({ name: 'gate', head_sha: SHA, app_id: APP });
    fake.addCheckRun({ name: 'gate', head_sha: SHA });
    fake.addCheckRun({ name: 'lint', head_sha: SHA, app_id: APP });
    const list = (q: string) => call('ghs_app', 'GET', `/commits/${SHA}/check-runs?${q}`);
    expect((await list('check_name=gate')).json.total_count).toBe(2); // latest: one per App
    expect((await list('check_name=gate&filter=all')).json.total_count).toBe(4);
    expect((await list(`check_name=gate&filter=all&app_id=${APP}`)).json.total_count).toBe(3);
    const page2 = await list('filter=all&per_page=2&page=2');
    expect(page2.json).toMatchObject({ total_count: 5 });
    expect(page2.json.check_runs).toHaveLength(2);
    expect((await list('filter=all&per_page=2&page=3')).json.check_runs).toHaveLength(1);
  });
});

describe('history: merge methods and the pull request behind a commit', () => {
  it.each(['merge', 'squash', 'rebase'] as const)(
    '%s: the base branch and GET /commits/{sha}/pulls',
    async (method) => {
      const [base] = fake.repository.push('master', 1);
      const pull = fake.repository.openPull({ base: 'master', headRef: 'feature' });
      const open = await call('ghs_app', 'GET', `/commits/${pull.head.sha}/pulls`);
      expect(open.list.map((p) => p.number)).toEqual([pull.number]);
      const tip = fake.repository.merge(pull, method);
      const history = (await call('ghs_app', 'GET', '/commits?sha=master')).list.map((c) => c.sha as string);
      expect(history[0]).toBe(tip);
      expect(history.at(-1)).toBe(base);
      // Only a merge commit keeps the pull request's head (where its check runs are) in the base branch's history.
      expect(history.includes(pull.head.sha)).toBe(method === 'merge');
      expect(history).toHaveLength(method === 'merge' ? 4 : method === 'squash' ? 2 : 3);
      const pulls = await call('ghs_app', 'GET', `/commits/${tip}/pulls`);
      expect(pulls.list).toMatchObject([
        { number: pull.number, state: 'closed', merge_commit_sha: tip, head: { sha: pull.head.sha } },
      ]);
      expect((await call('ghs_app', 'GET', `/commits/${base}/pulls`)).json).toEqual([]);
    },
  );

  it('the pull request association needs pull-requests: read', async () => {
    fake.tokens.set('ghs_checks_only', appToken(APP, 'ml-gate', { checks: 'write', contents: 'read' }));
    expect((await call('ghs_checks_only', 'GET', `/commits/${SHA}/pulls`)).status).toBe(403);
  });
});

describe('comments', () => {
  it('have the author of the token that wrote them; an App cannot edit a comment someone else wrote', async () => {
    fake.comments.push({ id: 1, issue: 3, body: '<!-- marker -->', author: 'mallory' });
    const mine = await call('ghs_workflow', 'POST', '/issues/3/comments', { body: 'hello' });
    expect(mine.json.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const list = await call('ghs_workflow', 'GET', '/issues/3/comments');
    expect(list.list.map((c) => (c.user as { login: string }).login)).toEqual(['mallory', 'github-actions[bot]']);
    expect((await call('ghs_workflow', 'PATCH', '/issues/comments/1', { body: 'x' })).status).toBe(403);
    expect(
      (await call('ghs_workflow', 'PATCH', `/issues/comments/${String(mine.json.id)}`, { body: 'x' })).status,
    ).toBe(200);
  });
});

describe('rate limits', () => {
  it('a secondary limit answers 403 with Retry-After, refuses a retry before it, and serves one after', async () => {
    fake.rateLimits.push({ match: /check-runs$/, kind: 'secondary', retryAfter: 1, times: 1 });
    const first = await create('ghs_app');
    expect(first.status).toBe(403);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.json.message).toMatch(/secondary rate limit/);
    expect((await create('ghs_app')).status).toBe(403);
    expect(fake.earlyRetries).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await create('ghs_app')).status).toBe(201);
  });

  it('a primary limit answers with x-ratelimit-remaining 0 and the reset time', async () => {
    fake.rateLimits.push({ match: /commits$/, kind: 'primary', retryAfter: 30, times: 1 });
    const res = await call('ghs_app', 'GET', '/commits');
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('rulesets', () => {
  it("a branch's active rules come from the rulesets that cover it", async () => {
    const rule = { type: 'required_status_checks', parameters: { required_status_checks: [{ context: 'ci' }] } };
    fake.rulesets.push(
      { id: 1, name: 'main', enforcement: 'active', include: ['~DEFAULT_BRANCH'], rules: [rule], puts: [] },
      { id: 2, name: 'off', enforcement: 'disabled', include: ['~ALL'], rules: [rule], puts: [] },
    );
    const rules = await call('ghs_app', 'GET', '/rules/branches/master');
    expect(rules.json).toMatchObject([{ type: 'required_status_checks', ruleset_id: 1 }]);
    expect((await call('ghs_app', 'GET', '/rules/branches/develop')).json).toEqual([]);
  });
});
