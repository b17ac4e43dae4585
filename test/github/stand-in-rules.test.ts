// The GitHub stand-in refuses what GitHub refuses: each rule the gate's tests lean on, shown refusing. Plain fetch,
// no Octokit: nothing retries or hides an answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  appToken,
  readOnlyWorkflowToken,
  startFakeGithub,
  userToken,
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

describe('branch protection and rulesets', () => {
  const put = (token: string, checks: unknown) =>
    call(token, 'PUT', '/branches/master/protection', {
      required_status_checks: { strict: false, contexts: [], checks },
      enforce_admins: null,
      required_pull_request_reviews: null,
      restrictions: null,
    });
  const ruleset = (name: string, rules: unknown[] = []) => ({
    name,
    target: 'branch',
    enforcement: 'active',
    conditions: { ref_name: { include: ['refs/heads/master'], exclude: [] } },
    rules,
  });

  it('only an admin changes them: an App without administration gets 403, a person who is not an admin 404', async () => {
    fake.tokens.set('ghp_writer', userToken('writer', 'write'));
    fake.tokens.set('ghs_admin_app', appToken(APP, 'ml-gate', { administration: 'write', metadata: 'read' }));
    for (const token of ['ghs_app', 'ghs_workflow']) {
      expect((await put(token, [{ context: 'x' }])).json.message).toBe('Resource not accessible by integration');
      expect((await call(token, 'POST', '/rulesets', ruleset('r'))).status).toBe(403);
    }
    expect(await put('ghp_writer', [{ context: 'x' }])).toMatchObject({ status: 404, json: { message: 'Not Found' } });
    expect((await call('ghp_writer', 'POST', '/rulesets', ruleset('r'))).status).toBe(404);
    expect((await put('ghs_admin_app', [{ context: 'x' }])).status).toBe(200);
    expect((await call('ghs_admin_app', 'POST', '/rulesets', ruleset('r'))).status).toBe(201);
    // Anyone who can read the repository may read the rules that apply to a branch.
    expect((await call('ghs_fork', 'GET', '/rules/branches/master')).status).toBe(200);
  });

  it('a branch without protection, or without required checks: 404 with GitHub’s message', async () => {
    expect((await call('ghp_x', 'GET', '/branches/master/protection')).json.message).toBe('Branch not protected');
    fake.protection.master = { enforce_admins: { enabled: false } };
    const patch = await call('ghp_x', 'PATCH', '/branches/master/protection/required_status_checks', { checks: [] });
    expect(patch).toMatchObject({ status: 404, json: { message: 'Required status checks not enabled' } });
  });

  it('required checks read back as checks with app_id (null when omitted) and the contexts derived from them', async () => {
    // An App that never posted the check is accepted (GitHub documents no refusal; the check then waits for it).
    await put('ghp_x', [{ context: 'ci' }, { context: 'gate', app_id: 999_999 }]);
    expect((await call('ghp_x', 'GET', '/branches/master/protection')).json.required_status_checks).toEqual({
      strict: false,
      contexts: ['ci', 'gate'],
      checks: [
        { context: 'ci', app_id: null },
        { context: 'gate', app_id: 999_999 },
      ],
    });
    await call('ghp_x', 'PATCH', '/branches/master/protection/required_status_checks', { contexts: ['lint'] });
    expect(fake.protection.master?.required_status_checks).toMatchObject({
      checks: [{ context: 'lint', app_id: null }],
    });
  });

  it('ruleset bodies are checked against the OpenAPI description, and names are unique', async () => {
    const bad = ruleset('r', [{ type: 'required_status_checks', parameters: { required_status_checks: [] } }]);
    expect((await call('ghp_x', 'POST', '/rulesets', bad)).status).toBe(422); // strict_… policy is required
    expect(fake.problems().length).toBeGreaterThan(0);
    fake.requests.length = 0;
    expect((await call('ghp_x', 'POST', '/rulesets', ruleset('r'))).status).toBe(201);
    expect(await call('ghp_x', 'POST', '/rulesets', ruleset('r'))).toMatchObject({
      status: 422,
      json: { errors: ['Name must be unique'] },
    });
  });

  it("an organization's ruleset applies to the branch but cannot be read or changed through the repository", async () => {
    fake.rulesets.push({
      id: 9,
      name: 'org',
      enforcement: 'active',
      include: ['~ALL'],
      rules: [{ type: 'deletion' }],
      organization: 'octo',
      puts: [],
    });
    expect((await call('ghp_x', 'GET', '/rules/branches/master')).json).toMatchObject([
      { type: 'deletion', ruleset_source_type: 'Organization', ruleset_source: 'octo', ruleset_id: 9 },
    ]);
    expect((await call('ghp_x', 'PUT', '/rulesets/9', ruleset('org'))).status).toBe(404);
  });
});
